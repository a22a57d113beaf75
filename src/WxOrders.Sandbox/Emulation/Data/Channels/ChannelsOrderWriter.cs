using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using WxOrders.Emulation.Data.Live;
using WxOrders.Emulation.Data;

namespace WxOrders.Emulation.Data.Channels
{
    /// <summary>
    /// Writes the "order" object of order/get for one sandbox store order, consistent with its timeline: unpaid orders
    /// have an empty pay_info, shipped ones one to three parcels, gift orders their present fields (and no address
    /// while the gift waits for its recipient), half the orders promoter commissions. Amounts add up as the API
    /// defines them. Now and then an id or a number goes out in the other JSON type, an unknown field rides along,
    /// and the misspelt merchant_receieve_price comes correctly spelt, as real responses vary.
    /// </summary>
    internal static class ChannelsOrderWriter
    {
        private static readonly string[] Carriers = { "SF", "ZTO", "YTO", "JD", "EMS" };
        private static readonly string[] Notes = { "请用礼盒包装", "周末送货", "不要放快递柜", string.Empty };
        private static readonly string[] PresentNotes = { "生日快乐！", "一点心意", "新年快乐" };
        private static readonly string[] Talents = { "茶山小店", "好物推荐官", "生活家小王", "数码测评君" };

        /// <param name="live">Whether <paramref name="version"/> is a live one (a new order or a change), else the static version.</param>
        public static void Write(Utf8JsonWriter w, ChannelsStoreData data, int index, OrderVersion version, bool live)
        {
            var t = data.Timeline(index, version, live);
            var status = version.Status;
            var shape = (int)(data.Bits(index, 2) % 8); // wire variations
            var gift = status == 12 || data.Bits(index, 3) % 7 == 0;
            var commission = data.Bits(index, 4) % 2 == 0;
            var orderId = ChannelsStoreData.OrderIdText(index);
            var lines = Lines(data, index, status);

            w.WritePropertyName("order");
            w.WriteStartObject();
            if (shape == 1)
            {
                w.WriteNumber("order_id", ChannelsStoreData.OrderIdOf(index)); // the newer doc table types it number
            }
            else
            {
                w.WriteString("order_id", orderId);
            }

            w.WriteNumber("status", status);
            Seconds(w, "create_time", t.Create, shape == 2);
            w.WriteNumber("update_time", t.Update);
            w.WriteString("openid", data.OpenId(index));
            switch (shape % 3)
            {
                case 0: w.WriteString("unionid", "oUn" + data.OpenId(index).Substring(3)); break;
                case 1: w.WriteString("unionid", string.Empty); break;
            }

            w.WritePropertyName("order_detail");
            w.WriteStartObject();
            var totals = WriteProducts(w, data, index, t, status, lines, shape);
            WritePayAndPrice(w, data, index, t, totals, shape);
            WriteDelivery(w, data, index, t, status, gift, lines);
            WriteExt(w, data, index, t, commission);
            if (commission)
            {
                WriteCommission(w, data, index, t, status, lines);
            }

            WriteSources(w, data, index, commission, lines);
            if (status == 190 || status == 200)
            {
                w.WritePropertyName("refund_info");
                w.WriteStartObject();
                w.WriteNumber("refund_freight", totals.Freight);
                w.WriteEndObject();
            }

            if (gift && data.Bits(index, 5) % 2 == 0)
            {
                w.WritePropertyName("greeting_card_info");
                w.WriteStartObject();
                w.WriteString("giver_name", "小" + SandboxData.Pick(SandboxData.Names, data.Seed, Salts.ChannelsOrder + 80, (ulong)index).Substring(0, 1));
                w.WriteString("receiver_name", SandboxData.Pick(SandboxData.Names, data.Seed, Salts.ChannelsOrder + 81, (ulong)index));
                w.WriteString("greeting_message", SandboxData.Pick(PresentNotes, data.Seed, Salts.ChannelsOrder + 82, (ulong)index));
                w.WriteEndObject();
            }

            w.WriteEndObject();

            WriteAftersale(w, index, status, lines);
            w.WriteBoolean("is_present", gift);
            if (gift)
            {
                WritePresent(w, data, index);
            }

            // Unknown fields, as the real API adds them without notice.
            w.WriteString("sandbox_extra", "ignored");
            w.WriteEndObject();
        }

