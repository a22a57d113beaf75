using System;
using System.Buffers.Text;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using WxOrders.Emulation.Data.Live;

namespace WxOrders.Emulation.Data.Union
{
    /// <summary>Writes union orders as the API does, with the field shapes seen in practice (strings or numbers, nulls, absences).</summary>
    internal static class UnionOrderWriter
    {
        /// <summary>Salt of the bits that decide an order's optional shapes (string or number, null, absent).</summary>
        private const ulong OrderShapeSalt = UnionOrders.Salt + 16;

        /// <summary>Salt of a product line's values and shapes.</summary>
        private const ulong LineShapeSalt = UnionOrders.Salt + 17;

        private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        private static readonly JsonEncodedText OrderId = JsonEncodedText.Encode("orderId");
        private static readonly JsonEncodedText PayTime = JsonEncodedText.Encode("payTime");
        private static readonly JsonEncodedText ConfirmReceiptTime = JsonEncodedText.Encode("confirmReceiptTime");
        private static readonly JsonEncodedText ShopName = JsonEncodedText.Encode("shopName");
        private static readonly JsonEncodedText ShopAppid = JsonEncodedText.Encode("shopAppid");
        private static readonly JsonEncodedText ProductList = JsonEncodedText.Encode("productList");
        private static readonly JsonEncodedText CustomizeInfo = JsonEncodedText.Encode("customizeInfo");
        private static readonly JsonEncodedText CustomUserId = JsonEncodedText.Encode("customUserId");
        private static readonly JsonEncodedText UserNickName = JsonEncodedText.Encode("userNickName");
        private static readonly JsonEncodedText ProductId = JsonEncodedText.Encode("productId");
        private static readonly JsonEncodedText SkuId = JsonEncodedText.Encode("skuId");
        private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        private static readonly JsonEncodedText ThumbImg = JsonEncodedText.Encode("thumbImg");
        private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
        private static readonly JsonEncodedText ProductCnt = JsonEncodedText.Encode("productCnt");
        private static readonly JsonEncodedText Ratio = JsonEncodedText.Encode("ratio");
        private static readonly JsonEncodedText CommissionStatus = JsonEncodedText.Encode("commissionStatus");
        private static readonly JsonEncodedText CommissionStatusUpdateTime = JsonEncodedText.Encode("commissionStatusUpdateTime");
        private static readonly JsonEncodedText ProfitShardingSucTime = JsonEncodedText.Encode("profitShardingSucTime");
        private static readonly JsonEncodedText Commission = JsonEncodedText.Encode("commission");
        private static readonly JsonEncodedText EstimatedCommission = JsonEncodedText.Encode("estimatedCommission");
        private static readonly JsonEncodedText CategoryStr = JsonEncodedText.Encode("categoryStr");
        private static readonly JsonEncodedText PromotionInfo = JsonEncodedText.Encode("promotionInfo");
        private static readonly JsonEncodedText PromotionSourcePid = JsonEncodedText.Encode("promotionSourcePid");
        private static readonly JsonEncodedText PromotionSourceName = JsonEncodedText.Encode("promotionSourceName");

