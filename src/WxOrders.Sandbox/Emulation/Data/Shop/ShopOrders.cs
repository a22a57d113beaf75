using System;
using System.Collections.Generic;
using System.Globalization;
using WxOrders.Emulation.Data.Live;

namespace WxOrders.Emulation.Data.Shop
{
    /// <summary>
    /// The shop data set: order i has id IdBase + i * IdStep (all beyond 2^63), out_order_id "SO" + (202400000000 + i)
    /// and a seeded openid, so a lookup maps back to i. Creation times are seeded over 2024 (not in index order), so
    /// the list's creation-time window goes through an index sorted by creation time, built on first use.
    /// </summary>
    internal sealed class ShopOrders : SeededOrders
    {
        public const ulong IdBase = 10000000000000000000UL;
        public const ulong IdStep = 7919UL;
        public const string OutIdPrefix = "SO";
        public const ulong Salt = Salts.ShopOrder;
        private const long OutIdBase = 202400000000L;

        /// <summary>Salt of the delay from creation to the last change.</summary>
        private const ulong UpdateDelaySalt = Salt + 40;

        private static readonly int[] Statuses = { 10, 11, 20, 20, 30, 30, 100, 100, 100, 181, 200, 250, 1010, 999 };
        private static readonly int[] Scenes = { 1001, 1007, 1011, 1089, 1175, 1177 };
        private static readonly long Epoch = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds();

        private readonly SortedKeys byCreate;

        public ShopOrders(int seed, int count)
            : base(seed, count)
        {
            byCreate = new SortedKeys(count, CreateTime);
        }

        public static ulong OrderIdOf(int index) => IdBase + ((ulong)index * IdStep);

        public static string OutOrderIdOf(int index) => OutIdPrefix + (OutIdBase + index).ToString(CultureInfo.InvariantCulture);

        public static string OpenIdOf(int seed, int index) => SandboxData.OpenId(seed, Salt, (ulong)index);

        public ShopOrderSample Sample(int index) => new ShopOrderSample { OrderId = OrderIdOf(index), OpenId = OpenIdOf(Seed, index) };

        /// <summary>The index of an order_id, or -1.</summary>
        public int IndexOfId(ulong id)
        {
            if (id < IdBase || (id - IdBase) % IdStep != 0)
            {
                return -1;
            }

            return Known((id - IdBase) / IdStep);
        }

        /// <summary>The index of an out_order_id, or -1.</summary>
        public int IndexOfOutId(string outId)
        {
            if (!outId.StartsWith(OutIdPrefix, StringComparison.Ordinal) ||
                !long.TryParse(outId.Substring(OutIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return -1;
            }

            return n < OutIdBase ? -1 : Known((ulong)(n - OutIdBase));
        }

        public int Status(int index) => Statuses[SandboxData.Int(Seed, Salt + 1, (ulong)index, Statuses.Length)];

        /// <summary>Creation time (unix seconds): seeded over 300 days from 2024-01-01 +08:00.</summary>
        public long CreateTime(int index) => Epoch + SandboxData.Int(Seed, Salt + 2, (ulong)index, 300 * 86400);

        /// <summary>Last change: the creation for an unpaid order, else up to two weeks after payment (a minute after creation).</summary>
        public long UpdateTime(int index) =>
            Status(index) == 10 ? CreateTime(index) : CreateTime(index) + 60 + SandboxData.Int(Seed, UpdateDelaySalt, (ulong)index, 14 * 86400);

        /// <summary>fund_type as the list sends it: its values are not documented; 0 or 1 here.</summary>
        public int FundType(int index) => SandboxData.Int(Seed, Salt + 41, (ulong)index, 2);

        /// <summary>scene: a Mini Program scene value (1001 the task bar, 1007 a chat card, ...).</summary>
        public int Scene(int index) => Scenes[SandboxData.Int(Seed, Salt + 42, (ulong)index, Scenes.Length)];

        /// <summary>The live part (Start-WxOrdersSandbox -Live): new orders and changes of recent ones; null otherwise.</summary>
        public LiveLedger Live { get; set; }

        /// <summary>Order <paramref name="index"/> as <paramref name="view"/> has it, else its static version.</summary>
        public OrderVersion Version(int index, LiveView view) =>
            view != null && view.TryGet(index, out var v) ? v : new OrderVersion(Status(index), CreateTime(index), UpdateTime(index));

        /// <summary>The orders created in [from, to] (unix seconds, inclusive) as <paramref name="view"/> has them, oldest first.</summary>
        public OrderSelection CreatedBetween(long? from, long? to, LiveView view = null)
        {
            var selection = byCreate.Window(from, to);
            return view == null || view.Count == 0
                ? selection
                : LiveMerge.Merge(selection, CreateTime, view, "create", v => v.Create, (_, v) => (!from.HasValue || v.Create >= from.Value) && (!to.HasValue || v.Create <= to.Value), descending: false);
        }

        /// <summary>Every order (static and live) whose current version changed at or after <paramref name="since"/>.</summary>
        public IEnumerable<(int Index, OrderVersion Version)> ChangedSince(long since) => LiveTruth.ChangedSince(Count, Live, since, i => Version(i, null));

        /// <summary>The index if it is a static order or a live one that has arrived, else -1.</summary>
        private int Known(ulong index) =>
            index < (ulong)Count ? (int)index : index < int.MaxValue && Live != null && Live.Latest.Contains((int)index) ? (int)index : -1;

        /// <summary>True when <paramref name="openId"/> is the buyer of order <paramref name="index"/>.</summary>
        public bool IsBuyer(int index, string openId) => string.Equals(openId, OpenIdOf(Seed, index), StringComparison.Ordinal);
    }
}
