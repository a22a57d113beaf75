using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WxOrders
{
    /// <summary>A co-account order key from the sandbox (as a notification event carries it): pipe it to Get-CoopOrder.</summary>
    public sealed class CoopOrderSample
    {
        public string ShopAppId { get; internal set; }

        public string OrderId { get; internal set; }

        public override string ToString() => OrderId;
    }
}

namespace WxOrders.Emulation
{
    /// <summary>
    /// POST /channels/ec/cooperation/order/get on generated data. Order i belongs to one of <see cref="ShopCount"/>
    /// stores and has the id "coiqBw3B" + 52 seeded characters + i in 8 base-62 digits + "TdtdzIpQ" (76 characters, like
    /// the document's example), so a lookup maps back to i; an id that does not regenerate exactly, or a shop_appid
    /// the order does not belong to, answers errcode 100002 (not exist), the code ErrorCatalog maps to ObjectNotFound.
    /// </summary>
    internal sealed class CoopSandbox : SandboxEndpoint
    {
        public const string IdPrefix = "coiqBw3B";
        public const string IdSuffix = "TdtdzIpQ";
        public const int ShopCount = 3;
        public const long NotFoundCode = 100002;
        private const int NoiseLength = 52;
        private const int IndexDigits = 8;
        private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        private const ulong What = 0xC00F;

        private static readonly int[] Statuses = { 10, 12, 13, 20, 20, 21, 30, 30, 100, 100, 100, 190, 200, 250, 999 };

        public CoopSandbox(Sandbox sandbox)
            : base(sandbox)
        {
        }

        public override string Method => "POST";

        public override string Path => Platforms.Coop.CoopApi.Path;

        public override WxPlatform Platform => WxPlatform.WeChat;

        public static string ShopAppIdOf(int seed, int shop) =>
            "wx" + SandboxData.Hash(seed, What, (ulong)shop).ToString("x16", CultureInfo.InvariantCulture);

        public static int ShopOf(int seed, int index) => SandboxData.Int(seed, What + 1, (ulong)index, ShopCount);

        public static string OrderIdOf(int seed, int index)
        {
            var sb = new StringBuilder(IdPrefix.Length + NoiseLength + IndexDigits + IdSuffix.Length);
            sb.Append(IdPrefix);
            for (var k = 0; k < NoiseLength; k++)
            {
                sb.Append(Base62[SandboxData.Int(seed, What + 2, ((ulong)index * 64) + (ulong)k, Base62.Length)]);
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

        public static CoopOrderSample Sample(Sandbox sandbox, int index) =>
            new CoopOrderSample { ShopAppId = ShopAppIdOf(sandbox.Seed, ShopOf(sandbox.Seed, index)), OrderId = OrderIdOf(sandbox.Seed, index) };

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

        public override string FaultKey(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                return doc == null ? null : StringProperty(doc.RootElement, "order_id");
            }
        }

        public override SandboxResponse Handle(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return Sandbox.Error(Platform, 47001, "data format error");
                }

                var root = doc.RootElement;
                var shopAppId = StringProperty(root, "shop_appid");
                var orderId = StringProperty(root, "order_id");
                if (string.IsNullOrEmpty(shopAppId))
                {
                    return Sandbox.Error(Platform, 47001, "data format error: shop_appid is required");
                }

                if (string.IsNullOrEmpty(orderId))
                {
                    return Sandbox.Error(Platform, 47001, "data format error: order_id is required");
                }

                if (Sandbox.TryPermanentFailure(orderId, out var failCode))
                {
                    return Sandbox.Error(Platform, failCode, "sandbox: permanent failure for " + orderId);
                }

                var index = IndexOf(orderId);
                if (index < 0 || !string.Equals(shopAppId, ShopAppIdOf(Seed, ShopOf(Seed, index)), StringComparison.Ordinal))
                {
                    return Sandbox.Error(Platform, NotFoundCode, "order not exist");
                }

                return Sandbox.WeChatOk(w => WriteOrder(w, index));
            }
        }

