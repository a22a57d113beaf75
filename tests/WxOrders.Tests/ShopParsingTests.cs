using System;
using System.Text.Json;
using WxOrders.Json;
using WxOrders.Platforms.Shop;
using Xunit;

namespace WxOrders.Tests
{
    public class ShopParsingTests
    {
        private static readonly TimeSpan China = TimeSpan.FromHours(8);

        [Fact]
        public void DocumentedExampleGivesDocumentedValues()
        {
            var r = TestJson.ParseFile("shop-order-get.json", WireJsonContext.Default.ShopOrderResponse);
            Assert.Equal(0, r.ErrCode);
            var o = r.Order;
            Assert.Equal(123455UL, o.OrderId);
            Assert.Equal("xxxxx", o.OutOrderId);
            Assert.Equal(ShopOrderStatus.AwaitingShipment, o.Status);
            Assert.Equal("/pages/order.html?out_order_id=xxxxx", o.Path);
            var d = o.OrderDetail;
            Assert.Equal("PROMOTER_ID", d.PromotionInfo.PromoterId);
            Assert.Equal("FINDER_NICKNAME", d.PromotionInfo.FinderNickname);
            Assert.Equal("SHARER_OPENID", d.SharerInfo.SharerOpenId);
            var p = Assert.Single(d.ProductInfos);
            Assert.Equal("12345", p.OutProductId);
            Assert.Equal("23456", p.OutSkuId);
            Assert.Equal(10, p.ProductCnt);
            Assert.Equal(200, p.SalePrice);
            Assert.Equal(200, p.RealPrice);
            Assert.Equal("Title", p.Title);
            Assert.Equal("WeChat Pay", d.PayInfo.PayMethod);
            Assert.Equal(0, d.PayInfo.PayMethodType);
            Assert.Equal("42526234625", d.PayInfo.PrepayId);
            Assert.Equal(new DateTimeOffset(2020, 3, 25, 14, 4, 25, China), d.PayInfo.PrepayTime);
            Assert.Equal(China, d.PayInfo.PayTime.Value.Offset);
            Assert.Equal(new DateTimeOffset(2020, 3, 25, 6, 5, 25, TimeSpan.Zero), d.PayInfo.PayTime.Value.ToUniversalTime());
            Assert.Equal("131456479687", d.PayInfo.TransactionId);
            Assert.Equal(1600, d.PriceInfo.OrderPrice);
            Assert.Equal(500, d.PriceInfo.Freight);
            Assert.Equal(1000, d.PriceInfo.DiscountedPrice);
            Assert.Equal(100, d.PriceInfo.AdditionalPrice);
            Assert.Equal("Taxes and fees", d.PriceInfo.AdditionalRemarks);
            Assert.Equal(1, d.DeliveryDetail.DeliveryType);
            Assert.Equal(1, d.DeliveryDetail.FinishAllDelivery);
            var del = Assert.Single(d.DeliveryDetail.DeliveryList);
            Assert.Equal("SFXXXX", del.WaybillId);
            Assert.Equal("SF", del.DeliveryId);
        }

        [Theory]
        [InlineData("18446744073709551615", 18446744073709551615UL)]
        [InlineData("9007199254740993", 9007199254740993UL)]
        [InlineData("\"18446744073709551615\"", 18446744073709551615UL)]
        public void OrderIdsBeyondDoublePrecisionSurviveExactly(string wire, ulong expected)
        {
            var r = TestJson.Parse("{\"errcode\":0,\"order\":{\"order_id\":" + wire + ",\"status\":20}}", WireJsonContext.Default.ShopOrderResponse);
            Assert.Equal(expected, r.Order.OrderId);
        }

        [Fact]
        public void MissingNullAndUnknownFieldsDoNotBreakParsing()
        {
            var json = "{\"order\":{\"order_id\":1,\"status\":20,\"path\":null,\"order_detail\":{\"product_infos\":null,\"pay_info\":{},"
                + "\"price_info\":{\"order_price\":null,\"brand_new_field\":{\"x\":[1,2,3]}},\"future\":true,\"buyer_info\":{\"lastedchange_time\":\"\"}},\"unknown\":\"x\"},\"extra\":[1]}";
            var r = TestJson.Parse(json, WireJsonContext.Default.ShopOrderResponse);
            Assert.Null(r.ErrCode);
            Assert.Null(r.Order.Path);
            Assert.Null(r.Order.OrderDetail.ProductInfos);
            Assert.Null(r.Order.OrderDetail.PriceInfo.OrderPrice);
            Assert.Null(r.Order.OrderDetail.PayInfo.PayTime);
            Assert.Null(r.Order.OrderDetail.BuyerInfo.LastedChangeTime);
            Assert.Null(r.Order.OrderDetail.DeliveryDetail);
        }

        [Theory]
        [InlineData(181, ShopOrderStatus.PaymentTimeoutCancelled)]
        [InlineData(1010, ShopOrderStatus.DepositPaid)]
        [InlineData(777, (ShopOrderStatus)777)]
        public void StatusNumbersAreKeptIncludingUnknownOnes(int wire, ShopOrderStatus expected)
        {
            var r = TestJson.Parse("{\"order\":{\"order_id\":1,\"status\":" + wire + "}}", WireJsonContext.Default.ShopOrderResponse);
            Assert.Equal(expected, r.Order.Status);
            Assert.Equal(wire, (int)r.Order.Status);
        }

        [Fact]
        public void StatusAsNumericStringIsAccepted()
        {
            var r = TestJson.Parse("{\"order\":{\"order_id\":\"42\",\"status\":\"30\"}}", WireJsonContext.Default.ShopOrderResponse);
            Assert.Equal(ShopOrderStatus.AwaitingReceipt, r.Order.Status);
            Assert.Equal(42UL, r.Order.OrderId);
        }

        [Fact]
        public void BothSpellingsOfDeliveryStatusAreRead()
        {
            var json = "{\"order\":{\"order_id\":1,\"status\":30,\"order_detail\":{\"delivery_detail\":{\"delivery_list\":[{\"delivey_status\":\"a\"},{\"delivery_status\":\"b\"}]}}}}";
            var list = TestJson.Parse(json, WireJsonContext.Default.ShopOrderResponse).Order.OrderDetail.DeliveryDetail.DeliveryList;
            Assert.Equal("a", list[0].DeliveryStatus);
            Assert.Equal("b", list[1].DeliveryStatus);
        }

        [Theory]
        [InlineData("{\"order\":{\"order_id\":-1}}")]
        [InlineData("{\"order\":{\"order_id\":18446744073709551616}}")]
        [InlineData("{\"order\":{\"order_id\":1.5}}")]
        [InlineData("{\"order\":{\"order_id\":1,\"status\":99999999999}}")]
        [InlineData("{\"order\":{\"order_id\":1,\"order_detail\":{\"pay_info\":{\"pay_time\":\"2020-13-45 99:00:00\"}}}}")]
        [InlineData("{\"order\":[]}")]
        public void WrongValuesAreRefusedNotGuessed(string json)
        {
            Assert.ThrowsAny<JsonException>(() => TestJson.Parse(json, WireJsonContext.Default.ShopOrderResponse));
        }
    }
}
