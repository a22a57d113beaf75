using System;
using System.Collections.Generic;

namespace WxOrders
{
    /// <summary>Which API an order line came from.</summary>
    public enum OrderSource
    {
        Coop,
        Shop,
        Union,
        Wshoto,
        Channels,
    }

    /// <summary>
    /// One product line of an order from any of the APIs, flat and CSV-ready: every property is a string, a
    /// number, a DateTimeOffset or null. Amounts are decimal yuan (converted exactly from fen where the API sends fen).
    /// An order without product lines gives one line with the product columns empty.
    /// </summary>
    public sealed class OrderLine
    {
        public OrderSource Source { get; set; }

        public string OrderId { get; set; }

        /// <summary>The status enum's name (its number when the API sent a value WxOrders does not know).</summary>
        public string Status { get; set; }

        /// <summary>The status as the API sent it (a number, or the union commission status text).</summary>
        public string StatusCode { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? PaidAt { get; set; }

        /// <summary>
        /// When the order last changed, as the API reports it: the version of the order this line came from.
        /// (Source, OrderId, UpdatedAt) identifies one version of one order, so a repeated row can be recognised.
        /// </summary>
        public DateTimeOffset? UpdatedAt { get; set; }

        public string ShopAppId { get; set; }

        public string ShopName { get; set; }

        public string BuyerOpenId { get; set; }

        public string ProductId { get; set; }

        public string SkuId { get; set; }

        public string SkuCode { get; set; }

        public string Title { get; set; }

        public long? Quantity { get; set; }

        public decimal? UnitPrice { get; set; }

        public decimal? LineAmount { get; set; }

        public decimal? OrderAmount { get; set; }

        public decimal? Freight { get; set; }

        public decimal? Discount { get; set; }

        public decimal? Commission { get; set; }

        public string CommissionStatus { get; set; }

        public string Currency { get; set; } = "CNY";

        public override string ToString() => OrderId + (Title == null ? string.Empty : " " + Title);
    }
}

namespace WxOrders.Lines
{
    /// <summary>Exact money conversion: fen (long) to yuan (decimal with two decimals), never through a float.</summary>
    internal static class Money
    {
        public static decimal? Yuan(long? fen) => fen.HasValue ? (fen.Value / 100m) + 0.00m : (decimal?)null;

        public static decimal? Times(decimal? unit, long? count) => unit.HasValue && count.HasValue ? unit.Value * count.Value : (decimal?)null;
    }

    /// <summary>Turns an order object of any of the APIs into its lines (ConvertTo-WxOrderLine).</summary>
    public static class OrderLines
    {
        /// <summary>The lines of <paramref name="order"/>, or null when it is not a WxOrders order.</summary>
        public static IEnumerable<OrderLine> From(object order)
        {
            switch (order)
            {
                case ShopOrder shop:
                    return Platforms.Shop.ShopLines.From(shop);
                case CoopOrder coop:
                    return Platforms.Coop.CoopLines.From(coop);
                case UnionOrder union:
                    return Platforms.Union.UnionLines.From(union);
                case WshotoOrder wshoto:
                    return Platforms.Wshoto.WshotoLines.From(wshoto);
                case ChannelsOrder channels:
                    return Platforms.Channels.ChannelsLines.From(channels);
                default:
                    return null;
            }
        }

        /// <summary>The product lines, or one line without product columns when there are none.</summary>
        internal static IEnumerable<OrderLine> Expand<TItem>(IReadOnlyList<TItem> items, Func<OrderLine> header, Action<OrderLine, TItem> fill)
        {
            var any = false;
            if (items != null)
            {
                foreach (var item in items)
                {
                    if (item == null)
                    {
                        continue;
                    }

                    any = true;
                    var line = header();
                    fill(line, item);
                    yield return line;
                }
            }

            if (!any)
            {
                yield return header();
            }
        }
    }
}
