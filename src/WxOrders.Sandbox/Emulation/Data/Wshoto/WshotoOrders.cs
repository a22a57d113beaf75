using System.Globalization;

namespace WxOrders.Emulation.Data.Wshoto
{
    /// <summary>
    /// The Wshoto data set: order i has the 19-digit order_sn OrderSnBase + i * OrderSnStep (beyond a double's 2^53),
    /// so a lookup maps back to i.
    /// </summary>
    internal sealed class WshotoOrders : SeededOrders
    {
        public const ulong OrderSnBase = 1723051502104450002UL;
        public const ulong OrderSnStep = 104729UL;
        public const ulong DetailIdBase = 1657810577105402177UL;
        public const ulong Salt = Salts.WshotoOrder;

        public WshotoOrders(int seed, int count)
            : base(seed, count)
        {
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
            return index < (ulong)Count ? (int)index : -1;
        }
    }
}
