using System;
using System.Globalization;

namespace WxOrders.Emulation.Data.Shop
{
    /// <summary>
    /// The shop data set: order i has id IdBase + i * IdStep (all beyond 2^63), out_order_id "SO" + (202400000000 + i)
    /// and a seeded openid, so a lookup maps back to i.
    /// </summary>
    internal sealed class ShopOrders : SeededOrders
    {
        public const ulong IdBase = 10000000000000000000UL;
        public const ulong IdStep = 7919UL;
        public const string OutIdPrefix = "SO";
        public const ulong Salt = Salts.ShopOrder;
        private const long OutIdBase = 202400000000L;

        public ShopOrders(int seed, int count)
            : base(seed, count)
        {
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

            var index = (id - IdBase) / IdStep;
            return index < (ulong)Count ? (int)index : -1;
        }

        /// <summary>The index of an out_order_id, or -1.</summary>
        public int IndexOfOutId(string outId)
        {
            if (!outId.StartsWith(OutIdPrefix, StringComparison.Ordinal) ||
                !long.TryParse(outId.Substring(OutIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return -1;
            }

            var index = n - OutIdBase;
            return index >= 0 && index < Count ? (int)index : -1;
        }

        /// <summary>True when <paramref name="openId"/> is the buyer of order <paramref name="index"/>.</summary>
        public bool IsBuyer(int index, string openId) => string.Equals(openId, OpenIdOf(Seed, index), StringComparison.Ordinal);
    }
}
