using System;
using System.Collections.Generic;
using System.Globalization;
using WxOrders.Emulation.Data.Channels;
using WxOrders.Emulation.Data.Live;
using WxOrders.Emulation.Data.Shop;
using WxOrders.Emulation.Data.Union;
using WxOrders.Emulation.Data.Wshoto;

namespace WxOrders.Emulation.Live
{
    /// <summary>
    /// How live mode changes one API's orders: its ledger, an order's current version, the statuses a new order starts
    /// in, where a status goes next (none: final), and how a client names the order.
    /// </summary>
    internal sealed class LiveSource
    {
        private readonly Dictionary<int, (int Status, double Weight)[]> next;

        private LiveSource(SandboxSource source, LiveLedger ledger, int staticCount, Func<int, LiveView, OrderVersion> version, Func<int, string> orderId, int[] newStatuses, Dictionary<int, (int, double)[]> next)
        {
            Source = source;
            Ledger = ledger;
            StaticCount = staticCount;
            Version = version;
            OrderId = orderId;
            NewStatuses = newStatuses;
            this.next = next;
        }

        public SandboxSource Source { get; }

        public LiveLedger Ledger { get; }

        public int StaticCount { get; }

        public Func<int, LiveView, OrderVersion> Version { get; }

        public Func<int, string> OrderId { get; }

        public int[] NewStatuses { get; }

        /// <summary>Only orders created this recently change (the shop: its list filters on creation time only); null: any order.</summary>
        public TimeSpan? ChangeAge { get; private set; }

        /// <summary>The status order <paramref name="status"/> moves to next, drawn by weight; null when it is final.</summary>
        public int? Next(int status, Random random)
        {
            if (!next.TryGetValue(status, out var choices))
            {
                return null;
            }

            var r = random.NextDouble();
            foreach (var (s, weight) in choices)
            {
                if ((r -= weight) < 0)
                {
                    return s;
                }
            }

            return choices[choices.Length - 1].Status;
        }

        /// <summary>Union: a new order is pending (0); a pending commission settles (1) or is cancelled (2).</summary>
        public static LiveSource Union(UnionOrders data) => new LiveSource(
            SandboxSource.Union, data.Live, data.Count, data.Version, UnionOrders.OrderIdText, new[] { 0 },
            new Dictionary<int, (int, double)[]> { [0] = new[] { (1, 0.7), (2, 0.3) } });

        /// <summary>Shop: unpaid (10) or paid (20) orders, paid then shipped (30) then completed (100), or cancelled (250).</summary>
        public static LiveSource Shop(ShopOrders data, TimeSpan changeAge) => new LiveSource(
            SandboxSource.Shop, data.Live, data.Count, data.Version, i => ShopOrders.OrderIdOf(i).ToString(CultureInfo.InvariantCulture), new[] { 10, 20 },
            new Dictionary<int, (int, double)[]> { [10] = new[] { (20, 0.8), (250, 0.2) }, [20] = new[] { (30, 1.0) }, [30] = new[] { (100, 1.0) } })
        {
            ChangeAge = changeAge,
        };

        /// <summary>Wshoto: unpaid (0) or paid (1), shipped (3), completed (4), or closed (5).</summary>
        public static LiveSource Wshoto(WshotoOrders data) => new LiveSource(
            SandboxSource.Wshoto, data.Live, data.Count, data.Version, WshotoOrders.OrderSnText, new[] { 0, 1 },
            new Dictionary<int, (int, double)[]> { [0] = new[] { (1, 0.8), (5, 0.2) }, [1] = new[] { (3, 1.0) }, [2] = new[] { (3, 1.0) }, [3] = new[] { (4, 1.0) } });

        /// <summary>WeChat Store: unpaid (10) or paid (20), shipped in part (21) or whole (30), completed (100), or cancelled (250).</summary>
        public static LiveSource Channels(ChannelsStoreData data) => new LiveSource(
            SandboxSource.Channels, data.Live, data.Count, data.Version, ChannelsStoreData.OrderIdText, new[] { 10, 20 },
            new Dictionary<int, (int, double)[]>
            {
                [10] = new[] { (20, 0.8), (250, 0.2) },
                [12] = new[] { (20, 1.0) },
                [13] = new[] { (20, 1.0) },
                [20] = new[] { (30, 0.8), (21, 0.2) },
                [21] = new[] { (30, 1.0) },
                [30] = new[] { (100, 1.0) },
            });
    }
}
