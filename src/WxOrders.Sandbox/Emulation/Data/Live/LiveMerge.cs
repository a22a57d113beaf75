using System;
using System.Collections.Generic;

namespace WxOrders.Emulation.Data.Live
{
    /// <summary>
    /// A list window in live mode: the static data set's selection (without the orders the snapshot holds a newer
    /// version of) merged with the snapshot's orders in the window, in one order: by a time, then by index.
    /// </summary>
    internal static class LiveMerge
    {
        /// <summary>Order by time (ascending, or descending), then by index ascending.</summary>
        public static int Compare(long timeA, int indexA, long timeB, int indexB, bool descending)
        {
            if (timeA != timeB)
            {
                return descending ? timeB.CompareTo(timeA) : timeA.CompareTo(timeB);
            }

            return indexA.CompareTo(indexB);
        }

        /// <param name="staticSelection">The static orders in the window, in the merge order.</param>
        /// <param name="staticKey">The time a static order is sorted by.</param>
        /// <param name="view">The live snapshot (its orders replace their static versions).</param>
        /// <param name="keyName">Names <paramref name="liveKey"/>, so the snapshot sorts its orders once per key.</param>
        /// <param name="keep">Whether a live version is in the window and passes the filter.</param>
        public static OrderSelection Merge(
            OrderSelection staticSelection,
            Func<int, long> staticKey,
            LiveView view,
            string keyName,
            Func<OrderVersion, long> liveKey,
            Func<int, OrderVersion, bool> keep,
            bool descending)
        {
            var live = view.SortedBy(keyName, liveKey, descending);
            var result = new List<int>(staticSelection.Count + live.Length);
            var s = 0;
            var l = 0;
            var nextStatic = NextStatic(staticSelection, view, ref s);
            var nextLive = NextLive(live, keep, ref l);
            while (nextStatic >= 0 || nextLive >= 0)
            {
                bool takeStatic;
                if (nextStatic < 0)
                {
                    takeStatic = false;
                }
                else if (nextLive < 0)
                {
                    takeStatic = true;
                }
                else
                {
                    takeStatic = Compare(staticKey(nextStatic), nextStatic, liveKey(live[l].Value), nextLive, descending) <= 0;
                }

                if (takeStatic)
                {
                    result.Add(nextStatic);
                    s++;
                    nextStatic = NextStatic(staticSelection, view, ref s);
                }
                else
                {
                    result.Add(nextLive);
                    l++;
                    nextLive = NextLive(live, keep, ref l);
                }
            }

            return new OrderSelection(result.ToArray(), 0, result.Count);
        }

        private static int NextStatic(OrderSelection selection, LiveView view, ref int k)
        {
            for (; k < selection.Count; k++)
            {
                var index = selection.IndexAt(k);
                if (!view.Contains(index))
                {
                    return index;
                }
            }

            return -1;
        }

        private static int NextLive(KeyValuePair<int, OrderVersion>[] live, Func<int, OrderVersion, bool> keep, ref int k)
        {
            for (; k < live.Length; k++)
            {
                if (keep(live[k].Key, live[k].Value))
                {
                    return live[k].Key;
                }
            }

            return -1;
        }
    }
}
