using System.Collections.Generic;
using System.Globalization;
using WxOrders.Lines;

namespace WxOrders.Platforms.Coop
{
    /// <summary>
    /// CoopOrder → OrderLine. OrderId ← the order_id looked up; Status ← status; CreatedAt, PaidAt, UpdatedAt ← (none: the API has
    /// no times); ShopAppId ← the shop_appid looked up; BuyerOpenId ← openid; ProductId ← product_id; SkuId ← sku_id;
    /// SkuCode ← sku_code; Title ← title; Quantity ← sku_cnt; UnitPrice ← sale_price; LineAmount ← real_price (the
    /// SKU's paid total); OrderAmount ← price_info.order_price; Freight ← price_info.freight; Discount ←
    /// price_info.discounted_price (all fen → yuan).
    /// </summary>
    internal static class CoopLines
    {
        public static IEnumerable<OrderLine> From(CoopOrder order)
        {
            var price = order.OrderDetail?.PriceInfo;
            return OrderLines.Expand(
                order.OrderDetail?.ProductInfos,
                () => new OrderLine
                {
                    Source = OrderSource.Coop,
                    OrderId = order.OrderId,
                    Status = order.Status?.ToString(),
                    StatusCode = order.Status.HasValue ? ((int)order.Status.Value).ToString(CultureInfo.InvariantCulture) : null,
                    ShopAppId = order.ShopAppId,
                    BuyerOpenId = order.OpenId,
                    OrderAmount = Money.Yuan(price?.OrderPrice),
                    Freight = Money.Yuan(price?.Freight),
                    Discount = Money.Yuan(price?.DiscountedPrice),
                },
                (line, p) =>
                {
                    line.ProductId = p.ProductId;
                    line.SkuId = p.SkuId;
                    line.SkuCode = p.SkuCode;
                    line.Title = p.Title;
                    line.Quantity = p.SkuCnt;
                    line.UnitPrice = Money.Yuan(p.SalePrice);
                    line.LineAmount = Money.Yuan(p.RealPrice);
                });
        }
    }
}
