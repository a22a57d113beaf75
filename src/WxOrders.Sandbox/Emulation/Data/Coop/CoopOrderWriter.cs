using System;
using System.Globalization;
using System.Text.Json;

namespace WxOrders.Emulation.Data.Coop
{
    /// <summary>Writes co-account orders as /channels/ec/cooperation/order/get does, misspelled keys and all.</summary>
    internal static class CoopOrderWriter
    {
        private const ulong Salt = CoopOrders.Salt;

        private static readonly int[] Statuses = { 10, 12, 13, 20, 20, 21, 30, 30, 100, 100, 100, 190, 200, 250, 999 };

        /// <summary>Writes the "order" property of order <paramref name="index"/>.</summary>
        public static void Write(Utf8JsonWriter w, int seed, int index)
        {
            var i = (ulong)index;
            var status = Statuses[SandboxData.Int(seed, Salt + 3, i, Statuses.Length)];
            var shape = SandboxData.Int(seed, Salt + 4, i, 10); // 0..9: which optional parts are null or absent

            w.WritePropertyName("order");
            w.WriteStartObject();
            if (shape != 7)
            {
                w.WriteNumber("status", status);
            }

            w.WriteString("openid", SandboxData.OpenId(seed, Salt + 5, i));
            WireShapes.WriteOptionalString(w, "unionid", "oUn" + SandboxData.OpenId(seed, Salt + 6, i).Substring(3), shape % 3);
            w.WritePropertyName("order_detail");
            w.WriteStartObject();

            var lines = 1 + SandboxData.Int(seed, Salt + 7, i, 3);
            long goods = 0, discounted = 0, changeDown = 0;
            w.WritePropertyName("product_infos");
            w.WriteStartArray();
            for (var l = 0; l < lines; l++)
            {
                var li = (i * 4) + (ulong)l;
                var price = (100 * (1 + SandboxData.Int(seed, Salt + 8, li, 500))) - (SandboxData.Chance(seed, Salt + 9, li, 0.5) ? 1 : 0);
                var count = 1 + SandboxData.Int(seed, Salt + 10, li, 5);
                var total = price * count;
                var kind = SandboxData.Int(seed, Salt + 11, li, 4); // 0, 1: plain, 2: discounted, 3: price changed
                goods += total;

                w.WriteStartObject();
                // Ids are JSON numbers with 19 digits, beyond a double's 2^53.
                w.WriteNumber("product_id", 1000000000000000000UL + (SandboxData.Hash(seed, Salt + 12, li) % 1000000000000000UL));
                w.WriteNumber("sku_id", 2000000000000000000UL + (SandboxData.Hash(seed, Salt + 13, li) % 1000000000000000UL));
                w.WriteString("thumb_img", "https://mmecimage.cn/p/wxsandbox/" + li.ToString(CultureInfo.InvariantCulture) + ".jpg");
                w.WriteNumber("sku_cnt", count);
                w.WriteNumber("sale_price", price);
                w.WriteString("title", SandboxData.Pick(SandboxData.Titles, seed, Salt + 14, li));
                if (shape != 4)
                {
                    w.WriteString("sku_code", "SKU-" + (100000 + SandboxData.Int(seed, Salt + 15, li, 900000)).ToString(CultureInfo.InvariantCulture));
                }

                w.WriteNumber("market_price", price + (100 * SandboxData.Int(seed, Salt + 16, li, 5)));
                w.WritePropertyName("sku_attrs");
                w.WriteStartArray();
                var attrs = SandboxData.Int(seed, Salt + 17, li, 3);
                for (var a = 0; a < attrs; a++)
                {
                    var attr = SandboxData.SkuAttributes[(SandboxData.Int(seed, Salt + 18, li, SandboxData.SkuAttributes.Length) + a) % SandboxData.SkuAttributes.Length];
                    w.WriteStartObject();
                    w.WriteString("attr_key", attr.Key);
                    w.WriteString("attr_value", SandboxData.Pick(attr.Values, seed, Salt + 19, (li * 8) + (ulong)a));
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

            var freight = SandboxData.Chance(seed, Salt + 20, i, 0.5) ? 0 : 500;
            var useDeduction = SandboxData.Chance(seed, Salt + 21, i, 0.2);
            var deduction = useDeduction ? Math.Min(200, goods / 20) : 0;
            // Shape 6 writes finder_discounted_price as null: no finder discount then.
            var finder = shape != 6 && SandboxData.Chance(seed, Salt + 22, i, 0.2) ? Math.Min(300, goods / 30) : 0;
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
            // The API page spells this key "merchant_receieve_price"; the sandbox sends that on even orders and the
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
