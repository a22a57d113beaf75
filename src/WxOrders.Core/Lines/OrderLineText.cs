using System;
using System.Globalization;

namespace WxOrders
{
    /// <summary>
    /// An <see cref="OrderLine"/> with every value as culture-independent text (ConvertTo-WxOrderLine -Invariant):
    /// times in ISO 8601 with their offset (2025-06-30T23:58:53+08:00), amounts with '.' as the decimal separator and
    /// their scale kept (19.90), no thousands separators. Export-Csv then writes the same bytes under every culture
    /// (de-DE would otherwise write "289,27" and "30.06.2025 23:58:53 +08:00"), and [decimal] / [DateTimeOffset] casts
    /// of an imported row, which PowerShell makes in the invariant culture, give the values back exactly.
    /// Same property names, in the same order, as OrderLine.
    /// </summary>
    public sealed class OrderLineText
    {
        /// <summary>The ISO 8601 format every time is written in.</summary>
        public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

        public string Source { get; set; }

        public string OrderId { get; set; }

        public string Status { get; set; }

        public string StatusCode { get; set; }

        public string CreatedAt { get; set; }

        public string PaidAt { get; set; }

        public string UpdatedAt { get; set; }

        public string ShopAppId { get; set; }

        public string ShopName { get; set; }

        public string BuyerOpenId { get; set; }

        public string ProductId { get; set; }

        public string SkuId { get; set; }

        public string SkuCode { get; set; }

        public string Title { get; set; }

        public string Quantity { get; set; }

        public string UnitPrice { get; set; }

        public string LineAmount { get; set; }

        public string OrderAmount { get; set; }

        public string Freight { get; set; }

        public string Discount { get; set; }

        public string Commission { get; set; }

        public string CommissionStatus { get; set; }

        public string Currency { get; set; }

        public static OrderLineText From(OrderLine line)
        {
            if (line == null)
            {
                throw new ArgumentNullException(nameof(line));
            }

            return new OrderLineText
            {
                Source = line.Source.ToString(),
                OrderId = line.OrderId,
                Status = line.Status,
                StatusCode = line.StatusCode,
                CreatedAt = Text(line.CreatedAt),
                PaidAt = Text(line.PaidAt),
                UpdatedAt = Text(line.UpdatedAt),
                ShopAppId = line.ShopAppId,
                ShopName = line.ShopName,
                BuyerOpenId = line.BuyerOpenId,
                ProductId = line.ProductId,
                SkuId = line.SkuId,
                SkuCode = line.SkuCode,
                Title = line.Title,
                Quantity = line.Quantity?.ToString(CultureInfo.InvariantCulture),
                UnitPrice = Text(line.UnitPrice),
                LineAmount = Text(line.LineAmount),
                OrderAmount = Text(line.OrderAmount),
                Freight = Text(line.Freight),
                Discount = Text(line.Discount),
                Commission = Text(line.Commission),
                CommissionStatus = line.CommissionStatus,
                Currency = line.Currency,
            };
        }

        /// <summary>ISO 8601 with the offset the time carries (+08:00 for every WxOrders time).</summary>
        public static string Text(DateTimeOffset? time) => time?.ToString(TimeFormat, CultureInfo.InvariantCulture);

        /// <summary>'.' decimals, scale kept, no grouping.</summary>
        public static string Text(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture);

        public override string ToString() => OrderId + (Title == null ? string.Empty : " " + Title);
    }
}