        /// <summary>The product lines: (product id, sku id, quantity, unit price, free gift).</summary>
        private static List<Line> Lines(ChannelsStoreData data, int index, int status)
        {
            var count = 1 + (int)(data.Bits(index, 6) % 3);
            var list = new List<Line>(count + 1);
            for (var l = 0; l < count; l++)
            {
                var li = ((ulong)index * 4) + (ulong)l;
                var h = SandboxData.Hash(data.Seed, Salts.ChannelsOrder + 90, li);
                list.Add(new Line
                {
                    ProductId = (10000000000000UL + (h % 90000000000000UL)).ToString(CultureInfo.InvariantCulture),
                    SkuId = (1000000000UL + ((h >> 20) % 9000000000UL)).ToString(CultureInfo.InvariantCulture),
                    Count = 1 + (long)((h >> 8) % 4),
                    Unit = (100 * (1 + (long)((h >> 16) % 300))) - ((h >> 40) % 2 == 0 ? 1 : 0),
                    Kind = (int)((h >> 44) % 4), // 0, 1 plain; 2 discounted; 3 price changed
                    Title = SandboxData.Pick(SandboxData.Titles, data.Seed, Salts.ChannelsOrder + 91, li),
                });
            }

            // A free gift line on one order in six, earned by the first line.
            if (data.Bits(index, 7) % 6 == 0 && status != 10 && status != 250)
            {
                list.Add(new Line
                {
                    ProductId = "19" + list[0].ProductId.Substring(2),
                    SkuId = "19" + list[0].SkuId.Substring(2),
                    Count = 1,
                    Unit = 0,
                    FreeGift = true,
                    Title = "赠品：" + SandboxData.Pick(SandboxData.Titles, data.Seed, Salts.ChannelsOrder + 92, (ulong)index),
                });
            }

            return list;
        }

