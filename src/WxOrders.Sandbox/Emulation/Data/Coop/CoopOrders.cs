using System;
using System.Globalization;
using System.Text;

namespace WxOrders.Emulation.Data.Coop
{
    /// <summary>
    /// The co-account data set. Order i belongs to one of <see cref="ShopCount"/> stores and has the id "coiqBw3B" +
    /// 52 seeded characters + i in 8 base-62 digits + "TdtdzIpQ" (76 characters, like the API page's example), so a
    /// lookup maps back to i; an id that does not regenerate exactly is not one of this data set's.
    /// </summary>
    internal sealed class CoopOrders : SeededOrders
    {
        public const string IdPrefix = "coiqBw3B";
        public const string IdSuffix = "TdtdzIpQ";
        public const int ShopCount = 3;
        public const ulong Salt = Salts.CoopOrder;
        private const int NoiseLength = 52;
        private const int IndexDigits = 8;
        private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        public CoopOrders(int seed, int count)
            : base(seed, count)
        {
        }

        public static string ShopAppIdOf(int seed, int shop) =>
            "wx" + SandboxData.Hash(seed, Salt, (ulong)shop).ToString("x16", CultureInfo.InvariantCulture);

        public static int ShopOf(int seed, int index) => SandboxData.Int(seed, Salt + 1, (ulong)index, ShopCount);

        public static string OrderIdOf(int seed, int index)
        {
            var sb = new StringBuilder(IdPrefix.Length + NoiseLength + IndexDigits + IdSuffix.Length);
            sb.Append(IdPrefix);
            for (var k = 0; k < NoiseLength; k++)
            {
                sb.Append(Base62[SandboxData.Int(seed, Salt + 2, ((ulong)index * 64) + (ulong)k, Base62.Length)]);
            }

            var digits = new char[IndexDigits];
            var n = (ulong)index;
            for (var k = IndexDigits - 1; k >= 0; k--)
            {
                digits[k] = Base62[(int)(n % 62)];
                n /= 62;
            }

            sb.Append(digits).Append(IdSuffix);
            return sb.ToString();
        }

        public CoopOrderSample Sample(int index) =>
            new CoopOrderSample { ShopAppId = ShopAppIdOf(Seed, ShopOf(Seed, index)), OrderId = OrderIdOf(Seed, index) };

        /// <summary>True when order <paramref name="index"/> belongs to the store <paramref name="shopAppId"/>.</summary>
        public bool IsOfShop(int index, string shopAppId) => string.Equals(shopAppId, ShopAppIdOf(Seed, ShopOf(Seed, index)), StringComparison.Ordinal);

        /// <summary>The index an order id stands for, or -1 when it is not one of this sandbox's ids.</summary>
        public int IndexOf(string orderId)
        {
            if (orderId == null || orderId.Length != IdPrefix.Length + NoiseLength + IndexDigits + IdSuffix.Length ||
                !orderId.StartsWith(IdPrefix, StringComparison.Ordinal) || !orderId.EndsWith(IdSuffix, StringComparison.Ordinal))
            {
                return -1;
            }

            ulong n = 0;
            for (var k = IdPrefix.Length + NoiseLength; k < IdPrefix.Length + NoiseLength + IndexDigits; k++)
            {
                var d = Base62.IndexOf(orderId[k]);
                if (d < 0)
                {
                    return -1;
                }

                n = (n * 62) + (ulong)d;
            }

            if (n >= (ulong)Count)
            {
                return -1;
            }

            var index = (int)n;
            return string.Equals(orderId, OrderIdOf(Seed, index), StringComparison.Ordinal) ? index : -1;
        }
    }
}