        private static readonly JsonEncodedText[] Titles = Encode(SandboxData.Titles);
        private static readonly JsonEncodedText[] Shops = Encode(SandboxData.Shops);
        private static readonly JsonEncodedText[] ShopAppIds = Encode(SandboxData.Shops.Select((_, n) => "wx" + (0x5e1f0a3c7b2d4000UL + (ulong)n * 0x1001UL).ToString("x16", CultureInfo.InvariantCulture)).ToArray());
        private static readonly JsonEncodedText[] Nicknames = Encode(SandboxData.Names);
        private static readonly JsonEncodedText[] Statuses = Encode(UnionOrders.StatusCodes);
        private static readonly JsonEncodedText[] Categories = Encode(new[] { "食品饮料,茶叶", "家居日用,收纳", "个护清洁,身体护理", "数码配件", "母婴用品", "11" });
        private static readonly JsonEncodedText[] Pids = Encode(new[] { "oqt8u5E4_3XcsaMicK_E2gNyvBfM_1290469201", "oqt8u5NJAsZ4TN0eNVDN5J_1KUOs_1497740816", "oqt8u5Kx0dPq7LmVwz9YbTRc_2206113357" });
        private static readonly JsonEncodedText[] PidNames = Encode(new[] { "公众号推文", "视频号橱窗", "社群分享" });
        private static readonly JsonEncodedText[] Thumbs = Encode(Enumerable.Range(0, 8).Select(n => "https://img.example.cn/sandbox/union/" + n.ToString(CultureInfo.InvariantCulture) + ".jpg").ToArray());
        private static readonly JsonEncodedText CustomizeText = JsonEncodedText.Encode("sandbox-customize");
        private static readonly JsonEncodedText Dash = JsonEncodedText.Encode("-");
        private static readonly JsonEncodedText Zero = JsonEncodedText.Encode("0");
        private static readonly long[] Ratios = { 200, 500, 800, 1000, 1500, 2000, 5000, 8000, 9000 };

        /// <summary>Writes order <paramref name="i"/> of <paramref name="data"/> (its static version).</summary>
        public static void Write(Utf8JsonWriter w, UnionOrders data, int seed, int i) => Write(w, seed, i, data.Version(i, null));

        /// <summary>Writes order <paramref name="i"/> in <paramref name="version"/> (payment time, commission status and its update time).</summary>
        public static void Write(Utf8JsonWriter w, int seed, int i, OrderVersion version)
        {
            var ui = (ulong)i;
            var shape = SandboxData.Hash(seed, OrderShapeSalt, ui); // bits decide which optional shapes this order has
            var paid = version.Create;
            var status = version.Status;
            var updated = version.Update;

            w.WriteStartObject();
            WriteDigits(w, OrderId, (long)UnionOrders.OrderIdOf(i));
            if ((shape & 0x1) == 0)
            {
                w.WriteNumber(PayTime, paid);
            }
            else
            {
                WriteDigits(w, PayTime, paid); // as a string now and then
            }

            var confirmed = status == 1 || (status == 0 && (shape & 0x2) != 0) ? paid + (2 * 86400) + (long)(shape % 86400) : 0;
            w.WriteNumber(ConfirmReceiptTime, confirmed);
            var shop = (int)((shape >> 8) % (ulong)Shops.Length);
            w.WriteString(ShopName, Shops[shop]);
            if ((shape & 0x4) == 0)
            {
                w.WriteString(ShopAppid, ShopAppIds[shop]);
            }

            w.WritePropertyName(ProductList);
            w.WriteStartArray();
            var lines = (shape & 0x38) == 0 ? 2 : 1;
            for (var l = 0; l < lines; l++)
            {
                WriteLine(w, seed, ui, l, shape, status, updated);
            }

            w.WriteEndArray();

            if ((shape & 0x40) != 0)
            {
                w.WriteString(CustomizeInfo, CustomizeText);
            }
            else if ((shape & 0x80) != 0)
            {
                w.WriteNull(CustomizeInfo);
            }

            if ((shape & 0x100) == 0)
            {
                WriteDigits(w, CustomUserId, 100000 + (long)((shape >> 20) % 900000));
            }

            w.WriteString(UserNickName, Nicknames[(int)((shape >> 12) % (ulong)Nicknames.Length)]);
            w.WriteEndObject();
        }

