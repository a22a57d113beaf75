using System;
using System.Collections.Generic;
using System.Globalization;
using WxOrders.Emulation.Data.Live;

namespace WxOrders.Emulation.Data.Wshoto
{
    /// <summary>
    /// The Wshoto data set: order i has the 19-digit order_sn OrderSnBase + i * OrderSnStep (beyond a double's 2^53),
    /// so a lookup maps back to i. Times are seeded over 2024 (not in index order): the list's windows go through
    /// indexes sorted by creation, completion and update time, each built on first use.
    /// </summary>
    internal sealed class WshotoOrders : SeededOrders
    {
        public const ulong OrderSnBase = 1723051502104450002UL;
        public const ulong OrderSnStep = 104729UL;
        public const ulong DetailIdBase = 1657810577105402177UL;
        public const ulong Salt = Salts.WshotoOrder;

        // 7 is not a documented status: it stands for one the documents do not list.
        private static readonly int[] Statuses = { 0, 1, 2, 3, 4, 4, 4, 5, 5, 7 };
        private static readonly int[] ExpressTypes = { 1, 1, 1, 2, 0 };
        private static readonly int[] CloseTags = { 1, 2, 3, 5, 8, 9, 10 };
        private static readonly DateTimeOffset Epoch = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

        private readonly SortedKeys byCreate;
        private readonly SortedKeys byFinish;
        private readonly SortedKeys byUpdate;

        public WshotoOrders(int seed, int count)
            : base(seed, count)
        {
            byCreate = new SortedKeys(count, i => Timeline(i).Created.ToUnixTimeSeconds());
            byFinish = new SortedKeys(count, i => Timeline(i).FinishTime?.ToUnixTimeSeconds() ?? SortedKeys.None);
            byUpdate = new SortedKeys(count, i => Timeline(i).Updated.ToUnixTimeSeconds());
        }

        /// <summary>The live part (Start-WxOrdersSandbox -Live): new orders and status changes; null otherwise.</summary>
        public LiveLedger Live { get; set; }

        /// <summary>Status and times of order <paramref name="index"/> (its static version).</summary>
        public WshotoTimeline Timeline(int index) => Timeline(index, null);

        /// <summary>Status and times of order <paramref name="index"/> as <paramref name="view"/> has it, else its static version.</summary>
        public WshotoTimeline Timeline(int index, LiveView view)
        {
            var i = (ulong)index;
            var express = ExpressTypes[SandboxData.Int(Seed, Salt + 3, i, ExpressTypes.Length)];
            var closeTag = CloseTags[SandboxData.Int(Seed, Salt + 5, i, CloseTags.Length)];
            var closeDelay = SandboxData.Int(Seed, Salt + 7, i, 3000);
            if (view != null && view.TryGet(index, out var v))
            {
                return new WshotoTimeline(v.Status, express, closeTag, DateTimeOffset.FromUnixTimeSeconds(v.Create), closeDelay, DateTimeOffset.FromUnixTimeSeconds(v.Update));
            }

            return new WshotoTimeline(
                Statuses[SandboxData.Int(Seed, Salt + 1, i, Statuses.Length)],
                express,
                closeTag,
                Epoch.AddSeconds(SandboxData.Int(Seed, Salt + 6, i, 300 * 86400)),
                closeDelay);
        }

        /// <summary>The version of order <paramref name="index"/> in <paramref name="view"/> (status, creation, update).</summary>
        public OrderVersion Version(int index, LiveView view)
        {
            if (view != null && view.TryGet(index, out var v))
            {
                return v;
            }

            var t = Timeline(index);
            return new OrderVersion(t.Status, t.Created.ToUnixTimeSeconds(), t.Updated.ToUnixTimeSeconds());
        }

        /// <summary>Every order (static and live) whose current version changed at or after <paramref name="since"/>.</summary>
        public IEnumerable<(int Index, OrderVersion Version)> ChangedSince(long since) => LiveTruth.ChangedSince(Count, Live, since, i => Version(i, null));

        /// <summary>
        /// The orders whose time of the list's <paramref name="type"/> (1 creation, 2 completion, 3 update) is in
        /// [from, to] (unix seconds, inclusive; null: unbounded), oldest first.
        /// </summary>
        public OrderSelection Window(int type, long? from, long? to, LiveView view = null)
        {
            var selection = (type == 1 ? byCreate : type == 2 ? byFinish : byUpdate).Window(from, to);
            if (view == null || view.Count == 0)
            {
                return selection;
            }

            Func<int, long> staticKey;
            Func<OrderVersion, long> liveKey;
            switch (type)
            {
                case 1:
                    staticKey = i => Timeline(i).Created.ToUnixTimeSeconds();
                    liveKey = v => v.Create;
                    break;
                case 2:
                    staticKey = i => Timeline(i).FinishTime?.ToUnixTimeSeconds() ?? SortedKeys.None;
                    liveKey = v => v.Status == 4 ? v.Update : SortedKeys.None; // a live order completes with its change to 4
                    break;
                default:
                    staticKey = i => Timeline(i).Updated.ToUnixTimeSeconds();
                    liveKey = v => v.Update;
                    break;
            }

            return LiveMerge.Merge(selection, staticKey, view, "type" + type.ToString(CultureInfo.InvariantCulture), liveKey, (_, v) =>
            {
                var key = liveKey(v);
                return key != SortedKeys.None && (!from.HasValue || key >= from.Value) && (!to.HasValue || key <= to.Value);
            }, descending: false);
        }

        public static ulong OrderSnOf(int index) => OrderSnBase + ((ulong)index * OrderSnStep);

        public static string OrderSnText(int index) => OrderSnOf(index).ToString(CultureInfo.InvariantCulture);

        public static ulong DetailIdOf(int index, int line) => DetailIdBase + ((ulong)index * 16UL) + (ulong)line;

        /// <summary>The index an order_sn stands for, or -1.</summary>
        public int IndexOf(string orderSn)
        {
            if (string.IsNullOrEmpty(orderSn) || orderSn.Length != 19 || orderSn[0] == '0' ||
                !ulong.TryParse(orderSn, NumberStyles.None, CultureInfo.InvariantCulture, out var sn) ||
                sn < OrderSnBase || (sn - OrderSnBase) % OrderSnStep != 0)
            {
                return -1;
            }

            var index = (sn - OrderSnBase) / OrderSnStep;
            return index < (ulong)Count ? (int)index : index < int.MaxValue && Live != null && Live.Latest.Contains((int)index) ? (int)index : -1;
        }
    }
}
