using System;
using System.Collections.Generic;
using System.Globalization;
using WxOrders.Lines;

namespace WxOrders.Platforms.Channels
{
    /// <summary>
    /// ChannelsOrder → OrderLine. OrderId ← order_id; Status ← status; CreatedAt ← create_time; PaidAt ←
    /// pay_info.pay_time; UpdatedAt ← update_time; ShopAppId, ShopName ← (none: the order does not name its store);
    /// BuyerOpenId ← openid; ProductId ← product_id; SkuId ← sku_id; SkuCode ← sku_code; Title ← title; Quantity ←
    /// sku_cnt; UnitPrice ← sale_price; LineAmount ← real_price (the line's paid total); OrderAmount ←
    /// price_info.order_price; Freight ← price_info.freight; Discount ← price_info.discounted_price; Commission ← the
    /// sum of commission_infos[].amount of the line's sku_id (empty when there is none); CommissionStatus ← their
    /// status: Unsettled while any is unsettled, else Settled (or the number the API sent). All fen → yuan.
    /// </summary>
    internal static class ChannelsLines
    {
        public static IEnumerable<OrderLine> From(ChannelsOrder order)
        {
            var detail = order.OrderDetail;
            var price = detail?.PriceInfo;
            return OrderLines.Expand(
                detail?.ProductInfos,
                () => new OrderLine
                {
                    Source = OrderSource.Channels,
                    OrderId = order.OrderId,
                    Status = order.Status?.ToString(),
                    StatusCode = order.Status.HasValue ? ((int)order.Status.Value).ToString(CultureInfo.InvariantCulture) : null,
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
                    line.ProductId = p.ProductId;
                    line.SkuId = p.SkuId;
                    line.SkuCode = p.SkuCode;
                    line.Title = p.Title;
                    line.Quantity = p.SkuCnt;
                    line.UnitPrice = Money.Yuan(p.SalePrice);
                    line.LineAmount = Money.Yuan(p.RealPrice);
                    Commission(detail.CommissionInfos, p.SkuId, line);
                });
        }

        private static void Commission(ChannelsCommissionInfo[] infos, string skuId, OrderLine line)
        {
            if (infos == null || skuId == null)
            {
                return;
            }

            long? fen = null;
            ChannelsCommissionStatus? status = null;
            foreach (var info in infos)
            {
                if (info == null || !string.Equals(info.SkuId, skuId, StringComparison.Ordinal))
                {
                    continue;
                }

                fen = (fen ?? 0) + (info.Amount ?? 0);
                if (info.Status.HasValue && status != ChannelsCommissionStatus.Unsettled)
                {
                    // Unsettled wins over anything else: the line's commission is not final while one part is open.
                    status = info.Status == ChannelsCommissionStatus.Unsettled || status == null ? info.Status : status;
                }
            }

            line.Commission = Money.Yuan(fen);
            line.CommissionStatus = status?.ToString();
        }
    }
}
