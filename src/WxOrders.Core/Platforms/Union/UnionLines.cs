using System.Collections.Generic;
using WxOrders.Lines;

namespace WxOrders.Platforms.Union
{
    /// <summary>
    /// UnionOrder → OrderLine. OrderId ← orderId; Status, StatusCode ← the line's commissionStatus (name / wire text:
    /// union orders have no order status of their own); CreatedAt ← (none); PaidAt ← payTime; UpdatedAt ← the latest commissionStatusUpdateTime of the order's products; ShopAppId ← shopAppid;
    /// ShopName ← shopName; BuyerOpenId ← (none); ProductId ← productId; SkuId ← skuId; Title ← title; Quantity ←
    /// productCnt; LineAmount ← price (the line's total, already yuan); UnitPrice ← price ÷ productCnt when that is
    /// exact to the fen, else empty; OrderAmount, Freight, Discount ← (none); Commission ← commission (yuan; empty
    /// while "-"); CommissionStatus ← commissionStatus's name.
    /// </summary>
    internal static class UnionLines
    {
        public static IEnumerable<OrderLine> From(UnionOrder order)
        {
            return OrderLines.Expand(
                order.ProductList,
                () => new OrderLine
                {
                    Source = OrderSource.Union,
                    OrderId = order.OrderId,
                    PaidAt = order.PayTime,
                    UpdatedAt = order.UpdateTime,
                    ShopAppId = order.ShopAppId,
                    ShopName = order.ShopName,
                },
                (line, p) =>
                {
                    line.Status = p.CommissionStatusCode == null ? null : p.CommissionStatus.ToString();
                    line.StatusCode = p.CommissionStatusCode;
                    line.ProductId = p.ProductId;
                    line.SkuId = p.SkuId;
                    line.Title = p.Title;
                    line.Quantity = p.ProductCnt;
                    line.LineAmount = p.Price;
                    line.UnitPrice = ExactUnit(p.Price, p.ProductCnt);
                    line.Commission = p.Commission;
                    line.CommissionStatus = p.CommissionStatusCode == null ? null : p.CommissionStatus.ToString();
                });
        }

        private static decimal? ExactUnit(decimal? total, long? count)
        {
            if (!total.HasValue || !count.HasValue || count.Value <= 0)
            {
                return null;
            }

            var unit = total.Value / count.Value;
            return decimal.Round(unit, 2) == unit ? decimal.Round(unit, 2) + 0.00m : (decimal?)null;
        }
    }
}
