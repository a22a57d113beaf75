using System;
using System.Linq;
using WxOrders.Json;
using WxOrders.Lines;
using WxOrders.Platforms.Coop;
using WxOrders.Platforms.Shop;
using WxOrders.Platforms.Union;
using WxOrders.Platforms.Wshoto;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>ConvertTo-WxOrderLine's mapping, on each API's documented example: exact yuan, flat scalars.</summary>
    public class OrderLineTests
    {
        [Theory]
        [InlineData(1999L, "19.99")]
        [InlineData(2000L, "20.00")]
        [InlineData(0L, "0.00")]
        [InlineData(1L, "0.01")]
        [InlineData(-250L, "-2.50")]
        [InlineData(922337203685477580L, "9223372036854775.80")]
        public void FenBecomesYuanExactly(long fen, string yuan)
        {
            Assert.Equal(yuan, Money.Yuan(fen).Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void EveryPropertyIsAScalar()
        {
            var allowed = new[] { typeof(string), typeof(long?), typeof(decimal?), typeof(DateTimeOffset?), typeof(OrderSource) };
            foreach (var p in typeof(OrderLine).GetProperties())
            {
                Assert.Contains(p.PropertyType, allowed);
            }
        }

        [Fact]
        public void ShopExample()
        {
            var order = TestJson.ParseFile("shop-order-get.json", WireJsonContext.Default.ShopOrderResponse).Order;
            order.OpenId = "oBuyer";
            var line = Assert.Single(OrderLines.From(order));
            Assert.Equal(OrderSource.Shop, line.Source);
            Assert.Equal("123455", line.OrderId);
            Assert.Equal("AwaitingShipment", line.Status);
            Assert.Equal("20", line.StatusCode);
            Assert.Equal(new DateTimeOffset(2020, 3, 25, 14, 5, 25, TimeSpan.FromHours(8)), line.PaidAt);
            Assert.Equal("oBuyer", line.BuyerOpenId);
            Assert.Equal("12345", line.ProductId);
            Assert.Equal("23456", line.SkuId);
            Assert.Equal(10, line.Quantity);
            Assert.Equal(2.00m, line.UnitPrice);
            Assert.Equal(20.00m, line.LineAmount);
            Assert.Equal(16.00m, line.OrderAmount);
            Assert.Equal(5.00m, line.Freight);
            Assert.Equal(10.00m, line.Discount);
            Assert.Equal("CNY", line.Currency);
        }

        [Fact]
        public void CoopExample()
        {
            var order = TestJson.ParseFile("coop-order-example.json", WireJsonContext.Default.CoopOrderResponse).Order;
            order.ShopAppId = "wxshop";
            order.OrderId = "coOrder";
            var line = Assert.Single(OrderLines.From(order));
            Assert.Equal(OrderSource.Coop, line.Source);
            Assert.Equal("coOrder", line.OrderId);
            Assert.Equal("wxshop", line.ShopAppId);
            Assert.Equal("OPENID", line.BuyerOpenId);
            Assert.Equal("234245", line.ProductId);
            Assert.Equal("23424", line.SkuId);
            Assert.Equal("健身环", line.Title);
            Assert.Equal(10, line.Quantity);
            Assert.Equal(20.00m, line.UnitPrice);
            Assert.Equal(105.00m, line.OrderAmount);
            Assert.Equal(5.00m, line.Freight);
            Assert.Equal(100.00m, line.Discount);
        }

        [Fact]
        public void UnionExampleKeepsYuanAndPendingCommission()
        {
            var orders = TestJson.ParseFile("union-order-search.json", WireJsonContext.Default.UnionOrderListResponse).OrderList;
            var lines = orders.SelectMany(OrderLines.From).ToList();
            Assert.Equal(orders.Count, lines.Count);
            var first = lines[0];
            Assert.Equal(OrderSource.Union, first.Source);
            Assert.Equal("1952315038682581", first.OrderId);
            Assert.Equal(0.20m, first.LineAmount);
            Assert.Equal("0.20", first.LineAmount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0m, first.Commission);
            Assert.Equal("Canceled", first.CommissionStatus);
            Assert.Equal("SETTLEMENT_CANCELED", first.StatusCode);
            Assert.Equal(new DateTimeOffset(2021, 2, 3, 20, 28, 37, TimeSpan.FromHours(8)), first.PaidAt);
            var pending = lines[1];
            Assert.Null(pending.Commission);
            Assert.Equal("Pending", pending.CommissionStatus);
        }

        [Fact]
        public void WshotoExample()
        {
            var response = System.Text.Json.JsonSerializer.Deserialize(
                System.IO.File.ReadAllBytes(TestJson.DataPath("wshoto-order-example.json")),
                WireJsonContext.Default.WshotoResponseWshotoOrderArray);
            var line = Assert.Single(OrderLines.From(Assert.Single(response.Data)));
            Assert.Equal(OrderSource.Wshoto, line.Source);
            Assert.Equal("1723051502104450002", line.OrderId);
            Assert.Equal("Closed", line.Status);
            Assert.Equal("5", line.StatusCode);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1684087816).ToOffset(TimeSpan.FromHours(8)), line.CreatedAt);
            Assert.Null(line.PaidAt);
            Assert.Equal("1657810571833120513", line.ProductId);
            Assert.Equal("1657810571879257858", line.SkuId);
            Assert.Equal("1684087813209", line.SkuCode);
            Assert.Equal(1, line.Quantity);
            Assert.Equal(19.99m, line.UnitPrice);
            Assert.Equal(19.99m, line.LineAmount);
            Assert.Equal(19.99m, line.OrderAmount);
            Assert.Equal(0.00m, line.Freight);
        }

        [Fact]
        public void AnOrderWithoutLinesGivesOneRowWithEmptyProductColumns()
        {
            var line = Assert.Single(OrderLines.From(new WshotoOrder { OrderSn = "1", PayPrice = 100 }));
            Assert.Equal("1", line.OrderId);
            Assert.Equal(1.00m, line.OrderAmount);
            Assert.Null(line.ProductId);
            Assert.Null(line.Title);
            Assert.Null(line.Quantity);
        }

        [Fact]
        public void SomethingElseIsNotAnOrder()
        {
            Assert.Null(OrderLines.From("x"));
            Assert.Null(OrderLines.From(null));
        }
    }
}
