using System;
using System.Globalization;
using System.Text.Json;

namespace WxOrders.Emulation.Data.Wshoto
{
    /// <summary>
    /// Writes Wshoto orders as /openapi/mall/order/detail does: ids as JSON numbers on some orders and strings on
    /// others, times as unix seconds or null, 0 or nothing, both spellings of the keys the documents spell two ways.
    /// </summary>
    internal static class WshotoOrderWriter
    {
        private const ulong Salt = WshotoOrders.Salt;

        private static readonly int[] Types = { 0, 0, 0, 1, 2, 3 };
        private static readonly string[] Remarks = { "请尽快发货，谢谢", "周末送货", "不要放快递柜", "礼品包装" };
        private static readonly string[] CancelRemarks = { "不想要了", "拍错了/多拍了", "商品缺货", "地址填写错误" };
        private static readonly string[] Stores = { "深圳南山旗舰店", "杭州西湖体验店", "成都春熙路店", "北京王府井店" };

        /// <summary>Writes the "data" object of order <paramref name="index"/>.</summary>
        public static void Write(Utf8JsonWriter w, WshotoOrders data, int index, WshotoTimeline t)
        {
            var seed = data.Seed;
            var i = (ulong)index;
            var status = t.Status;
            var type = Types[SandboxData.Int(seed, Salt + 2, i, Types.Length)];
            var express = t.Express;
            var shape = SandboxData.Int(seed, Salt + 4, i, 10); // 0..9: which optional parts are null, 0 or absent
            var idsAsStrings = index % 2 == 1;
            var closeTag = t.CloseTag;
            var paid = t.Paid;
            var created = t.Created;
            var payTime = t.PayTime;
            var sendTime = t.SendTime;
            var finishTime = t.FinishTime;
            var closeTime = t.CloseTime;
            var updated = t.Updated;

            w.WriteStartObject();
            // A string as in the document's example, a JSON number on every fourth order.
            WriteId(w, "order_sn", WshotoOrders.OrderSnOf(index), index % 4 != 3);
            w.WriteNumber("type", type);
            if (shape == 4)
            {
                w.WriteNull("user_id");
            }
            else
            {
                WriteId(w, "user_id", 1600000000000000000UL + (SandboxData.Hash(seed, Salt + 8, i) % 100000000000000000UL), idsAsStrings);
            }

            w.WriteString("customer_name", SandboxData.Pick(SandboxData.Names, seed, Salt + 9, i));
            w.WriteString("customer_id", "ovXup" + SandboxData.OpenId(seed, Salt + 10, i).Substring(5));
            w.WriteString("open_id", SandboxData.OpenId(seed, Salt + 11, i));
            w.WriteString("phone_num", "13" + (100000000 + SandboxData.Int(seed, Salt + 12, i, 899999999)).ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("status", status);
            w.WriteNumber("pay_status", paid ? 1 : 0);

            // Lines first (in memory), so the order's totals add up.
            var m = Money(seed, index, express);
            var lines = m.Lines;
            var lineTotals = m.LineTotals;
            var linePrices = m.LinePrices;
            var lineCounts = m.LineCounts;
            var lineCoupons = m.LineCoupons;
            var lineCommissions = m.LineCommissions;
            var rate = m.Rate;
            long total = m.Total, coupon = m.Coupon, commission = m.Commission;
            var freight = m.Freight;
            var integral = m.Integral;
            var deduct = m.Deduct;
            var pay = m.Pay;

            w.WriteNumber("total_price", total);
            w.WriteNumber("commission_price", commission);
            w.WriteNumber("coupon_price", coupon);
            w.WriteNumber("change_price", 0);
            w.WriteNumber("integral", integral);
            // The example spells it "integralDeduct_price", the table "integral_deduct_price": alternate orders.
            w.WriteNumber(index % 3 == 0 ? "integralDeduct_price" : "integral_deduct_price", deduct);
            w.WriteNumber("freight_price", freight);
            w.WriteNumber("pay_price", pay);
            if (paid)
            {
                w.WriteString("pay_num", "WS" + (20240000000000000UL + i).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNull("pay_num");
            }

            if (coupon > 0)
            {
                WriteId(w, "coupon_id", 1700000000000000000UL + (SandboxData.Hash(seed, Salt + 23, i) % 10000000000000000UL), idsAsStrings);
            }
            else
            {
                w.WriteNull("coupon_id");
            }

            w.WritePropertyName("detail_list");
            w.WriteStartArray();
            for (var l = 0; l < lines; l++)
            {
                var li = (i * 4) + (ulong)l;
                var spu = SpuId(seed, index, l);
                w.WriteStartObject();
                WriteId(w, "order_detail_id", WshotoOrders.DetailIdOf(index, l), idsAsStrings ^ (l % 2 == 1));
                WriteId(w, "sku_id", spu + 25000000UL + (ulong)l, !idsAsStrings);
                WriteId(w, "spu_id", spu, !idsAsStrings);
                if (SandboxData.Chance(seed, Salt + 25, li, 0.6))
                {
                    var attr = SandboxData.SkuAttributes[SandboxData.Int(seed, Salt + 26, li, SandboxData.SkuAttributes.Length)];
                    w.WriteString("spec_desc", attr.Key + ":" + SandboxData.Pick(attr.Values, seed, Salt + 27, li));
                }
                else
                {
                    w.WriteNull("spec_desc");
                }

                var code = (1684087813209UL + li).ToString(CultureInfo.InvariantCulture);
                w.WriteString("spu_no", code);
                w.WriteString("sku_no", code);
                w.WriteString("goods_name", SandboxData.Pick(SandboxData.Titles, seed, Salt + 28, li));
                w.WriteNumber("goods_num", lineCounts[l]);
                w.WriteString("thumbnail", "https://pubres.wshoto.com/sandbox/" + li.ToString(CultureInfo.InvariantCulture) + ".png");
                w.WriteNumber("total_price", lineTotals[l]);
                w.WriteNumber("commission_price", lineCommissions[l]);
                w.WriteNumber("commission_rate", rate);
                w.WriteNumber("goods_price", linePrices[l]);
                if (lineCoupons[l] > 0)
                {
                    w.WriteNumber("coupon_price", lineCoupons[l]);
                }
                else
                {
                    w.WriteNull("coupon_price");
                }

                if (integral > 0 && l == 0)
                {
                    w.WriteNumber("integral", integral);
                    w.WriteNumber("integral_deduct_price", deduct);
                }
                else
                {
                    w.WriteNull("integral");
                    w.WriteNull("integral_deduct_price");
                }

                w.WriteNumber("pay_price", lineTotals[l] - lineCoupons[l] - (l == 0 ? deduct : 0));
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteNumber("express_type", express);
            if (sendTime.HasValue)
            {
                w.WriteString("express_no", "SF" + (1400000000000UL + i).ToString(CultureInfo.InvariantCulture));
                w.WriteString("express_name", SandboxData.Pick(SandboxData.ExpressCompanies, seed, Salt + 29, i));
            }
            else
            {
                w.WriteNull("express_no");
                w.WriteNull("express_name");
            }

            w.WriteNumber("create_time", created.ToUnixTimeSeconds());
            w.WriteNumber("update_time", updated.ToUnixTimeSeconds());
            WireShapes.WriteOptionalString(w, "remark", SandboxData.Pick(Remarks, seed, Salt + 30, i), shape % 3);
            WriteTime(w, "finish_time", finishTime, shape % 3);
            WriteTime(w, "pay_time", payTime, shape % 3);
            WriteTime(w, "send_time", sendTime, shape % 3);
            var tag = status == 4 ? 4 : status == 5 ? closeTag : 0;
            if (tag == 2 || tag == 9)
            {
                w.WriteString("cancel_remark", SandboxData.Pick(CancelRemarks, seed, Salt + 31, i));
            }
            else
            {
                w.WriteNull("cancel_remark");
            }

            if (tag > 0)
            {
                w.WriteNumber("order_status_tag", tag);
            }
            else
            {
                w.WriteNull("order_status_tag");
            }

            WriteTime(w, "close_time", closeTime, shape % 3);
            var refund = tag == 3 || tag == 10 ? 2 : (status == 3 && shape == 8 ? 1 : 0);
            if (refund > 0)
            {
                w.WriteNumber("refund_status", refund);
            }
            else
            {
                w.WriteNull("refund_status");
            }

            w.WriteNull("refund_failure_reasons");
            WireShapes.WriteOptionalString(w, "seller_comments", "已备注：优先发货", shape == 5 ? 0 : 1);
            if (type == 2)
            {
                WriteId(w, "activity_id", 1800000000000000000UL + (SandboxData.Hash(seed, Salt + 32, i) % 1000000UL), idsAsStrings);
            }
            else
            {
                w.WriteNull("activity_id");
            }

            var region = SandboxData.Int(seed, Salt + 33, i, SandboxData.Provinces.Length);
            if (express == 1)
            {
                w.WritePropertyName("order_address_info");
                w.WriteStartObject();
                w.WriteString("name", SandboxData.Pick(SandboxData.Names, seed, Salt + 34, i));
                w.WriteString("mobile", "138" + (10000000 + SandboxData.Int(seed, Salt + 35, i, 89999999)).ToString(CultureInfo.InvariantCulture));
                w.WriteString("address", SandboxData.Pick(SandboxData.Streets, seed, Salt + 36, i));
                w.WriteString("area_code", SandboxData.AreaCodes[region]);
                w.WriteString("province", SandboxData.Provinces[region]);
                w.WriteString("city", SandboxData.Cities[region]);
                w.WriteString("district", SandboxData.Districts[region]);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("order_address_info");
            }

            if (express == 2)
            {
                var store = SandboxData.Pick(Stores, seed, Salt + 37, i);
                var appointed = shape % 2 == 0;
                var checkedAt = status == 4 ? finishTime : null;
                w.WritePropertyName("order_check_info");
                w.WriteStartObject();
                w.WriteString("mobile", "139" + (10000000 + SandboxData.Int(seed, Salt + 38, i, 89999999)).ToString(CultureInfo.InvariantCulture));
                w.WriteString("appoint_store_Name", store);
                WireShapes.WriteOptionalString(w, "consume_store_name", store, checkedAt.HasValue ? 0 : 1);
                WriteTime(w, "appoint_time_start", appointed ? created.AddDays(2) : (DateTimeOffset?)null, 0);
                WriteTime(w, "appoint_time_end", appointed ? created.AddDays(2).AddHours(2) : (DateTimeOffset?)null, 0);
                if (appointed)
                {
                    w.WriteNull("business_time");
                }
                else
                {
                    w.WritePropertyName("business_time");
                    w.WriteStartObject();
                    w.WriteString("start_time", "09:00");
                    w.WriteString("end_time", "21:30");
                    w.WriteEndObject();
                }

                WriteTime(w, "checkTime", checkedAt, 0);
                if (checkedAt.HasValue)
                {
                    WriteId(w, "checkStaffUserId", 1600000000000000000UL + (SandboxData.Hash(seed, Salt + 39, i) % 100000000000000000UL), true);
                }
                else
                {
                    w.WriteNull("checkStaffUserId");
                }

                w.WriteEndObject();
            }
            else if (shape != 9)
            {
                w.WriteNull("order_check_info");
            }

            // An unknown extra field, as real responses add them without notice.
            w.WriteString("sandbox_extra", "ignored");
            w.WriteEndObject();
        }

        /// <summary>The spu_id of line <paramref name="line"/> (19 digits); its sku_id is this + 25000000 + line.</summary>
        internal static ulong SpuId(int seed, int index, int line) =>
            1657810571833120513UL + (SandboxData.Hash(seed, Salt + 24, ((ulong)index * 4) + (ulong)line) % 1000000000000UL);

        internal static string GoodsName(int seed, int index, int line) => SandboxData.Pick(SandboxData.Titles, seed, Salt + 28, ((ulong)index * 4) + (ulong)line);

        /// <summary>The amounts of an order, in fen: its lines first, so the totals add up.</summary>
        internal static OrderMoney Money(int seed, int index, int express)
        {
            var i = (ulong)index;
            var m = new OrderMoney();
            var lines = 1 + SandboxData.Int(seed, Salt + 13, i, 3);
            m.Lines = lines;
            m.LineTotals = new long[lines];
            m.LinePrices = new long[lines];
            m.LineCounts = new int[lines];
            m.LineCoupons = new long[lines];
            m.LineCommissions = new long[lines];
            m.Rate = SandboxData.Chance(seed, Salt + 18, i, 0.3) ? 5 * (1 + SandboxData.Int(seed, Salt + 19, i, 4)) : 0;
            for (var l = 0; l < lines; l++)
            {
                var li = (i * 4) + (ulong)l;
                m.LinePrices[l] = (100 * (1 + SandboxData.Int(seed, Salt + 14, li, 300))) - (SandboxData.Chance(seed, Salt + 15, li, 0.5) ? 1 : 0);
                m.LineCounts[l] = 1 + SandboxData.Int(seed, Salt + 16, li, 3);
                m.LineTotals[l] = m.LinePrices[l] * m.LineCounts[l];
                m.LineCoupons[l] = SandboxData.Chance(seed, Salt + 17, li, 0.25) ? Math.Min(500, m.LineTotals[l] / 10) : 0;
                m.LineCommissions[l] = m.LineTotals[l] * m.Rate / 100;
                m.Total += m.LineTotals[l];
                m.Coupon += m.LineCoupons[l];
                m.Commission += m.LineCommissions[l];
            }

            m.Freight = express == 1 && SandboxData.Chance(seed, Salt + 20, i, 0.4) ? 800 : 0;
            m.Integral = SandboxData.Chance(seed, Salt + 21, i, 0.15) ? 100 * (1 + SandboxData.Int(seed, Salt + 22, i, 5)) : 0;
            m.Deduct = m.Integral / 10;
            m.Pay = m.Total + m.Freight - m.Coupon - m.Deduct;
            return m;
        }

        private static void WriteId(Utf8JsonWriter w, string name, ulong value, bool asString)
        {
            if (asString)
            {
                w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNumber(name, value);
            }
        }

        /// <summary>A time as unix seconds, or, when not set yet, null, 0 or nothing (all seen on the wire).</summary>
        private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? t, int shape)
        {
            if (t.HasValue)
            {
                w.WriteNumber(name, t.Value.ToUnixTimeSeconds());
            }
            else if (shape == 1)
            {
                w.WriteNumber(name, 0);
            }
            else if (shape != 2)
            {
                w.WriteNull(name);
            }
        }
    }

    internal sealed class OrderMoney
    {
        public int Lines;
        public long[] LineTotals;
        public long[] LinePrices;
        public int[] LineCounts;
        public long[] LineCoupons;
        public long[] LineCommissions;
        public int Rate;
        public long Total;
        public long Coupon;
        public long Commission;
        public long Freight;
        public long Integral;
        public long Deduct;
        public long Pay;
    }
}
