using System.Collections.Generic;
using System.Globalization;
using WxOrders.Lines;

namespace WxOrders.Platforms.Shop
{
    /// <summary>
    /// ShopOrder → OrderLine. OrderId ← order_id; Status ← status; CreatedAt ← create_time; UpdatedAt ← update_time;
    /// PaidAt ← pay_info.pay_time; ShopAppId, ShopName ← (none); BuyerOpenId ← the openid looked up with;
    /// ProductId ← out_product_id; SkuId ← out_sku_id; Title ← title; Quantity ← product_cnt; UnitPrice ← sale_price;
    /// LineAmount ← real_price × product_cnt; OrderAmount ← price_info.order_price; Freight ← price_info.freight;
    /// Discount ← price_info.discounted_price (all fen → yuan).
    /// </summary>
    internal static class ShopLines
    {
        public static IEnumerable<OrderLine> From(ShopOrder order)
        {
            var detail = order.OrderDetail;
            var price = detail?.PriceInfo;
            return OrderLines.Expand(
                detail?.ProductInfos,
                () => new OrderLine
                {
                    Source = OrderSource.Shop,
                    OrderId = order.OrderId.ToString(CultureInfo.InvariantCulture),
                    Status = order.Status.ToString(),
                    StatusCode = ((int)order.Status).ToString(CultureInfo.InvariantCulture),
                    CreatedAt = order.CreateTime,
                    PaidAt = detail?.PayInfo?.PayTime,
                    UpdatedAt = order.UpdateTime,
                    BuyerOpenId = order.OpenId,
                    OrderAmount = Money.Yuan(price?.OrderPrice),
                    Freight = Money.Yuan(price?.Freight),
                    Discount = Money.Yuan(price?.DiscountedPrice),
                },
                (line, p) =>
                {
                    line.ProductId = p.OutProductId;
                    line.SkuId = p.OutSkuId;
                    line.Title = p.Title;
                    line.Quantity = p.ProductCnt;
                    line.UnitPrice = Money.Yuan(p.SalePrice);
                    line.LineAmount = Money.Times(Money.Yuan(p.RealPrice), p.ProductCnt);
                });
        }
    }
}