        private void WriteOrder(Utf8JsonWriter w, int index)
        {
            var i = (ulong)index;
            var status = Statuses[SandboxData.Int(Seed, What + 3, i, Statuses.Length)];
            var shape = SandboxData.Int(Seed, What + 4, i, 10); // 0..9: which optional parts are null or absent

            w.WritePropertyName("order");
            w.WriteStartObject();
            if (shape != 7)
            {
                w.WriteNumber("status", status);
            }

            w.WriteString("openid", SandboxData.OpenId(Seed, What + 5, i));
            WriteOptionalString(w, "unionid", "oUn" + SandboxData.OpenId(Seed, What + 6, i).Substring(3), shape % 3);
            w.WritePropertyName("order_detail");
            w.WriteStartObject();

            var lines = 1 + SandboxData.Int(Seed, What + 7, i, 3);
            long goods = 0, discounted = 0, changeDown = 0;
            w.WritePropertyName("product_infos");
            w.WriteStartArray();
            for (var l = 0; l < lines; l++)
            {
                var li = (i * 4) + (ulong)l;
                var price = (100 * (1 + SandboxData.Int(Seed, What + 8, li, 500))) - (SandboxData.Chance(Seed, What + 9, li, 0.5) ? 1 : 0);
                var count = 1 + SandboxData.Int(Seed, What + 10, li, 5);
                var total = price * count;
                var kind = SandboxData.Int(Seed, What + 11, li, 4); // 0, 1: plain, 2: discounted, 3: price changed
                goods += total;

                w.WriteStartObject();
                // Ids are JSON numbers with 19 digits, beyond a double's 2^53.
                w.WriteNumber("product_id", 1000000000000000000UL + (SandboxData.Hash(Seed, What + 12, li) % 1000000000000000UL));
                w.WriteNumber("sku_id", 2000000000000000000UL + (SandboxData.Hash(Seed, What + 13, li) % 1000000000000000UL));
                w.WriteString("thumb_img", "https://mmecimage.cn/p/wxsandbox/" + li.ToString(CultureInfo.InvariantCulture) + ".jpg");
                w.WriteNumber("sku_cnt", count);
                w.WriteNumber("sale_price", price);
                w.WriteString("title", SandboxData.Pick(SandboxData.Titles, Seed, What + 14, li));
                if (shape != 4)
                {
                    w.WriteString("sku_code", "SKU-" + (100000 + SandboxData.Int(Seed, What + 15, li, 900000)).ToString(CultureInfo.InvariantCulture));
                }

                w.WriteNumber("market_price", price + (100 * SandboxData.Int(Seed, What + 16, li, 5)));
                w.WritePropertyName("sku_attrs");
                w.WriteStartArray();
                var attrs = SandboxData.Int(Seed, What + 17, li, 3);
                for (var a = 0; a < attrs; a++)
                {
                    var attr = SandboxData.SkuAttributes[(SandboxData.Int(Seed, What + 18, li, SandboxData.SkuAttributes.Length) + a) % SandboxData.SkuAttributes.Length];
                    w.WriteStartObject();
                    w.WriteString("attr_key", attr.Key);
                    w.WriteString("attr_value", SandboxData.Pick(attr.Values, Seed, What + 19, (li * 8) + (ulong)a));
                    w.WriteEndObject();
                }

                w.WriteEndArray();

                var real = total;
                if (kind == 2)
                {
                    var off = Math.Max(1, total / 10);
                    discounted += off;
                    real = total - off;
                    w.WriteBoolean("is_discounted", true);
                    w.WriteNumber("estimate_price", real);
                }
                else if (kind == 3)
                {
                    var down = Math.Max(1, total / 20);
                    changeDown += down;
                    real = total - down;
                    w.WriteBoolean("is_change_price", true);
                    w.WriteNumber("change_price", real);
                }
                else if (l % 2 == 0)
                {
                    // The defaults, written out on some lines and left out on others.
                    w.WriteBoolean("is_discounted", false);
                    w.WriteBoolean("is_change_price", false);
                }

                w.WriteNumber("real_price", real);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            var freight = SandboxData.Chance(Seed, What + 20, i, 0.5) ? 0 : 500;
            var useDeduction = SandboxData.Chance(Seed, What + 21, i, 0.2);
            var deduction = useDeduction ? Math.Min(200, goods / 20) : 0;
            // Shape 6 writes finder_discounted_price as null: no finder discount then.
            var finder = shape != 6 && SandboxData.Chance(Seed, What + 22, i, 0.2) ? Math.Min(300, goods / 30) : 0;
            var original = goods + freight;
            w.WritePropertyName("price_info");
            w.WriteStartObject();
            w.WriteNumber("product_price", goods);
            w.WriteNumber("order_price", original - discounted - finder - deduction - changeDown);
            w.WriteNumber("freight", freight);
            if (discounted > 0)
            {
                w.WriteNumber("discounted_price", discounted);
            }

            w.WriteBoolean("is_discounted", discounted > 0);
            w.WriteNumber("original_order_price", original);
            w.WriteNumber("estimate_product_price", goods - discounted);
            w.WriteNumber("change_down_price", changeDown);
            if (shape != 5)
            {
                w.WriteNumber("change_freight", freight);
                w.WriteBoolean("is_change_freight", false);
            }

            w.WriteBoolean("use_deduction", useDeduction);
            w.WriteNumber("deduction_price", deduction);
            // The document spells this key "merchant_receieve_price"; the sandbox sends that on even orders and the
            // correct spelling on odd ones.
            w.WriteNumber(index % 2 == 0 ? "merchant_receieve_price" : "merchant_receive_price", original - discounted - deduction - changeDown);
            w.WriteNumber("merchant_discounted_price", discounted);
            if (shape == 6)
            {
                w.WriteNull("finder_discounted_price");
            }
            else
            {
                w.WriteNumber("finder_discounted_price", finder);
            }

            w.WriteEndObject();
            w.WriteEndObject();

            // An unknown extra field, as the real API adds them without notice.
            w.WriteString("sandbox_extra", "ignored");
            w.WriteEndObject();
        }
    }
}
