using System.Collections.Generic;
using System.Globalization;
using WxOrders.Lines;

namespace WxOrders.Platforms.Wshoto
{
    /// <summary>
    /// WshotoOrder → OrderLine. OrderId ← order_sn; Status ← status; CreatedAt ← create_time; PaidAt ← pay_time; UpdatedAt ← update_time;
    /// ShopAppId, ShopName ← (none); BuyerOpenId ← open_id; ProductId ← spu_id; SkuId ← sku_id; SkuCode ← sku_no;
    /// Title ← goods_name; Quantity ← goods_num; UnitPrice ← goods_price; LineAmount ← the line's pay_price;
    /// OrderAmount ← the order's pay_price; Freight ← freight_price; Discount ← coupon_price; Commission ← the line's
    /// commission_price (all fen → yuan).
    /// </summary>
    internal static class WshotoLines
    {
        public static IEnumerable<OrderLine> From(WshotoOrder order)
        {
            return OrderLines.Expand(
                order.DetailList,
                () => new OrderLine
                {
                    Source = OrderSource.Wshoto,
                    OrderId = order.OrderSn,
                    Status = order.Status?.ToString(),
                    StatusCode = order.Status.HasValue ? ((int)order.Status.Value).ToString(CultureInfo.InvariantCulture) : null,
                    CreatedAt = order.CreateTime,
                    PaidAt = order.PayTime,
                    UpdatedAt = order.UpdateTime,
                    BuyerOpenId = order.OpenId,
                    OrderAmount = Money.Yuan(order.PayPrice),
                    Freight = Money.Yuan(order.FreightPrice),
                    Discount = Money.Yuan(order.CouponPrice),
                },
                (line, item) =>
                {
                    line.ProductId = item.SpuId;
                    line.SkuId = item.SkuId;
                    line.SkuCode = item.SkuNo;
                    line.Title = item.GoodsName;
                    line.Quantity = item.GoodsNum;
                    line.UnitPrice = Money.Yuan(item.GoodsPrice);
                    line.LineAmount = Money.Yuan(item.PayPrice);
                    line.Commission = Money.Yuan(item.CommissionPrice);
                });
        }
    }
}
