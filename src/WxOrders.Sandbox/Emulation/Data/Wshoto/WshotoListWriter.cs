using System.Text.Json;

namespace WxOrders.Emulation.Data.Wshoto
{
    /// <summary>
    /// Writes a record of /openapi/mall/order/list as its page's example shows one: order_code (the detail's order_sn),
    /// parent_order_code, money as DECIMAL yuan ("total_price": 6.00, where the detail sends 600 fen), sku_id and spu_id
    /// as bare 19-digit numbers, the same status, create_time and update_time as the detail.
    /// </summary>
    internal static class WshotoListWriter
    {
        public static void WriteRecord(Utf8JsonWriter w, WshotoOrders data, int index, WshotoTimeline t)
        {
            var seed = data.Seed;
            var m = WshotoOrderWriter.Money(seed, index, t.Express);
            var code = WshotoOrders.OrderSnText(index);
            w.WriteStartObject();
            if (index % 4 == 3)
            {
                w.WriteNumber("order_code", WshotoOrders.OrderSnOf(index));
            }
            else
            {
                w.WriteString("order_code", code);
            }

            w.WriteString("parent_order_code", code);
            w.WriteNumber("status", t.Status);
            w.WriteNumber("pay_status", t.Paid ? 1 : 0);
            w.WriteString("customer_name", SandboxData.Pick(SandboxData.Names, seed, WshotoOrders.Salt + 9, (ulong)index));
            w.WriteNumber("total_price", Yuan(m.Total));
            w.WriteNumber("freight_price", Yuan(m.Freight));
            w.WriteNumber("pay_price", Yuan(m.Pay));
            w.WriteNumber("create_time", t.Created.ToUnixTimeSeconds());
            w.WriteNumber("update_time", t.Updated.ToUnixTimeSeconds());
            w.WritePropertyName("detail_list");
            w.WriteStartArray();
            for (var l = 0; l < m.Lines; l++)
            {
                var spu = WshotoOrderWriter.SpuId(seed, index, l);
                w.WriteStartObject();
                w.WriteNumber("sku_id", spu + 25000000UL + (ulong)l);
                w.WriteNumber("spu_id", spu);
                w.WriteString("goods_name", WshotoOrderWriter.GoodsName(seed, index, l));
                w.WriteNumber("goods_num", m.LineCounts[l]);
                w.WriteNumber("goods_price", Yuan(m.LinePrices[l]));
                w.WriteNumber("total_price", Yuan(m.LineTotals[l]));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>Fen as yuan with two decimals (600 as 6.00), as the list's example writes amounts.</summary>
        private static decimal Yuan(long fen) => fen * 0.01m; // the product keeps two decimals: 600 * 0.01m is 6.00
    }
}
