using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using WxOrders.Json;
using WxOrders.Lines;
using WxOrders.Platforms.Shop;
using WxOrders.Platforms.Union;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>
    /// The version of an order (its update time) on every model, carried to OrderLine.UpdatedAt, and the invariant
    /// text form of a line (ConvertTo-WxOrderLine -Invariant).
    /// </summary>
    public class OrderVersionTests
    {
        private static readonly TimeSpan China = TimeSpan.FromHours(8);

        [Fact]
        public void ShopOrderReadsTheFieldsTheListSends()
        {
            // The fields /shop/order/get_list sends beside the order/get shape (create_time, update_time, fund_type,
            // scene, openid), with an id beyond 2^53.
            var json = "{\"errcode\":0,\"order\":{\"order_id\":18446744073709551615,\"status\":30,"
                + "\"create_time\":\"2025-03-29 23:58:01\",\"update_time\":\"2025-03-30 08:00:00\",\"fund_type\":1,\"scene\":\"1177\","
                + "\"openid\":\"oBuyer\",\"order_detail\":{\"product_infos\":[{\"out_product_id\":\"p\",\"product_cnt\":2,\"sale_price\":150,\"real_price\":120}]}}}";
            var order = TestJson.Parse(json, WireJsonContext.Default.ShopOrderResponse).Order;
            Assert.Equal(18446744073709551615UL, order.OrderId);
            Assert.Equal(new DateTimeOffset(2025, 3, 29, 23, 58, 1, China), order.CreateTime);
            Assert.Equal(new DateTimeOffset(2025, 3, 30, 8, 0, 0, China), order.UpdateTime);
            Assert.Equal(1, order.FundType);
            Assert.Equal(1177, order.Scene);
            Assert.Equal("oBuyer", order.OpenId);

            var line = Assert.Single(OrderLines.From(order));
            Assert.Equal(order.CreateTime, line.CreatedAt);
            Assert.Equal(order.UpdateTime, line.UpdatedAt);
            Assert.Equal("oBuyer", line.BuyerOpenId);
        }

        [Fact]
        public void ShopOrderWithoutTheNewFieldsStillParses()
        {
            var order = TestJson.ParseFile("shop-order-get.json", WireJsonContext.Default.ShopOrderResponse).Order;
            Assert.Null(order.UpdateTime);
            Assert.Null(order.FundType);
            Assert.Null(order.OpenId);
        }

        [Fact]
        public void UnionOrderVersionIsTheLatestCommissionUpdateOfItsProducts()
        {
            var json = "{\"errcode\":0,\"orderList\":[{\"orderId\":\"1952300000000001\",\"productList\":["
                + "{\"productId\":1,\"commissionStatus\":\"SETTLEMENT_PENDING\",\"commissionStatusUpdateTime\":\"1751299133\"},"
                + "{\"productId\":2,\"commissionStatus\":\"SETTLEMENT_SUCCESS\",\"commissionStatusUpdateTime\":1751385533},"
                + "{\"productId\":3,\"commissionStatus\":\"SETTLEMENT_PENDING\"}]},"
                + "{\"orderId\":\"1952300000000002\",\"productList\":[{\"productId\":4}]}]}";
            var orders = TestJson.Parse(json, WireJsonContext.Default.UnionOrderListResponse).OrderList;
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751385533), orders[0].UpdateTime);
            Assert.Equal(China, orders[0].UpdateTime.Value.Offset);
            Assert.Null(orders[1].UpdateTime);
            Assert.All(OrderLines.From(orders[0]), l => Assert.Equal(orders[0].UpdateTime, l.UpdatedAt));
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("zh-CN")]
        [InlineData("en-US")]
        [InlineData("ar-SA")]
        public void InvariantTextIsTheSameUnderEveryCulture(string culture)
        {
            var line = new OrderLine
            {
                Source = OrderSource.Union,
                OrderId = "1952300000000000",
                CreatedAt = new DateTimeOffset(2025, 6, 30, 23, 58, 53, China),
                PaidAt = null,
                UpdatedAt = new DateTimeOffset(2025, 7, 1, 0, 0, 0, China),
                Quantity = 12345,
                UnitPrice = 289.27m,
                LineAmount = 3471240.00m,
                Commission = 0.20m,
            };
            var before = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                var text = OrderLineText.From(line);
                Assert.Equal("Union", text.Source);
                Assert.Equal("2025-06-30T23:58:53+08:00", text.CreatedAt);
                Assert.Null(text.PaidAt);
                Assert.Equal("2025-07-01T00:00:00+08:00", text.UpdatedAt);
                Assert.Equal("12345", text.Quantity);
                Assert.Equal("289.27", text.UnitPrice);
                Assert.Equal("3471240.00", text.LineAmount);
                Assert.Equal("0.20", text.Commission);
                Assert.Equal("CNY", text.Currency);

                // What PowerShell does with an imported cell: an invariant cast gives the value back exactly.
                Assert.Equal(289.27m, decimal.Parse(text.UnitPrice, CultureInfo.InvariantCulture));
                Assert.Equal(line.CreatedAt, DateTimeOffset.Parse(text.CreatedAt, CultureInfo.InvariantCulture));
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
            }
        }

        [Fact]
        public void InvariantTextHasTheColumnsOfOrderLineInTheirOrder()
        {
            var typed = typeof(OrderLine).GetProperties().Select(p => p.Name).ToArray();
            var text = typeof(OrderLineText).GetProperties().Select(p => p.Name).ToArray();
            Assert.Equal(typed, text);
            Assert.All(typeof(OrderLineText).GetProperties(), p => Assert.Equal(typeof(string), p.PropertyType));
        }
    }
}
