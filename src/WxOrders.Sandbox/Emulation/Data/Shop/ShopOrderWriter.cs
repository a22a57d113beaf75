using System;
using System.Globalization;
using System.Text.Json;
using WxOrders.Emulation.Data.Live;

namespace WxOrders.Emulation.Data.Shop
{
    /// <summary>Writes shop orders as /shop/order/get does, with the optional parts real answers leave out or null.</summary>
    internal static class ShopOrderWriter
    {
        private const ulong Salt = ShopOrders.Salt;

        /// <summary>Writes the "order" property of order <paramref name="index"/>, as /shop/order/get answers it.</summary>
        public static void Write(Utf8JsonWriter w, ShopOrders data, int index, OrderVersion version)
        {
            w.WritePropertyName("order");
            WriteOrder(w, data, index, version, listed: false);
        }

        /// <summary>
        /// Writes order <paramref name="index"/> as an object: /shop/order/get's shape, and, when
        /// <paramref name="listed"/> (an entry of /shop/order/get_list), the buyer's openid, which only the list sends.
        /// </summary>
        public static void WriteOrder(Utf8JsonWriter w, ShopOrders data, int index, OrderVersion version, bool listed)
        {
            var seed = data.Seed;
            var i = (ulong)index;
            var status = version.Status;
            var created = DateTimeOffset.FromUnixTimeSeconds(version.Create);
            var updated = DateTimeOffset.FromUnixTimeSeconds(version.Update);
            var paid = status != 10 && status != 181;
            var shape = SandboxData.Int(seed, Salt + 3, i, 10); // 0..9: which optional parts are null or absent

            w.WriteStartObject();
            w.WriteNumber("order_id", ShopOrders.OrderIdOf(index));
            w.WriteString("out_order_id", ShopOrders.OutOrderIdOf(index));
            w.WriteNumber("status", status);
            // Sent by order/get and get_list although order/get's field table leaves them out (SKIT's model has them).
            w.WriteString("create_time", Time(created));
            w.WriteString("update_time", Time(updated));
            w.WriteNumber("fund_type", data.FundType(index));
            w.WriteNumber("scene", data.Scene(index));
            if (listed)
            {
                w.WriteString("openid", ShopOrders.OpenIdOf(seed, index));
            }

            w.WriteString("path", "/pages/order.html?out_order_id=" + ShopOrders.OutOrderIdOf(index));
            w.WritePropertyName("order_detail");
            w.WriteStartObject();

            if (shape != 1)
            {
                w.WritePropertyName("promotion_info");
                w.WriteStartObject();
                w.WriteString("promoter_id", "PROMOTER_" + SandboxData.Int(seed, Salt + 4, i, 1000).ToString(CultureInfo.InvariantCulture));
                w.WriteString("finder_nickname", SandboxData.Pick(SandboxData.Names, seed, Salt + 5, i) + "的视频号");
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("promotion_info");
            }

            w.WritePropertyName("sharer_info");
            w.WriteStartObject();
            w.WriteString("sharer_openid", SandboxData.OpenId(seed, Salt + 6, i));
            w.WriteEndObject();

            var lines = 1 + SandboxData.Int(seed, Salt + 7, i, 3);
            long goods = 0;
            w.WritePropertyName("product_infos");
            w.WriteStartArray();
            for (var l = 0; l < lines; l++)
            {
                var li = (i * 4) + (ulong)l;
                var price = 100 * (1 + SandboxData.Int(seed, Salt + 8, li, 500)) - (SandboxData.Chance(seed, Salt + 9, li, 0.5) ? 1 : 0);
                var count = 1 + SandboxData.Int(seed, Salt + 10, li, 5);
                goods += price * count;
                w.WriteStartObject();
                w.WriteString("out_product_id", (12345 + SandboxData.Int(seed, Salt + 11, li, 90000)).ToString(CultureInfo.InvariantCulture));
                w.WriteString("out_sku_id", (23456 + SandboxData.Int(seed, Salt + 12, li, 90000)).ToString(CultureInfo.InvariantCulture));
                w.WriteNumber("product_cnt", count);
                w.WriteNumber("sale_price", price);
                w.WriteNumber("real_price", price);
                w.WriteString("path", "pages/productDetail/productDetail?productId=" + (2176180 + l).ToString(CultureInfo.InvariantCulture));
                w.WriteString("title", SandboxData.Pick(SandboxData.Titles, seed, Salt + 13, li));
                w.WriteString("head_image", "https://img.example.cn/sandbox/" + li.ToString(CultureInfo.InvariantCulture) + ".jpg");
                w.WriteEndObject();
            }

            w.WriteEndArray();

            if (paid)
            {
                w.WritePropertyName("pay_info");
                w.WriteStartObject();
                w.WriteString("pay_method", "微信支付");
                w.WriteNumber("pay_method_type", 0);
                w.WriteString("prepay_id", "wx" + (42526234625UL + i).ToString(CultureInfo.InvariantCulture));
                w.WriteString("prepay_time", Time(created));
                w.WriteString("transaction_id", (4200001234000000000UL + i).ToString(CultureInfo.InvariantCulture));
                w.WriteString("pay_time", Time(Earlier(created.AddSeconds(60), updated))); // a live order paid "now" was paid at its update
                w.WriteEndObject();
            }
            else if (shape == 2)
            {
                w.WriteNull("pay_info");
            }

            var freight = SandboxData.Chance(seed, Salt + 14, i, 0.5) ? 0 : 500;
            var discount = SandboxData.Chance(seed, Salt + 15, i, 0.3) ? Math.Min(1000, goods / 10) : 0;
            w.WritePropertyName("price_info");
            w.WriteStartObject();
            w.WriteNumber("order_price", goods + freight - discount);
            w.WriteNumber("freight", freight);
            w.WriteNumber("discounted_price", discount);
            if (shape != 3)
            {
                w.WriteNumber("additional_price", 0);
                w.WriteString("additional_remarks", string.Empty);
            }

            w.WriteEndObject();

            if (status >= 30 && status != 181 && status != 999)
            {
                w.WritePropertyName("delivery_detail");
                w.WriteStartObject();
                w.WriteNumber("delivery_type", 1);
                w.WriteNumber("finish_all_delivery", 1);
                w.WritePropertyName("delivery_list");
                w.WriteStartArray();
                w.WriteStartObject();
                w.WriteString("waybill_id", "SF" + (1300000000000UL + i).ToString(CultureInfo.InvariantCulture));
                w.WriteString("delivery_id", "SF");
                w.WriteString("deliverer_name", SandboxData.Pick(SandboxData.Names, seed, Salt + 16, i));
                w.WriteString("deliverer_phone", "138" + (10000000 + SandboxData.Int(seed, Salt + 17, i, 89999999)).ToString(CultureInfo.InvariantCulture));
                // The field table spells this key "delivey_status"; the sandbox sends both spellings on alternate orders.
                w.WriteString(index % 2 == 0 ? "delivery_status" : "delivey_status", status == 100 ? "已签收" : "运输中");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            if (shape != 4)
            {
                w.WritePropertyName("buyer_info");
                w.WriteStartObject();
                w.WriteString("delivery_name", SandboxData.Pick(SandboxData.Names, seed, Salt + 18, i));
                w.WriteString("delivery_mobile", "139" + (10000000 + SandboxData.Int(seed, Salt + 19, i, 89999999)).ToString(CultureInfo.InvariantCulture));
                w.WriteString("delivery_address", SandboxData.Pick(SandboxData.Streets, seed, Salt + 20, i));
                var region = SandboxData.Int(seed, Salt + 21, i, SandboxData.Provinces.Length);
                w.WriteString("province", SandboxData.Provinces[region]);
                w.WriteString("city", SandboxData.Cities[region]);
                w.WriteString("area", SandboxData.Districts[region]);
                w.WriteString("zip_code", "518000");
                w.WriteString("lastedchange_time", Time(created));
                w.WriteEndObject();
            }

            w.WritePropertyName("remark_info");
            w.WriteStartObject();
            WireShapes.WriteOptionalString(w, "buyer_message", "请尽快发货，谢谢", shape % 3);
            WireShapes.WriteOptionalString(w, "trade_memo", null, 1);
            w.WriteEndObject();

            if (discount > 0)
            {
                w.WritePropertyName("price_detail");
                w.WriteStartObject();
                w.WriteNumber("total_amount", goods);
                w.WriteNumber("benefit_type", 1);
                w.WriteString("discount_type", "coupon");
                w.WriteString("benefit_name", "满100减10");
                w.WriteString("benefit_info", "店铺优惠券");
                w.WriteNumber("benefit_condition", 10000);
                w.WriteNumber("benefit_value", 1000);
                w.WriteNumber("benefit_discount", discount);
                w.WriteNumber("coupon_id", 880000000000UL + i);
                w.WriteEndObject();
            }

            if (shape == 5)
            {
                w.WritePropertyName("service_orders");
                w.WriteStartArray();
                w.WriteStartObject();
                w.WriteString("out_product_id", "SVC-INSTALL");
                w.WriteNumber("sub_order_price", 2000);
                w.WriteNumber("sub_order_amount", 1);
                w.WriteString("sub_order_id", "SUB" + i.ToString(CultureInfo.InvariantCulture));
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteString("shop_id", "shop_" + (1 + SandboxData.Int(seed, Salt + 22, i, 5)).ToString(CultureInfo.InvariantCulture));
            if (shape != 6)
            {
                w.WriteString("dg_id", "dg_" + SandboxData.Int(seed, Salt + 23, i, 50).ToString(CultureInfo.InvariantCulture));
            }

            // An unknown extra field, as the real API adds them without notice.
            w.WriteString("sandbox_extra", "ignored");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

        /// <summary>yyyy-MM-dd HH:mm:ss in China time, the shop API's time format.</summary>
        public static string Time(long unixSeconds) => Time(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        public static string Time(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
