using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Json;
using WxOrders.Emulation;
using WxOrders.Emulation.Data.Wshoto;
using WxOrders.Emulation.Endpoints;
using WxOrders.Emulation.Server;
using WxOrders.Http;
using WxOrders.Platforms.Wshoto;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>Get-WshotoOrder's core: the API page's example, the wire's variations, and the sandbox end to end.</summary>
    public class WshotoTests
    {
        private static readonly TimeSpan China = TimeSpan.FromHours(8);

        private static WshotoResponse<WshotoOrder[]> Parse(byte[] json) =>
            JsonSerializer.Deserialize(json, WireJsonContext.Default.WshotoResponseWshotoOrderArray);

        private static WshotoResponse<WshotoOrder[]> Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

        private static int[] Values<T>() where T : struct, Enum =>
            Enum.GetValues(typeof(T)).Cast<object>().Select(v => (int)v).ToArray();

        /// <summary>One order from a data object with the given fields.</summary>
        private static WshotoOrder Order(string fields) =>
            Assert.Single(Parse(@"{""code"":0,""msg"":""ok"",""data"":{" + fields + @"},""sub_code"":""00000""}").Data);

        [Fact]
        public void DocumentExampleParsesToItsValues()
        {
            var response = Parse(SandboxClients.Data("wshoto-order-example.json"));
            Assert.Equal(0L, response.Code);
            Assert.Equal("请求成功", response.Msg);
            Assert.Equal("00000", response.SubCode);
            var o = Assert.Single(response.Data);

            Assert.Equal("1723051502104450002", o.OrderSn);
            Assert.Equal(WshotoOrderType.Normal, o.Type);
            Assert.Null(o.UserId);
            Assert.Equal("ROSE", o.CustomerName);
            Assert.Equal("ovXup5iunUO_QCjOa_sXbMquP0AY", o.CustomerId);
            Assert.Equal("oaNAw4wP5V-C51d8s3eES7YrdD3Q", o.OpenId);
            Assert.Equal("13472135933", o.PhoneNum);
            Assert.Equal(WshotoOrderStatus.Closed, o.Status);
            Assert.Equal(WshotoPayStatus.Unpaid, o.PayStatus);
            Assert.Equal(1999L, o.TotalPrice);
            Assert.Equal(0L, o.CommissionPrice);
            Assert.Equal(0L, o.CouponPrice);
            Assert.Equal(0L, o.ChangePrice);
            Assert.Equal(0L, o.Integral);
            Assert.Equal(0L, o.IntegralDeductPrice); // from "integralDeduct_price", the example's spelling
            Assert.Equal(0L, o.FreightPrice);
            Assert.Equal(1999L, o.PayPrice);
            Assert.Null(o.PayNum);
            Assert.Null(o.CouponId);

            var item = Assert.Single(o.DetailList);
            Assert.Equal("1657810577105402177", item.OrderDetailId);
            Assert.Equal("1657810571879257858", item.SkuId);
            Assert.Equal("1657810571833120513", item.SpuId);
            Assert.Null(item.SpecDesc);
            Assert.Equal("1684087813209", item.SpuNo);
            Assert.Equal("1684087813209", item.SkuNo);
            Assert.Equal("商品1684087813209", item.GoodsName);
            Assert.Equal(1L, item.GoodsNum);
            Assert.Equal("https://pubres.wshoto.com/base-material-server/wpDkH9EAAA_9HBsxyV4JU05EVU6PGf3g/1642781666420256514-1680504645340.png", item.Thumbnail);
            Assert.Equal(1999L, item.TotalPrice);
            Assert.Equal(0L, item.CommissionPrice);
            Assert.Equal(0m, item.CommissionRate);
            Assert.Equal(1999L, item.GoodsPrice);
            Assert.Null(item.CouponPrice);
            Assert.Null(item.Integral);
            Assert.Null(item.IntegralDeductPrice);
            Assert.Equal(1999L, item.PayPrice);

            Assert.Equal(WshotoExpressType.Express, o.ExpressType);
            Assert.Null(o.ExpressNo);
            Assert.Null(o.ExpressName);
            // 1684087816 is 2023-05-14 18:10:16 UTC.
            Assert.Equal(new DateTimeOffset(2023, 5, 15, 2, 10, 16, China), o.CreateTime);
            Assert.Equal(China, o.CreateTime.Value.Offset);
            Assert.Equal(new DateTimeOffset(2023, 5, 14, 18, 10, 16, TimeSpan.Zero), o.CreateTime.Value.ToUniversalTime());
            Assert.Equal(new DateTimeOffset(2023, 5, 15, 2, 10, 17, China), o.UpdateTime);
            Assert.Null(o.Remark);
            Assert.Null(o.FinishTime);
            Assert.Null(o.PayTime);
            Assert.Null(o.SendTime);
            Assert.Null(o.CancelRemark);
            Assert.Equal(WshotoOrderStatusTag.BuyerCancelled, o.OrderStatusTag);
            Assert.Null(o.CloseTime);
            Assert.Null(o.RefundStatus);
            Assert.Null(o.RefundFailureReasons);
            Assert.Null(o.SellerComments);
            Assert.Null(o.ActivityId);

            var a = o.OrderAddressInfo;
            Assert.Equal(("ROSE", "13812138000", "东城街道", "110101"), (a.Name, a.Mobile, a.Address, a.AreaCode));
            Assert.Equal(("北京市", "北京市", "东城区"), (a.Province, a.City, a.District));
            Assert.Null(o.OrderCheckInfo);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void NineteenDigitIdsComeOutExactAsNumbersAndAsStrings(bool quoted)
        {
            string Id(string digits) => quoted ? "\"" + digits + "\"" : digits;
            var o = Order(
                @"""order_sn"":" + Id("1723051502104450002") + @",""user_id"":" + Id("1654151385280149921") +
                @",""coupon_id"":" + Id("1708330399114069315") + @",""activity_id"":" + Id("9007199254740993") +
                @",""detail_list"":[{""order_detail_id"":" + Id("1657810577105402177") + @",""sku_id"":" + Id("1657810571879257858") +
                @",""spu_id"":" + Id("1657810571833120513") + @",""spu_no"":" + Id("1684087813209") + "}]");
            Assert.Equal("1723051502104450002", o.OrderSn);
            Assert.Equal("1654151385280149921", o.UserId);
            Assert.Equal("1708330399114069315", o.CouponId);
            Assert.Equal("9007199254740993", o.ActivityId);
            var item = o.DetailList[0];
            Assert.Equal("1657810577105402177", item.OrderDetailId);
            Assert.Equal("1657810571879257858", item.SkuId);
            Assert.Equal("1657810571833120513", item.SpuId);
            Assert.Equal("1684087813209", item.SpuNo);
        }

        [Fact]
        public void EnumsMapEveryDocumentedValue()
        {
            Assert.Equal(new[] { 0, 1, 2, 3 }, Values<WshotoOrderType>());
            Assert.Equal(WshotoOrderType.FlashSale, Order(@"""type"":2").Type);
            Assert.Equal(WshotoOrderType.Cart, Order(@"""type"":3").Type);
            Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, Values<WshotoOrderStatus>());
            Assert.Equal(WshotoOrderStatus.PendingConfirmation, Order(@"""status"":1").Status);
            Assert.Equal(WshotoOrderStatus.AwaitingShipment, Order(@"""status"":2").Status);
            Assert.Equal(WshotoPayStatus.Paid, Order(@"""pay_status"":1").PayStatus);
            Assert.Equal(WshotoExpressType.NoShipping, Order(@"""express_type"":0").ExpressType);
            Assert.Equal(WshotoExpressType.StorePickup, Order(@"""express_type"":2").ExpressType);
            Assert.Equal(Enumerable.Range(1, 10), Values<WshotoOrderStatusTag>());
            Assert.Equal(WshotoOrderStatusTag.AfterSaleClosed, Order(@"""order_status_tag"":10").OrderStatusTag);
            Assert.Equal(WshotoOrderStatusTag.GroupBuyRefundFailed, Order(@"""order_status_tag"":7").OrderStatusTag);
            Assert.Equal(WshotoRefundStatus.InProgress, Order(@"""refund_status"":1").RefundStatus);
            Assert.Equal(WshotoRefundStatus.Finished, Order(@"""refund_status"":""2""").RefundStatus);
            Assert.Equal(WshotoOrderStatus.Completed, Order(@"""status"":""4""").Status);
        }

        [Fact]
        public void UnknownEnumNumbersAreKept()
        {
            var o = Order(@"""type"":7,""status"":9,""pay_status"":2,""express_type"":5,""order_status_tag"":42,""refund_status"":3");
            Assert.Equal(7, (int)o.Type.Value);
            Assert.Equal(9, (int)o.Status.Value);
            Assert.Equal(2, (int)o.PayStatus.Value);
            Assert.Equal(5, (int)o.ExpressType.Value);
            Assert.Equal(42, (int)o.OrderStatusTag.Value);
            Assert.Equal(3, (int)o.RefundStatus.Value);
            Assert.Equal("9", o.Status.Value.ToString());
        }

        [Fact]
        public void NullAbsentAndUnknownFieldsAreFine()
        {
            var o = Order(@"""order_sn"":""1"",""type"":null,""status"":null,""pay_status"":null,""express_type"":null,""order_status_tag"":null,
                ""refund_status"":null,""total_price"":null,""detail_list"":null,""order_address_info"":null,""order_check_info"":null,
                ""create_time"":null,""brand_new"":{""x"":[1,2,{""y"":null}]},""another"":""z""");
            Assert.Equal("1", o.OrderSn);
            Assert.Null(o.Type);
            Assert.Null(o.Status);
            Assert.Null(o.PayStatus);
            Assert.Null(o.ExpressType);
            Assert.Null(o.OrderStatusTag);
            Assert.Null(o.RefundStatus);
            Assert.Null(o.TotalPrice);
            Assert.Null(o.DetailList);
            Assert.Null(o.OrderAddressInfo);
            Assert.Null(o.CreateTime);

            var bare = Order(string.Empty);
            Assert.Null(bare.OrderSn);
            Assert.Null(bare.Status);
            Assert.Null(bare.IntegralDeductPrice);
        }

        [Theory]
        [InlineData("0", null)]
        [InlineData("\"\"", null)]
        [InlineData("\"1684087816\"", "2023-05-15T02:10:16+08:00")]
        [InlineData("1684087816", "2023-05-15T02:10:16+08:00")]
        [InlineData("\"2023-05-15 02:10:16\"", "2023-05-15T02:10:16+08:00")]
        public void TimesAreChinaTimeAndZeroMeansNotYet(string wire, string expected)
        {
            var o = Order(@"""pay_time"":" + wire);
            Assert.Equal(expected == null ? (DateTimeOffset?)null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), o.PayTime);
            if (o.PayTime.HasValue)
            {
                Assert.Equal(China, o.PayTime.Value.Offset);
            }
        }

        [Theory]
        [InlineData(@"""integral_deduct_price"":12", 12L)]
        [InlineData(@"""integralDeduct_price"":34", 34L)]
        [InlineData(@"""integralDeduct_price"":34,""integral_deduct_price"":12", 12L)]
        [InlineData(@"""integral_deduct_price"":12,""integralDeduct_price"":34", 12L)]
        public void IntegralDeductPriceReadsBothSpellingsAndTheTableOneWins(string fields, long expected)
        {
            Assert.Equal(expected, Order(fields).IntegralDeductPrice);
        }

        [Fact]
        public void CheckInfoReadsItsOddlyCasedKeysAndTheBusinessTimeObject()
        {
            var c = Order(@"""order_check_info"":{""mobile"":13900000000,""appoint_store_Name"":""深圳南山旗舰店"",""consume_store_name"":""成都春熙路店"",
                ""appoint_time_start"":null,""appoint_time_end"":0,""business_time"":{""start_time"":""09:00"",""end_time"":""21:30""},
                ""checkTime"":1684087816,""checkStaffUserId"":1671914995068188502}").OrderCheckInfo;
            Assert.Equal("13900000000", c.Mobile);
            Assert.Equal("深圳南山旗舰店", c.AppointStoreName);
            Assert.Equal("成都春熙路店", c.ConsumeStoreName);
            Assert.Null(c.AppointTimeStart);
            Assert.Null(c.AppointTimeEnd);
            Assert.Equal("09:00", c.BusinessTime.StartTime);
            Assert.Equal("21:30", c.BusinessTime.EndTime);
            Assert.Equal(new DateTimeOffset(2023, 5, 15, 2, 10, 16, China), c.CheckTime);
            Assert.Equal("1671914995068188502", c.CheckStaffUserId);

            var appointed = Order(@"""order_check_info"":{""appoint_time_start"":1684087816,""appoint_time_end"":""1684095016"",""business_time"":null}").OrderCheckInfo;
            Assert.Equal(new DateTimeOffset(2023, 5, 15, 4, 10, 16, China), appointed.AppointTimeEnd);
            Assert.Null(appointed.BusinessTime);
        }

        [Fact]
        public void DataAsAnArrayIsReadAndTheRequestedOrderIsPicked()
        {
            var data = Parse(@"{""code"":0,""data"":[{""order_sn"":""111""},null,{""order_sn"":222}],""sub_code"":""""}").Data;
            Assert.Equal(3, data.Length);
            Assert.Equal("222", WshotoApi.Pick(data, "222").OrderSn);
            Assert.Equal("111", WshotoApi.Pick(data, "111").OrderSn);
            Assert.Null(WshotoApi.Pick(data, "333"));
            // A single order is never passed off as another one: only an order without an order_sn is taken as asked.
            Assert.Null(WshotoApi.Pick(new[] { new WshotoOrder { OrderSn = "111" } }, "999"));
            Assert.Same(data[0], WshotoApi.Pick(new[] { data[0] }, "111"));
            var anonymous = new WshotoOrder { OrderSn = null, PayPrice = 1 };
            Assert.Same(anonymous, WshotoApi.Pick(new[] { anonymous }, "999"));
            Assert.Null(WshotoApi.Pick(Array.Empty<WshotoOrder>(), "1"));
            Assert.Null(WshotoApi.Pick(null, "1"));
            Assert.Null(Parse(@"{""code"":20001,""msg"":""订单不存在"",""data"":null,""sub_code"":""20001""}").Data);
        }

        [Fact]
        public void RequestBodyCarriesTheOrderSnAsAString()
        {
            var body = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(new WshotoOrderRequest { OrderSn = "1723051502104450002" }, WireJsonContext.Default.WshotoOrderRequest));
            Assert.Equal(@"{""order_sn"":""1723051502104450002""}", body);
        }

        [Fact]
        public void SandboxOrderSnsMapBackToTheirIndex()
        {
            using var sb = Sandbox.Start(orderCount: 300);
            var orders = sb.Context.Wshoto;
            var sns = sb.GetWshotoOrderSns(300);
            Assert.Equal(sns.Take(10), sb.SampleWshotoOrderSns);
            Assert.Equal("1723051502104450002", sns[0]);
            for (var i = 0; i < sns.Length; i++)
            {
                Assert.Equal(19, sns[i].Length);
                Assert.True(ulong.Parse(sns[i], System.Globalization.CultureInfo.InvariantCulture) > (1UL << 53));
                Assert.Equal(i, orders.IndexOf(sns[i]));
            }

            Assert.Equal(-1, orders.IndexOf(WshotoOrders.OrderSnText(300)));
            Assert.Equal(-1, orders.IndexOf("1723051502104450003"));
            Assert.Equal(-1, orders.IndexOf("123"));
            Assert.Equal(-1, orders.IndexOf("17230515021044500x2"));
        }

        [Fact]
        public async Task SandboxOrdersComeBackTypedWithConsistentTotals()
        {
            using var sb = Sandbox.Start();
            using var client = SandboxClients.For(sb, WxPlatform.Wshoto);
            var seen = new HashSet<WshotoOrderStatus>();
            foreach (var sn in sb.GetWshotoOrderSns(40))
            {
                var o = await WshotoApi.GetOrderAsync(client, sn, null, CancellationToken.None);
                Assert.Equal(sn, o.OrderSn);
                Assert.NotNull(o.Status);
                seen.Add(o.Status.Value);
                Assert.NotNull(o.CreateTime);
                Assert.Equal(TimeSpan.FromHours(8), o.CreateTime.Value.Offset);
                Assert.NotEmpty(o.DetailList);
                Assert.All(o.DetailList, item =>
                {
                    Assert.Equal(sn, item.OrderSn);
                    Assert.Equal(19, item.OrderDetailId.Length);
                    Assert.Equal(item.GoodsPrice * item.GoodsNum, item.TotalPrice);
                });
                Assert.Equal(o.DetailList.Sum(i => i.TotalPrice), o.TotalPrice);
                Assert.Equal(o.TotalPrice + o.FreightPrice - o.CouponPrice - o.IntegralDeductPrice, o.PayPrice);
                Assert.Equal(o.DetailList.Sum(i => i.PayPrice), o.PayPrice - o.FreightPrice);
                Assert.Equal(o.PayStatus == WshotoPayStatus.Paid, o.PayTime.HasValue);
                Assert.Equal(o.ExpressType == WshotoExpressType.Express, o.OrderAddressInfo != null);
                Assert.Equal(o.ExpressType == WshotoExpressType.StorePickup, o.OrderCheckInfo != null);
                if (o.OrderCheckInfo != null)
                {
                    Assert.False(string.IsNullOrEmpty(o.OrderCheckInfo.AppointStoreName));
                    Assert.True(o.OrderCheckInfo.AppointTimeStart.HasValue ^ (o.OrderCheckInfo.BusinessTime != null));
                }
            }

            Assert.Contains((WshotoOrderStatus)7, seen);
            Assert.Contains(WshotoOrderStatus.Completed, seen);
        }

        [Fact]
        public async Task SandboxSendsIdsAsNumbersAndAsStringsAndBothDeductSpellings()
        {
            using var sb = Sandbox.Start();
            using var client = SandboxClients.For(sb, WxPlatform.Wshoto);
            var kinds = new HashSet<(string, JsonValueKind)>();
            var keys = new HashSet<string>();
            foreach (var sn in sb.GetWshotoOrderSns(20))
            {
                using var doc = await SandboxClients.PostRawAsync(client, sb, WshotoApi.Path, @"{""order_sn"":""" + sn + @"""}");
                Assert.Equal(0, doc.RootElement.GetProperty("code").GetInt32());
                var data = doc.RootElement.GetProperty("data");
                kinds.Add(("order_sn", data.GetProperty("order_sn").ValueKind));
                foreach (var line in data.GetProperty("detail_list").EnumerateArray())
                {
                    kinds.Add(("order_detail_id", line.GetProperty("order_detail_id").ValueKind));
                }

                foreach (var p in data.EnumerateObject())
                {
                    if (p.Name.StartsWith("integral", StringComparison.Ordinal) && p.Name != "integral")
                    {
                        keys.Add(p.Name);
                    }
                }
            }

            Assert.Contains(("order_sn", JsonValueKind.String), kinds);
            Assert.Contains(("order_sn", JsonValueKind.Number), kinds);
            Assert.Contains(("order_detail_id", JsonValueKind.String), kinds);
            Assert.Contains(("order_detail_id", JsonValueKind.Number), kinds);
            Assert.Equal(new[] { "integralDeduct_price", "integral_deduct_price" }, keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public async Task SandboxAnswersNotFoundWith20001AsObjectNotFound()
        {
            using var sb = Sandbox.Start();
            using var client = SandboxClients.For(sb, WxPlatform.Wshoto);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => WshotoApi.GetOrderAsync(client, "1723051502104450003", null, CancellationToken.None));
            Assert.Equal(WshotoEndpoint.NotFoundCode, ex.ErrorCode);
            Assert.Equal(WxErrorCategory.ObjectNotFound, ex.Category);
            Assert.Equal(WxPlatform.Wshoto, ex.Platform);
            Assert.Equal(WshotoApi.Path, ex.Endpoint);
        }

        [Theory]
        [InlineData(@"{}")]
        [InlineData(@"{""order_sn"":""""}")]
        [InlineData(@"{""order_sn"":null}")]
        [InlineData(@"{""order_sn"":1723051502104450002}")]
        [InlineData(@"""x""")]
        public async Task SandboxRefusesARequestWithoutAnOrderSnString(string body)
        {
            using var sb = Sandbox.Start();
            using var client = SandboxClients.For(sb, WxPlatform.Wshoto);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => client.SendAsync(
                new ApiRequest(System.Net.Http.HttpMethod.Post, WshotoApi.Path, Encoding.UTF8.GetBytes(body)),
                WireJsonContext.Default.WshotoResponseWshotoOrderArray, null, CancellationToken.None));
            Assert.Equal(47001L, ex.ErrorCode);
        }

        [Fact]
        public void SandboxFaultKeyIsTheOrderSn()
        {
            using var sb = Sandbox.Start();
            var endpoint = new WshotoEndpoint(sb.Context);
            var request = new SandboxRequest { Method = "POST", Path = WshotoApi.Path, Body = Encoding.UTF8.GetBytes(@"{""order_sn"":""1723051502104450002""}") };
            Assert.Equal("1723051502104450002", endpoint.FaultKey(request));
            Assert.Null(endpoint.FaultKey(new SandboxRequest { Method = "POST", Path = WshotoApi.Path, Body = Array.Empty<byte>() }));
        }

        [Fact]
        public async Task SandboxPermanentFailureIsKeyedByOrderSn()
        {
            var options = new SandboxOptions { Seed = 1, OrderCount = 10 };
            options.PermanentFailures[WshotoOrders.OrderSnText(3)] = 45009;
            using var sb = new Sandbox(options);
            using var client = SandboxClients.For(sb, WxPlatform.Wshoto);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => WshotoApi.GetOrderAsync(client, sb.SampleWshotoOrderSns[3], null, CancellationToken.None));
            Assert.Equal(45009L, ex.ErrorCode);
            Assert.Equal(WxErrorCategory.LimitsExceeded, ex.Category);
            Assert.NotNull(await WshotoApi.GetOrderAsync(client, sb.SampleWshotoOrderSns[4], null, CancellationToken.None));
        }
    }
}