        private static void WriteLine(Utf8JsonWriter w, int seed, ulong order, int line, ulong orderShape, int status, long updated)
        {
            var li = (order * 4) + (ulong)line;
            var h = SandboxData.Hash(seed, LineShapeSalt, li);
            var product = 4000000 + (long)(h % 9000000);
            var priceFen = 10 + (long)((h >> 24) % 99990);
            var ratio = Ratios[(int)((h >> 40) % (ulong)Ratios.Length)];
            var estimated = priceFen * ratio / 10000;

            w.WriteStartObject();
            if ((h & 0x3) == 0)
            {
                w.WriteNumber(ProductId, product); // a number on the wire now and then
            }
            else
            {
                WriteDigits(w, ProductId, product);
            }

            if ((h & 0x4) == 0)
            {
                WriteDigits(w, SkuId, (product * 10) + (long)line + 1);
            }

            w.WriteString(Title, Titles[(int)((h >> 8) % (ulong)Titles.Length)]);
            w.WriteString(ThumbImg, Thumbs[(int)((h >> 16) % (ulong)Thumbs.Length)]);
            WriteYuan(w, Price, priceFen, (h & 0x18) == 0);
            if ((h & 0x20) == 0)
            {
                w.WriteNumber(ProductCnt, 1 + (long)((h >> 48) % 5));
            }
            else
            {
                WriteDigits(w, ProductCnt, 1 + (long)((h >> 48) % 5));
            }

            w.WriteNumber(Ratio, ratio);
            w.WriteString(CommissionStatus, Statuses[status]);
            if ((h & 0x40) == 0)
            {
                WriteDigits(w, CommissionStatusUpdateTime, updated); // the field table says string
            }
            else
            {
                w.WriteNumber(CommissionStatusUpdateTime, updated);
            }

            if (status == 1)
            {
                WriteDigits(w, ProfitShardingSucTime, updated);
            }
            else if ((h & 0x80) == 0)
            {
                w.WriteString(ProfitShardingSucTime, Zero);
            }

            switch (status)
            {
                case 1:
                    WriteYuan(w, Commission, estimated, (h & 0x100) == 0);
                    break;
                case 2:
                    w.WriteString(Commission, Zero);
                    break;
                default:
                    w.WriteString(Commission, Dash);
                    break;
            }

            w.WriteNumber(EstimatedCommission, estimated);
            w.WriteString(CategoryStr, Categories[(int)((h >> 52) % (ulong)Categories.Length)]);
            if ((orderShape & 0x200) == 0 || line > 0)
            {
                var p = (int)((orderShape >> 28) % (ulong)Pids.Length);
                w.WritePropertyName(PromotionInfo);
                w.WriteStartObject();
                w.WriteString(PromotionSourcePid, Pids[p]);
                w.WriteString(PromotionSourceName, PidNames[p]);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull(PromotionInfo);
            }

            if ((orderShape & 0x40) != 0)
            {
                w.WriteString(CustomizeInfo, CustomizeText);
            }

            w.WriteEndObject();
        }

        private static void WriteDigits(Utf8JsonWriter w, JsonEncodedText name, long value)
        {
            Span<byte> buffer = stackalloc byte[24];
            Utf8Formatter.TryFormat(value, buffer, out var written);
            w.WriteString(name, buffer.Slice(0, written));
        }

        /// <summary>"12.34", or "¥12.34" when <paramref name="yen"/>.</summary>
        private static void WriteYuan(Utf8JsonWriter w, JsonEncodedText name, long fen, bool yen)
        {
            Span<byte> buffer = stackalloc byte[32];
            var n = 0;
            if (yen)
            {
                buffer[n++] = 0xC2;
                buffer[n++] = 0xA5;
            }

            Utf8Formatter.TryFormat(fen / 100, buffer.Slice(n), out var written);
            n += written;
            buffer[n++] = (byte)'.';
            buffer[n++] = (byte)('0' + (fen % 100 / 10));
            buffer[n++] = (byte)('0' + (fen % 10));
            w.WriteString(name, buffer.Slice(0, n));
        }

        private static JsonEncodedText[] Encode(string[] values) => values.Select(v => JsonEncodedText.Encode(v, Encoder)).ToArray();
    }
}
