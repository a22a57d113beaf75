using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using WxOrders.Emulation.Data.Live;

namespace WxOrders.Emulation.Data.Union
{
    /// <summary>
    /// Union orders as a pure function of (seed, index), newest first: order i is paid strictly after order i + 1,
    /// so a payment-time window is an index range found by binary search. Status lists and the order by
    /// commission-update time are built once, on first use; other filter combinations are cached per filter.
    /// No page request scans the data set.
    /// </summary>
    internal sealed class UnionOrders : SeededOrders
    {
        public const ulong IdBase = 1952300000000000UL;
        public const ulong IdStep = 7919UL;
        public const ulong Salt = Salts.UnionOrder;

        /// <summary>Salt of the seconds a payment time is pulled earlier (0 to 59).</summary>
        private const ulong PayJitterSalt = Salt;

        /// <summary>Salt of the commission status draw.</summary>
        private const ulong StatusSalt = Salt + 1;

        /// <summary>Salt of the delay from payment to the last commission-status change.</summary>
        private const ulong UpdateDelaySalt = Salt + 2;

        /// <summary>The newest payment time: 2025-06-30 23:59:00 +08:00.</summary>
        public static readonly long NewestPayTime = new DateTimeOffset(2025, 6, 30, 23, 59, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds();

        /// <summary>Wire statuses; index 3 is a status the documents do not list (clients must keep it).</summary>
        public static readonly string[] StatusCodes = { "SETTLEMENT_PENDING", "SETTLEMENT_SUCCESS", "SETTLEMENT_CANCELED", "SETTLEMENT_FROZEN" };

        private readonly ConcurrentDictionary<string, int[]> filtered = new ConcurrentDictionary<string, int[]>(StringComparer.Ordinal);
        private int[][] byStatus;
        private int[] byUpdate;
        private long[] updateSorted;
        private int visibleFrom;
        private int revealPerRequest;
        private int pageCap;

        public UnionOrders(int seed, int count)
            : base(seed, count)
        {
        }

        /// <summary>The newest order that has "arrived" (see SandboxTestHooks.SimulateUnionArrivals); 0 normally.</summary>
        public int VisibleFrom => Volatile.Read(ref visibleFrom);

        /// <summary>The most orders a search page holds (0: as asked); see SandboxTestHooks.SimulateUnionPageCap.</summary>
        public int PageCap
        {
            get => Volatile.Read(ref pageCap);
            set => Volatile.Write(ref pageCap, value);
        }

        public void SetArrivals(int hidden, int perRequest)
        {
            Volatile.Write(ref revealPerRequest, perRequest);
            Volatile.Write(ref visibleFrom, hidden);
        }

        /// <summary>Each search request hides <paramref name="perRequest"/> more of the newest orders.</summary>
        public void SetDepartures(int perRequest) => Volatile.Write(ref revealPerRequest, -perRequest);

        /// <summary>Called after each search request: reveals the next arrivals (or hides the next departures), if any are simulated.</summary>
        public void AfterSearch()
        {
            var step = Volatile.Read(ref revealPerRequest);
            if (step == 0)
            {
                return;
            }

            int current, next;
            do
            {
                current = Volatile.Read(ref visibleFrom);
                next = (int)Math.Min(Count, Math.Max(0L, (long)current - step));
            }
            while (current != next && Interlocked.CompareExchange(ref visibleFrom, next, current) != current);
        }

        /// <summary>The live part (Start-WxOrdersSandbox -Live): new orders and commission changes; null otherwise.</summary>
        public LiveLedger Live { get; set; }

        /// <summary>
        /// Order <paramref name="i"/> as <paramref name="view"/> has it, else its static version: payment time (Create),
        /// commission status and commissionStatusUpdateTime (Update).
        /// </summary>
        public OrderVersion Version(int i, LiveView view) =>
            view != null && view.TryGet(i, out var v) ? v : new OrderVersion(Status(i), PayTime(i), UpdateTime(i));

        /// <summary>
        /// The orders a filter selects in live mode, as <paramref name="view"/> has them: the static selection merged
        /// with the new and changed orders, newest first by payment time, or by commission update time when sorted so.
        /// </summary>
        public OrderSelection Select(UnionFilter f, LiveView view)
        {
            var selection = Select(f);
            if (view == null || view.Count == 0)
            {
                return selection;
            }

            bool Keep(int i, OrderVersion v) =>
                i >= VisibleFrom &&
                (!f.Status.HasValue || v.Status == f.Status.Value) &&
                (!f.PayStart.HasValue || v.Create >= f.PayStart.Value) &&
                (!f.PayEnd.HasValue || v.Create <= f.PayEnd.Value) &&
                (!f.SortByUpdate || ((!f.UpdateStart.HasValue || v.Update >= f.UpdateStart.Value) && (!f.UpdateEnd.HasValue || v.Update <= f.UpdateEnd.Value)));
            return f.SortByUpdate
                ? LiveMerge.Merge(selection, UpdateTime, view, "update", v => v.Update, Keep, descending: true)
                : LiveMerge.Merge(selection, PayTime, view, "pay", v => v.Create, Keep, descending: true);
        }

        /// <summary>Every order (static and live) whose current version changed at or after <paramref name="since"/>.</summary>
        public IEnumerable<(int Index, OrderVersion Version)> ChangedSince(long since) => LiveTruth.ChangedSince(Count, Live, since, i => Version(i, null));

        public static ulong OrderIdOf(int index) => IdBase + ((ulong)index * IdStep);

        public static string OrderIdText(int index) => OrderIdOf(index).ToString(CultureInfo.InvariantCulture);

        public static int StatusIndex(string code) => code == null ? -1 : Array.IndexOf(StatusCodes, code);

        /// <summary>The index of an order id, or -1.</summary>
        public int IndexOf(string id)
        {
            if (string.IsNullOrEmpty(id) || id.Length > 19 || id[0] == '0' ||
                !ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ||
                n < IdBase || (n - IdBase) % IdStep != 0)
            {
                return -1;
            }

            var index = (n - IdBase) / IdStep;
            if (index >= (ulong)Count)
            {
                return index < int.MaxValue && Live != null && Live.Latest.Contains((int)index) ? (int)index : -1;
            }

            return (int)index >= VisibleFrom ? (int)index : -1;
        }

        /// <summary>Payment time (unix seconds): strictly decreasing in the index, 38 to 156 s apart.</summary>
        public long PayTime(int i) => NewestPayTime - (97L * i) - (long)(SandboxData.Hash(Seed, PayJitterSalt, (ulong)i) % 60);

        /// <summary>0 pending (half), 1 settled, 2 canceled, 3 an undocumented status (1 in 50).</summary>
        public int Status(int i)
        {
            var r = (int)(SandboxData.Hash(Seed, StatusSalt, (ulong)i) % 100);
            return r < 50 ? 0 : r < 85 ? 1 : r < 98 ? 2 : 3;
        }

        /// <summary>When the commission status last changed: minutes after payment while pending, days after otherwise.</summary>
        public long UpdateTime(int i)
        {
            var h = SandboxData.Hash(Seed, UpdateDelaySalt, (ulong)i);
            switch (Status(i))
            {
                case 0: return PayTime(i) + 60 + (long)(h % 3540);
                case 1: return PayTime(i) + (7 * 86400) + (long)(h % (13 * 86400));
                case 2: return PayTime(i) + 86400 + (long)(h % (6 * 86400));
                default: return PayTime(i) + 86400 + (long)(h % (2 * 86400));
            }
        }

        public OrderSelection Select(UnionFilter f)
        {
            var from = VisibleFrom;
            if (!f.SortByUpdate)
            {
                var lo = Math.Max(from, f.PayEnd.HasValue ? FirstPaidAtOrBefore(f.PayEnd.Value) : 0);
                var hi = f.PayStart.HasValue ? FirstPaidAtOrBefore(f.PayStart.Value - 1) : Count;
                if (hi < lo)
                {
                    hi = lo;
                }

                if (!f.Status.HasValue)
                {
                    return new OrderSelection(null, lo, hi - lo);
                }

                var list = StatusLists()[f.Status.Value];
                var a = LowerBound(list, lo);
                var b = LowerBound(list, hi);
                return new OrderSelection(list, a, b - a);
            }

            EnsureUpdateOrder();
            var first = f.UpdateEnd.HasValue ? FirstUpdatedAtOrBefore(f.UpdateEnd.Value) : 0;
            var end = f.UpdateStart.HasValue ? FirstUpdatedAtOrBefore(f.UpdateStart.Value - 1) : Count;
            if (end < first)
            {
                end = first;
            }

            if (!f.Status.HasValue && !f.PayStart.HasValue && !f.PayEnd.HasValue && from == 0)
            {
                return new OrderSelection(byUpdate, first, end - first);
            }

            var key = f.CacheKey() + "|" + from.ToString(CultureInfo.InvariantCulture);
            if (!filtered.TryGetValue(key, out var map))
            {
                var keep = new List<int>();
                for (var k = first; k < end; k++)
                {
                    var i = byUpdate[k];
                    if (i >= from &&
                        (!f.Status.HasValue || Status(i) == f.Status.Value) &&
                        (!f.PayStart.HasValue || PayTime(i) >= f.PayStart.Value) &&
                        (!f.PayEnd.HasValue || PayTime(i) <= f.PayEnd.Value))
                    {
                        keep.Add(i);
                    }
                }

                map = keep.ToArray();
                if (filtered.Count > 32)
                {
                    filtered.Clear();
                }

                filtered[key] = map;
            }

            return new OrderSelection(map, 0, map.Length);
        }

        /// <summary>The smallest index paid at or before t (count when none): payment times decrease with the index.</summary>
        private int FirstPaidAtOrBefore(long t) => SortedSearch.First(Count, i => PayTime(i) <= t);

        /// <summary>The first position in the update order updated at or before t (count when none).</summary>
        private int FirstUpdatedAtOrBefore(long t) => SortedSearch.First(Count, k => updateSorted[k] <= t);

        /// <summary>The first position of <paramref name="sorted"/> holding <paramref name="value"/> or more.</summary>
        private static int LowerBound(int[] sorted, int value) => SortedSearch.First(sorted.Length, k => sorted[k] >= value);

        private int[][] StatusLists()
        {
            return LazyInitializer.EnsureInitialized(ref byStatus, () =>
            {
                var lists = new List<int>[StatusCodes.Length];
                for (var s = 0; s < lists.Length; s++)
                {
                    lists[s] = new List<int>();
                }

                for (var i = 0; i < Count; i++)
                {
                    lists[Status(i)].Add(i);
                }

                return lists.Select(l => l.ToArray()).ToArray();
            });
        }

        private void EnsureUpdateOrder()
        {
            if (Volatile.Read(ref updateSorted) != null)
            {
                return;
            }

            lock (filtered)
            {
                if (updateSorted != null)
                {
                    return;
                }

                // Newest update first, ties by index: one sort on (2^32 - time) << 24 | index (count < 2^24, time < 2^32).
                var keys = new long[Count];
                var order = new int[Count];
                for (var i = 0; i < Count; i++)
                {
                    order[i] = i;
                    keys[i] = ((0x100000000L - UpdateTime(i)) << 24) | (long)i;
                }

                if (Count < (1 << 24))
                {
                    Array.Sort(keys, order);
                }
                else
                {
                    Array.Sort(order, (a, b) => a == b ? 0 : UpdateTime(a) != UpdateTime(b) ? UpdateTime(b).CompareTo(UpdateTime(a)) : a.CompareTo(b));
                }

                var times = new long[Count];
                for (var k = 0; k < Count; k++)
                {
                    times[k] = UpdateTime(order[k]);
                }

                byUpdate = order;
                Volatile.Write(ref updateSorted, times);
            }
        }
    }
}
