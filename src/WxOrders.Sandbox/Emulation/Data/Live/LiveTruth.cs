using System;
using System.Collections.Generic;

namespace WxOrders.Emulation.Data.Live
{
    /// <summary>The ground truth of the live tests: every order whose current version changed at or after an instant.</summary>
    internal static class LiveTruth
    {
        /// <param name="staticVersion">An order's static version (used when the live part has none for it).</param>
        public static IEnumerable<(int Index, OrderVersion Version)> ChangedSince(int staticCount, LiveLedger live, long since, Func<int, OrderVersion> staticVersion)
        {
            var view = live?.Latest;
            for (var i = 0; i < staticCount; i++)
            {
                var v = view != null && view.TryGet(i, out var changed) ? changed : staticVersion(i);
                if (v.Update >= since)
                {
                    yield return (i, v);
                }
            }

            if (view == null)
            {
                yield break;
            }

            foreach (var pair in view.All)
            {
                if (pair.Key >= staticCount && pair.Value.Update >= since)
                {
                    yield return (pair.Key, pair.Value);
                }
            }
        }
    }
}