        private static Totals WriteProducts(Utf8JsonWriter w, ChannelsStoreData data, int index, ChannelsTimeline t, int status, List<Line> lines, int shape)
        {
            var totals = new Totals();
            w.WritePropertyName("product_infos");
            w.WriteStartArray();
            for (var l = 0; l < lines.Count; l++)
            {
                var line = lines[l];
                var li = ((ulong)index * 4) + (ulong)l;
                var total = line.Unit * line.Count;
                totals.Goods += total;
                w.WriteStartObject();
                if (shape == 3)
                {
                    w.WriteNumber("product_id", ulong.Parse(line.ProductId, CultureInfo.InvariantCulture));
                }
                else
                {
                    w.WriteString("product_id", line.ProductId);
                }

                w.WriteString("sku_id", line.SkuId);
                w.WriteString("thumb_img", "https://mmecimage.cn/p/wxsandbox/" + line.ProductId + ".jpg");
                w.WriteString("title", line.Title);
                if (shape == 2)
                {
                    // Numbers as strings now and then: clients must read both.
                    w.WriteString("sku_cnt", line.Count.ToString(CultureInfo.InvariantCulture));
                    w.WriteString("sale_price", line.Unit.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    w.WriteNumber("sku_cnt", line.Count);
                    w.WriteNumber("sale_price", line.Unit);
                }

                w.WriteNumber("market_price", line.Unit + (100 * (long)(SandboxData.Hash(data.Seed, Salts.ChannelsOrder + 93, li) % 5)));
                var real = total;
                if (line.Kind == 2 && total > 0)
                {
                    var off = Math.Max(1, total / 10);
                    totals.Discounted += off;
                    real = total - off;
                    w.WriteNumber("estimate_price", real);
                    w.WriteBoolean("is_discounted", true);
                    w.WriteBoolean("is_change_price", false);
                    w.WriteNumber("merchant_discounted_price", off);
                    w.WritePropertyName("order_product_coupon_info_list");
                    w.WriteStartArray();
                    w.WriteStartObject();
                    w.WriteNumber("coupon_type", 1);
                    w.WriteString("user_coupon_id", (300000000000UL + li).ToString(CultureInfo.InvariantCulture));
                    w.WriteString("coupon_id", (9800000UL + (li % 97)).ToString(CultureInfo.InvariantCulture));
                    w.WriteNumber("discounted_price", off);
                    w.WriteEndObject();
                    w.WriteEndArray();
                }
                else if (line.Kind == 3 && total > 0)
                {
                    var down = Math.Max(1, total / 20);
                    totals.ChangeDown += down;
                    real = total - down;
                    w.WriteNumber("change_price", real);
                    w.WriteBoolean("is_discounted", false);
                    w.WriteBoolean("is_change_price", true);
                }

                line.Real = real;
                w.WriteNumber("real_price", real);
                w.WriteNumber("on_aftersale_sku_cnt", 0);
                w.WriteNumber("finish_aftersale_sku_cnt", status == 200 ? line.Count : 0);
                w.WriteString("sku_code", shape == 5 ? string.Empty : "SKU-" + line.SkuId.Substring(4));
                w.WritePropertyName("sku_attrs");
                w.WriteStartArray();
                var attrs = (int)(SandboxData.Hash(data.Seed, Salts.ChannelsOrder + 94, li) % 3);
                for (var a = 0; a < attrs; a++)
                {
                    var attr = SandboxData.SkuAttributes[(l + a) % SandboxData.SkuAttributes.Length];
                    w.WriteStartObject();
                    w.WriteString("attr_key", attr.Key);
                    w.WriteString("attr_value", SandboxData.Pick(attr.Values, data.Seed, Salts.ChannelsOrder + 95, (li * 8) + (ulong)a));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WritePropertyName("sku_deliver_info");
                w.WriteStartObject();
                var presale = l == 0 && shape == 6;
                w.WriteNumber("stock_type", presale ? 1 : 0);
                if (presale && t.Paid)
                {
                    w.WriteNumber("predict_delivery_time", t.Pay + (10 * 86400));
                }

                w.WriteEndObject();
                w.WritePropertyName("extra_service");
                w.WriteStartObject();
                w.WriteNumber("seven_day_return", line.FreeGift ? 0 : 1);
                w.WriteNumber("freight_insurance", (int)(li % 2));
                w.WriteEndObject();
                if (t.Paid)
                {
                    w.WriteNumber("delivery_deadline", t.Pay + (2 * 86400));
                }

                w.WriteString("product_unique_id", ChannelsStoreData.OrderIdText(index) + "-" + l.ToString(CultureInfo.InvariantCulture));
                w.WriteNumber("is_free_gift", line.FreeGift ? 1 : 0); // a number on the wire, unlike its neighbours
                if (line.FreeGift)
                {
                    w.WritePropertyName("free_gift_info");
                    w.WriteStartObject();
                    w.WritePropertyName("main_product_list");
                    w.WriteStartArray();
                    w.WriteStartObject();
                    w.WriteString("product_id", lines[0].ProductId);
                    w.WriteString("sku_id", lines[0].SkuId);
                    w.WriteString("task_id", "gift-task-" + (index % 5).ToString(CultureInfo.InvariantCulture));
                    w.WriteNumber("gift_cnt", 1);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                if (shape == 7)
                {
                    // Seen in a live response, documented nowhere.
                    w.WritePropertyName("package_sku_list");
                    w.WriteStartArray();
                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            totals.Freight = data.Bits(index, 8) % 2 == 0 ? 0 : 800;
            return totals;
        }

        private static void WritePayAndPrice(Utf8JsonWriter w, ChannelsStoreData data, int index, ChannelsTimeline t, Totals totals, int shape)
        {
            var method = !t.Paid ? 0 : ((int)(data.Bits(index, 9) % 10) switch { 7 => 2, 8 => 2, 9 => 4, _ => 1 });
            var original = totals.Goods + totals.Freight;
            var beforePoints = original - totals.Discounted - totals.ChangeDown;
            // Points redemption: member points cover everything; otherwise a fifth of the orders use a few points.
            var deduction = method == 4 ? beforePoints : data.Bits(index, 10) % 5 == 0 ? Math.Min(200, beforePoints / 20) : 0;
            var orderPrice = beforePoints - deduction;

            w.WritePropertyName("pay_info");
            w.WriteStartObject();
            if (t.Paid)
            {
                // Empty while unpaid, as the real API sends it.
                w.WriteString("prepay_id", "wx" + index.ToString("x24", CultureInfo.InvariantCulture));
                w.WriteNumber("prepay_time", t.Create + 2);
                w.WriteNumber("pay_time", t.Pay);
                var charged = method == 1 || (method == 2 && t.Confirm != 0);
                w.WriteString("transaction_id", charged ? "42000027" + (1000000000000000UL + (ulong)index).ToString(CultureInfo.InvariantCulture) : string.Empty);
                w.WriteNumber("payment_method", method);
            }

            w.WriteEndObject();

            w.WritePropertyName("price_info");
            w.WriteStartObject();
            w.WriteNumber("product_price", totals.Goods);
            w.WriteNumber("freight", totals.Freight);
            w.WriteNumber("original_order_price", original);
            w.WriteNumber("order_price", orderPrice);
            w.WriteNumber("discounted_price", totals.Discounted);
            w.WriteBoolean("is_discounted", totals.Discounted > 0);
            w.WriteNumber("estimate_product_price", totals.Goods - totals.Discounted);
            w.WriteNumber("change_down_price", totals.ChangeDown);
            w.WriteNumber("change_freight", totals.Freight);
            w.WriteBoolean("is_change_freight", false);
            w.WriteBoolean("use_deduction", deduction > 0);
            w.WriteNumber("deduction_price", deduction);
            w.WriteNumber(shape == 4 ? "merchant_receive_price" : "merchant_receieve_price", orderPrice);
            w.WriteNumber("merchant_discounted_price", totals.Discounted);
            w.WriteNumber("finder_discounted_price", 0);
            w.WriteEndObject();
        }

        private static void WriteDelivery(Utf8JsonWriter w, ChannelsStoreData data, int index, ChannelsTimeline t, int status, bool gift, List<Line> lines)
        {
            w.WritePropertyName("delivery_info");
            w.WriteStartObject();
            var area = SandboxData.Int(data.Seed, Salts.ChannelsOrder + 100, (ulong)index, SandboxData.AreaCodes.Length);
            // A gift waiting for its recipient has no address yet.
            if (status != 12)
            {
                w.WritePropertyName("address_info");
                WriteAddress(w, data, index, area, 0);
            }

            if (status == 20 && data.Bits(index, 11) % 4 == 0)
            {
                w.WritePropertyName("address_under_review");
                WriteAddress(w, data, index, (area + 1) % SandboxData.AreaCodes.Length, 1);
                w.WriteNumber("address_apply_time", t.Update);
            }

            if (t.Shipped)
            {
                WriteParcels(w, data, index, t, status, lines);
            }

            if (t.LastShip != 0 && status != 21)
            {
                w.WriteNumber("ship_done_time", t.LastShip);
            }

            w.WriteNumber("deliver_method", 0);
            w.WriteNumber("quality_inspect_type", 0);
            w.WriteEndObject();
        }

        /// <summary>A masked address, as the API sends it without the sensitive-info decode API.</summary>
        private static void WriteAddress(Utf8JsonWriter w, ChannelsStoreData data, int index, int area, int which)
        {
            var i = ((ulong)index * 2) + (ulong)which;
            var name = SandboxData.Pick(SandboxData.Names, data.Seed, Salts.ChannelsOrder + 101, i);
            var tel = SandboxData.Hash(data.Seed, Salts.ChannelsOrder + 102, i);
            var virtualNumber = tel % 5 == 0;
            var masked = "13" + (tel % 10).ToString(CultureInfo.InvariantCulture) + "****" + ((tel >> 8) % 10000).ToString("D4", CultureInfo.InvariantCulture);
            w.WriteStartObject();
            w.WriteString("user_name", name.Substring(0, 1) + "*");
            w.WriteString("postal_code", SandboxData.AreaCodes[area].Substring(0, 4) + "00");
            w.WriteString("province_name", SandboxData.Provinces[area]);
            w.WriteString("city_name", SandboxData.Cities[area]);
            w.WriteString("county_name", SandboxData.Districts[area]);
            w.WriteString("detail_info", "****");
            w.WriteString("national_code", SandboxData.AreaCodes[area]);
            w.WriteString("tel_number", masked);
            w.WriteString("house_number", string.Empty);
            w.WriteString("virtual_order_tel_number", string.Empty);
            w.WriteNumber("use_tel_number", virtualNumber ? 1 : 0);
            if (virtualNumber)
            {
                w.WritePropertyName("tel_number_ext_info");
                w.WriteStartObject();
                w.WriteString("real_tel_number", masked);
                w.WriteString("virtual_tel_number", "170" + ((tel >> 20) % 100000000).ToString("D8", CultureInfo.InvariantCulture));
                w.WriteNumber("virtual_tel_expire_time", data.CreateTime(index) + (30 * 86400));
                w.WriteNumber("get_virtual_tel_cnt", 1 + (long)((tel >> 40) % 3));
                w.WriteEndObject();
            }

            w.WriteString("hash_code", SandboxData.Hash(data.Seed, Salts.ChannelsOrder + 103, (ulong)area).ToString("x16", CultureInfo.InvariantCulture) + tel.ToString("x16", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        /// <summary>
        /// One to three parcels, the units of every line dealt round-robin; a partly shipped order (21) has shipped
        /// only the first half of its units.
        /// </summary>
        private static void WriteParcels(Utf8JsonWriter w, ChannelsStoreData data, int index, ChannelsTimeline t, int status, List<Line> lines)
        {
            var units = new List<int>();
            for (var l = 0; l < lines.Count; l++)
            {
                for (var k = 0; k < lines[l].Count; k++)
                {
                    units.Add(l);
                }
            }

            var shipped = status == 21 ? Math.Max(1, units.Count / 2) : units.Count;
            var parcels = Math.Min(shipped, 1 + (int)(data.Bits(index, 12) % 3));
            w.WritePropertyName("delivery_product_info");
            w.WriteStartArray();
            for (var p = 0; p < parcels; p++)
            {
                var counts = new long[lines.Count];
                for (var u = p; u < shipped; u += parcels)
                {
                    counts[units[u]]++;
                }

                var carrier = (int)((data.Bits(index, 13) + (ulong)p) % (ulong)Carriers.Length);
                w.WriteStartObject();
                w.WriteString("waybill_id", Carriers[carrier] + (100000000000UL + ((ulong)index * 8) + (ulong)p).ToString(CultureInfo.InvariantCulture));
                w.WriteString("delivery_id", Carriers[carrier]);
                w.WriteString("delivery_name", SandboxData.ExpressCompanies[carrier]);
                w.WriteNumber("delivery_time", parcels == 1 ? t.FirstShip : t.FirstShip + ((t.LastShip - t.FirstShip) * p / (parcels - 1)));
                w.WriteNumber("deliver_type", 1);
                w.WritePropertyName("product_infos");
                w.WriteStartArray();
                for (var l = 0; l < lines.Count; l++)
                {
                    if (counts[l] == 0)
                    {
                        continue;
                    }

                    w.WriteStartObject();
                    w.WriteString("product_id", lines[l].ProductId);
                    w.WriteString("sku_id", lines[l].SkuId);
                    w.WriteNumber("product_cnt", counts[l]);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void WriteExt(Utf8JsonWriter w, ChannelsStoreData data, int index, ChannelsTimeline t, bool commission)
        {
            var scene = 1 + (int)(data.Bits(index, 14) % 6);
            w.WritePropertyName("ext_info");
            w.WriteStartObject();
            w.WriteString("customer_notes", SandboxData.Pick(Notes, data.Seed, Salts.ChannelsOrder + 110, (ulong)index));
            w.WriteString("merchant_notes", string.Empty);
            w.WriteNumber("confirm_receipt_time", t.Confirm);
            w.WriteString("finder_id", scene == 2 || scene == 3 ? "sph" + index.ToString("x9", CultureInfo.InvariantCulture) : string.Empty);
            w.WriteString("live_id", scene == 2 ? "export/UzFfAgtgekIEAQAAAAAA" + index.ToString("x8", CultureInfo.InvariantCulture) : string.Empty);
            w.WriteNumber("order_scene", scene);
            w.WriteNumber("commission_handling_progress", commission ? 1 : 0);
            w.WriteEndObject();
        }

        private static void WriteCommission(Utf8JsonWriter w, ChannelsStoreData data, int index, ChannelsTimeline t, int status, List<Line> lines)
        {
            var settled = status == 100;
            long predicted = 0;
            var talent = (int)(data.Bits(index, 15) % (ulong)Talents.Length);
            w.WritePropertyName("commission_infos");
            w.WriteStartArray();
            foreach (var line in lines)
            {
                if (line.FreeGift)
                {
                    continue;
                }

                var amount = line.Real / 10;
                predicted += amount;
                w.WriteStartObject();
                w.WriteString("sku_id", line.SkuId);
                w.WriteString("nickname", Talents[talent]);
                w.WriteNumber("type", 0);
                w.WriteNumber("status", settled ? 2 : 1);
                w.WriteNumber("amount", amount);
                w.WriteString("finder_id", "sphTalent" + talent.ToString(CultureInfo.InvariantCulture));
                w.WriteString("openfinderid", "ofTalent" + talent.ToString(CultureInfo.InvariantCulture));
                w.WriteString("talent_id", "talent-" + talent.ToString(CultureInfo.InvariantCulture));
                w.WriteString("agency_id", string.Empty);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("settle_info");
            w.WriteStartObject();
            w.WriteNumber("predict_commission_fee", predicted);
            if (settled)
            {
                // The actual amounts stay empty until settlement.
                w.WriteNumber("commission_fee", predicted);
                w.WriteNumber("settle_time", t.Settle);
            }

            w.WriteEndObject();
        }

        private static void WriteSources(Utf8JsonWriter w, ChannelsStoreData data, int index, bool commission, List<Line> lines)
        {
            var talent = (int)(data.Bits(index, 15) % (ulong)Talents.Length);
            w.WritePropertyName("source_infos");
            w.WriteStartArray();
            foreach (var line in lines)
            {
                w.WriteStartObject();
                w.WriteString("sku_id", line.SkuId);
                w.WriteNumber("sale_channel", commission ? 100 : 0);
                w.WriteNumber("account_type", commission ? 5 : 1);
                w.WriteString("account_id", commission ? "sphTalent" + talent.ToString(CultureInfo.InvariantCulture) : "sphSandboxStore");
                w.WriteString("account_nickname", commission ? Talents[talent] : "沙盒小店");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void WriteAftersale(Utf8JsonWriter w, int index, int status, List<Line> lines)
        {
            w.WritePropertyName("aftersale_detail");
            w.WriteStartObject();
            w.WritePropertyName("aftersale_order_list");
            w.WriteStartArray();
            if (status == 200)
            {
                for (var l = 0; l < lines.Count; l++)
                {
                    w.WriteStartObject();
                    w.WriteString("aftersale_order_id", (4729000000000000000UL + ((ulong)index * 4) + (ulong)l).ToString(CultureInfo.InvariantCulture));
                    w.WriteNumber("status", 1);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteNumber("on_aftersale_order_cnt", 0);
            w.WriteEndObject();
        }

        private static void WritePresent(Utf8JsonWriter w, ChannelsStoreData data, int index)
        {
            var presentId = ChannelsStoreData.OrderIdOf(index) + 1;
            var giver = SandboxData.OpenId(data.Seed, Salts.ChannelsOrder + 120, (ulong)index);
            var note = SandboxData.Pick(PresentNotes, data.Seed, Salts.ChannelsOrder + 121, (ulong)index);
            var sendType = (int)(data.Bits(index, 16) % 7);
            w.WriteNumber("present_order_id", presentId);
            w.WriteString("present_order_id_str", presentId.ToString(CultureInfo.InvariantCulture));
            w.WriteString("present_note", note);
            w.WriteString("present_giver_openid", giver);
            w.WriteString("present_giver_unionid", string.Empty);
            w.WriteNumber("present_send_type", sendType);
            w.WritePropertyName("order_present_info");
            w.WriteStartObject();
            w.WriteBoolean("is_present", true);
            w.WriteString("present_order_id_str", presentId.ToString(CultureInfo.InvariantCulture));
            w.WriteString("present_note", note);
            w.WriteString("present_giver_openid", giver);
            w.WriteNumber("present_send_type", sendType);
            w.WriteBoolean("is_b2c_free_present", false);
            w.WriteEndObject();
        }

        private static void Seconds(Utf8JsonWriter w, string name, long value, bool asString)
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

        private sealed class Line
        {
            public string ProductId;
            public string SkuId;
            public long Count;
            public long Unit;
            public int Kind;
            public bool FreeGift;
            public string Title;
            public long Real;
        }

        private sealed class Totals
        {
            public long Goods;
            public long Freight;
            public long Discounted;
            public long ChangeDown;
        }
    }
}
