using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Json;
using WxOrders.Emulation;
using WxOrders.Emulation.Data.Coop;
using WxOrders.Emulation.Endpoints;
using WxOrders.Emulation.Server;
using WxOrders.Http;
using WxOrders.Platforms.Coop;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>Get-CoopOrder's core: the API page's example, the wire's variations, and the sandbox end to end.</summary>
    public class CoopTests
    {
        private static CoopOrderResponse Parse(string json) =>
            JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), WireJsonContext.Default.CoopOrderResponse);

        private static CoopOrderResponse Parse(byte[] json) =>
            JsonSerializer.Deserialize(json, WireJsonContext.Default.CoopOrderResponse);

        [Fact]
        public void DocumentExampleParsesToItsValues()
        {
            var response = Parse(SandboxClients.Data("coop-order-example.json"));
            Assert.Null(response.ErrCode);
            var order = response.Order;
            Assert.NotNull(order);
            Assert.Equal("OPENID", order.OpenId);
            Assert.Null(order.Status);
            Assert.Null(order.UnionId);

            var item = Assert.Single(order.OrderDetail.ProductInfos);
            Assert.Equal("234245", item.ProductId);
            Assert.Equal("23424", item.SkuId);
            Assert.Equal(10L, item.SkuCnt);
            Assert.Equal("健身环", item.Title);
            Assert.Equal("https://mmecimage.cn/p/wx37f38d59298839c3/HJE9eJaEc5bJk-eaArVdILSB7MMaHgdK2-JIn51nMQ", item.ThumbImg);
            Assert.Equal(2000L, item.SalePrice);
            Assert.Equal(2000L, item.MarketPrice);
            Assert.Null(item.SkuCode);
            Assert.Null(item.RealPrice);
            Assert.Null(item.IsDiscounted);

            var pairs = item.SkuAttrs.Select(a => (a.AttrKey, a.AttrValue)).ToArray();
            Assert.Equal(
                new[]
                {
                    ("产地", "四川成都"), ("材质", "玻璃"), ("适用人群", "青年;中年"), ("数量", "33"),
                    ("精度", "3.001"), ("重量", "38 mg"), ("毛重", "380 kg"),
                },
                pairs);

            var price = order.OrderDetail.PriceInfo;
            Assert.Equal(20000L, price.ProductPrice);
            Assert.Equal(10500L, price.OrderPrice);
            Assert.Equal(500L, price.Freight);
            Assert.Equal(10000L, price.DiscountedPrice);
            Assert.True(price.IsDiscounted);
            Assert.Null(price.OriginalOrderPrice);
            Assert.Null(price.MerchantReceivePrice);
            Assert.Null(price.FinderDiscountedPrice);
        }

        [Fact]
        public void EveryDocumentedFieldIsRead()
        {
            var order = Parse(@"{""errcode"":0,""errmsg"":""ok"",""order"":{
                ""status"":20,""openid"":""oBuyer"",""unionid"":""oUnion"",
                ""order_detail"":{
                  ""product_infos"":[{""product_id"":1,""sku_id"":2,""thumb_img"":""https://img/x.jpg"",""sku_cnt"":3,""sale_price"":400,
                    ""title"":""保温杯"",""sku_code"":""SKU-1"",""market_price"":500,""sku_attrs"":[{""attr_key"":""颜色"",""attr_value"":""红色""}],
                    ""real_price"":1100,""is_discounted"":true,""estimate_price"":1100,""is_change_price"":true,""change_price"":1150}],
                  ""price_info"":{""product_price"":1200,""order_price"":1000,""freight"":100,""discounted_price"":100,""is_discounted"":true,
                    ""original_order_price"":1300,""estimate_product_price"":1100,""change_down_price"":50,""change_freight"":90,
                    ""is_change_freight"":true,""use_deduction"":true,""deduction_price"":30,""merchant_receieve_price"":1120,
                    ""merchant_discounted_price"":100,""finder_discounted_price"":20}}}}").Order;

            Assert.Equal(ChannelsOrderStatus.Paid, order.Status);
            Assert.Equal("oBuyer", order.OpenId);
            Assert.Equal("oUnion", order.UnionId);
            var item = order.OrderDetail.ProductInfos[0];
            Assert.Equal(("1", "2", "https://img/x.jpg", 3L, 400L), (item.ProductId, item.SkuId, item.ThumbImg, item.SkuCnt, item.SalePrice));
            Assert.Equal(("保温杯", "SKU-1", 500L), (item.Title, item.SkuCode, item.MarketPrice));
            Assert.Equal("颜色=红色", item.SkuAttrs[0].ToString());
            Assert.Equal((1100L, true, 1100L, true, 1150L), (item.RealPrice, item.IsDiscounted, item.EstimatePrice, item.IsChangePrice, item.ChangePrice));

            var p = order.OrderDetail.PriceInfo;
            Assert.Equal((1200L, 1000L, 100L, 100L, true), (p.ProductPrice, p.OrderPrice, p.Freight, p.DiscountedPrice, p.IsDiscounted));
            Assert.Equal((1300L, 1100L, 50L, 90L, true), (p.OriginalOrderPrice, p.EstimateProductPrice, p.ChangeDownPrice, p.ChangeFreight, p.IsChangeFreight));
            Assert.Equal((true, 30L, 1120L, 100L, 20L), (p.UseDeduction, p.DeductionPrice, p.MerchantReceivePrice, p.MerchantDiscountedPrice, p.FinderDiscountedPrice));
        }

        [Theory]
        [InlineData(@"{""merchant_receive_price"":777}", 777L)]
        [InlineData(@"{""merchant_receieve_price"":888}", 888L)]
        [InlineData(@"{""merchant_receieve_price"":888,""merchant_receive_price"":777}", 888L)]
        [InlineData(@"{""merchant_receive_price"":777,""merchant_receieve_price"":888}", 888L)]
        [InlineData(@"{""merchant_receive_price"":""777""}", 777L)]
        public void MerchantReceivePriceReadsBothSpellingsAndTheDocumentedOneWins(string priceInfo, long expected)
        {
            var order = Parse(@"{""order"":{""order_detail"":{""price_info"":" + priceInfo + "}}}").Order;
            Assert.Equal(expected, order.OrderDetail.PriceInfo.MerchantReceivePrice);
        }

        [Theory]
        [InlineData("1000381832746917193", "9007199254740993")]
        [InlineData("\"1000381832746917193\"", "\"9007199254740993\"")]
        public void NineteenDigitIdsComeOutExactAsNumberOrString(string productId, string skuId)
        {
            var order = Parse(@"{""order"":{""order_detail"":{""product_infos"":[{""product_id"":" + productId + @",""sku_id"":" + skuId + "}]}}}").Order;
            Assert.Equal("1000381832746917193", order.OrderDetail.ProductInfos[0].ProductId);
            // 2^53 + 1: the first integer a double cannot hold.
            Assert.Equal("9007199254740993", order.OrderDetail.ProductInfos[0].SkuId);
        }

        [Theory]
        [InlineData("10", ChannelsOrderStatus.Unpaid)]
        [InlineData("12", ChannelsOrderStatus.GiftPending)]
        [InlineData("13", ChannelsOrderStatus.GroupBuyPending)]
        [InlineData("21", ChannelsOrderStatus.PartiallyShipped)]
        [InlineData("30", ChannelsOrderStatus.AwaitingReceipt)]
        [InlineData("100", ChannelsOrderStatus.Completed)]
        [InlineData("190", ChannelsOrderStatus.OversoldCancelled)]
        [InlineData("200", ChannelsOrderStatus.CancelledAfterSale)]
        [InlineData("250", ChannelsOrderStatus.Cancelled)]
        [InlineData("\"100\"", ChannelsOrderStatus.Completed)]
        [InlineData("777", (ChannelsOrderStatus)777)]
        public void StatusesMapAndUnknownNumbersAreKept(string wire, ChannelsOrderStatus expected)
        {
            var order = Parse(@"{""order"":{""status"":" + wire + "}}").Order;
            Assert.Equal(expected, order.Status);
        }

        [Fact]
        public void UnknownStatusPrintsAsItsNumber()
        {
            Assert.Equal("777", ((ChannelsOrderStatus)777).ToString());
        }

        [Fact]
        public void NullAbsentAndUnknownFieldsAreFine()
        {
            var order = Parse(@"{""order"":{""status"":null,""openid"":null,""brand_new"":{""a"":[1,{""b"":2}]},
                ""order_detail"":{""product_infos"":[{""title"":""x"",""sku_attrs"":null,""sku_id"":null,""future"":true}],""price_info"":null}},
                ""another"":[1,2,3]}").Order;
            Assert.Null(order.Status);
            Assert.Null(order.OpenId);
            Assert.Null(order.OrderDetail.PriceInfo);
            Assert.Null(order.OrderDetail.ProductInfos[0].SkuAttrs);
            Assert.Null(order.OrderDetail.ProductInfos[0].SkuId);

            var empty = Parse(@"{""order"":{}}").Order;
            Assert.Null(empty.OrderDetail);
        }

        [Fact]
        public void ErrorEnvelopeParsesAndNotFoundIsObjectNotFoundForWeChatOnly()
        {
            var response = Parse(@"{""errcode"":100002,""errmsg"":""order not exist rid: 6000001-9e3779b1""}");
            Assert.Equal(100002L, response.ErrCode);
            Assert.Null(response.Order);

            var rule = ErrorCatalog.Lookup(WxPlatform.WeChat, CoopEndpoint.NotFoundCode);
            Assert.Equal(WxErrorCategory.ObjectNotFound, rule.Category);
            Assert.Equal(FailureAction.Permanent, rule.Action);
            Assert.Contains("-ShopAppId", rule.Advice);
            Assert.NotEqual(WxErrorCategory.ObjectNotFound, ErrorCatalog.Lookup(WxPlatform.Wshoto, 100002).Category);
        }

        [Fact]
        public void RequestBodyCarriesBothWireNames()
        {
            var body = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(
                new CoopOrderRequest { ShopAppId = "wxshop", OrderId = "coiqBw3B" },
                WireJsonContext.Default.CoopOrderRequest));
            Assert.Equal(@"{""shop_appid"":""wxshop"",""order_id"":""coiqBw3B""}", body);
        }

        [Fact]
        public void SandboxIdsMapBackToTheirIndexAndAreDeterministic()
        {
            using var sb = Sandbox.Start(seed: 7, orderCount: 500);
            var orders = sb.Context.Coop;
            for (var i = 0; i < 500; i += 7)
            {
                var id = CoopOrders.OrderIdOf(7, i);
                Assert.Equal(76, id.Length);
                Assert.StartsWith(CoopOrders.IdPrefix, id);
                Assert.EndsWith(CoopOrders.IdSuffix, id);
                Assert.Equal(i, orders.IndexOf(id));
                Assert.Equal(id, CoopOrders.OrderIdOf(7, i));
            }

            Assert.Equal(-1, orders.IndexOf(CoopOrders.OrderIdOf(7, 500)));
            Assert.Equal(-1, orders.IndexOf(CoopOrders.OrderIdOf(8, 3)));
            var tampered = CoopOrders.OrderIdOf(7, 3).ToCharArray();
            tampered[20] = tampered[20] == 'A' ? 'B' : 'A';
            Assert.Equal(-1, orders.IndexOf(new string(tampered)));
            Assert.Equal(-1, orders.IndexOf("coiqBw3B************************************************************TdtdzIpQ"));
            Assert.Equal(sb.SampleCoopOrders.Select(s => s.OrderId), sb.GetCoopOrderSamples(10).Select(s => s.OrderId));
        }

        [Fact]
        public async Task SandboxOrdersComeBackTypedWithTheirKeysAndConsistentPrices()
        {
            using var sb = Sandbox.Start();
            using var client = SandboxClients.For(sb, WxPlatform.WeChat);
            var samples = sb.GetCoopOrderSamples(40);
            foreach (var sample in samples)
            {
                var key = new CoopOrderKey(sample.ShopAppId, sample.OrderId);
                var order = await CoopApi.GetOrderAsync(client, key, null, CancellationToken.None);
                Assert.Equal(sample.ShopAppId, order.ShopAppId);
                Assert.Equal(sample.OrderId, order.OrderId);
                Assert.StartsWith("o", order.OpenId);
                Assert.NotEmpty(order.OrderDetail.ProductInfos);
                foreach (var item in order.OrderDetail.ProductInfos)
                {
                    Assert.Equal(sample.OrderId, item.OrderId);
                    Assert.Equal(19, item.ProductId.Length);
                    var expected = item.IsDiscounted == true ? item.EstimatePrice : item.IsChangePrice == true ? item.ChangePrice : item.SalePrice * item.SkuCnt;
                    Assert.Equal(expected, item.RealPrice);
                }

                var p = order.OrderDetail.PriceInfo;
                Assert.Equal(order.OrderDetail.ProductInfos.Sum(i => i.SalePrice * i.SkuCnt), p.ProductPrice);
                Assert.Equal(p.ProductPrice + p.Freight, p.OriginalOrderPrice);
                Assert.Equal(p.OriginalOrderPrice - (p.DiscountedPrice ?? 0) - (p.FinderDiscountedPrice ?? 0) - p.DeductionPrice - p.ChangeDownPrice, p.OrderPrice);
                Assert.NotNull(p.MerchantReceivePrice);
                Assert.Equal(p.OriginalOrderPrice - (p.DiscountedPrice ?? 0) - p.DeductionPrice - p.ChangeDownPrice, p.MerchantReceivePrice);
            }
        }

        [Fact]
        public async Task SandboxSendsBothMerchantReceiveSpellingsAndUnknownStatuses()
        {
            using var sb = Sandbox.Start();
            using var client = SandboxClients.For(sb, WxPlatform.WeChat);
            var keys = new System.Collections.Generic.HashSet<string>();
            var statuses = new System.Collections.Generic.HashSet<int>();
            foreach (var sample in sb.GetCoopOrderSamples(40))
            {
                using var doc = await SandboxClients.PostRawAsync(client, sb, CoopApi.Path, JsonSerializer.Serialize(new { shop_appid = sample.ShopAppId, order_id = sample.OrderId }));
                var order = doc.RootElement.GetProperty("order");
                foreach (var p in order.GetProperty("order_detail").GetProperty("price_info").EnumerateObject())
                {
                    if (p.Name.StartsWith("merchant_rece", StringComparison.Ordinal))
                    {
                        keys.Add(p.Name);
                    }
                }

                if (order.TryGetProperty("status", out var s))
                {
                    statuses.Add(s.GetInt32());
                }

                Assert.Equal(JsonValueKind.Number, order.GetProperty("order_detail").GetProperty("product_infos")[0].GetProperty("product_id").ValueKind);
            }

            Assert.Equal(new[] { "merchant_receieve_price", "merchant_receive_price" }, keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Contains(999, statuses);
        }

        [Fact]
        public async Task SandboxAnswersNotFoundForAWrongShopOrATamperedId()
        {
            using var sb = Sandbox.Start();
            using var client = SandboxClients.For(sb, WxPlatform.WeChat);
            var sample = sb.SampleCoopOrders[0];
            var other = sb.SampleCoopOrders.First(s => s.ShopAppId != sample.ShopAppId);

            var wrongShop = await Assert.ThrowsAsync<WxApiException>(() => CoopApi.GetOrderAsync(client, new CoopOrderKey(other.ShopAppId, sample.OrderId), null, CancellationToken.None));
            Assert.Equal(CoopEndpoint.NotFoundCode, wrongShop.ErrorCode);
            Assert.Equal(WxErrorCategory.ObjectNotFound, wrongShop.Category);
            Assert.Equal(CoopApi.Path, wrongShop.Endpoint);
            Assert.NotNull(wrongShop.RequestId);

            var unknown = await Assert.ThrowsAsync<WxApiException>(() => CoopApi.GetOrderAsync(client, new CoopOrderKey(sample.ShopAppId, sample.OrderId.Substring(1)), null, CancellationToken.None));
            Assert.Equal(CoopEndpoint.NotFoundCode, unknown.ErrorCode);
        }

        [Theory]
        [InlineData(@"{""order_id"":""coiqBw3B""}", "shop_appid")]
        [InlineData(@"{""shop_appid"":""wx1""}", "order_id")]
        [InlineData(@"{""shop_appid"":""wx1"",""order_id"":""""}", "order_id")]
        [InlineData(@"[1,2]", "data format error")]
        public async Task SandboxRefusesARequestWithoutItsFields(string body, string named)
        {
            using var sb = Sandbox.Start();
            using var client = SandboxClients.For(sb, WxPlatform.WeChat);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => client.SendAsync(
                new ApiRequest(System.Net.Http.HttpMethod.Post, CoopApi.Path, Encoding.UTF8.GetBytes(body)),
                WireJsonContext.Default.CoopOrderResponse, null, CancellationToken.None));
            Assert.Equal(47001L, ex.ErrorCode);
            Assert.Contains(named, ex.ErrorMessage);
        }

        [Fact]
        public void SandboxFaultKeyIsTheOrderId()
        {
            using var sb = Sandbox.Start();
            var endpoint = new CoopEndpoint(sb.Context);
            var request = new SandboxRequest { Method = "POST", Path = CoopApi.Path, Body = Encoding.UTF8.GetBytes(@"{""shop_appid"":""wx1"",""order_id"":""coiqBw3Bx""}") };
            Assert.Equal("coiqBw3Bx", endpoint.FaultKey(request));
            Assert.Null(endpoint.FaultKey(new SandboxRequest { Method = "POST", Path = CoopApi.Path, Body = Encoding.UTF8.GetBytes("not json") }));
        }

        [Fact]
        public async Task SandboxPermanentFailureIsKeyedByOrderId()
        {
            var sample = CoopOrders.OrderIdOf(1, 2);
            var options = new SandboxOptions { Seed = 1, OrderCount = 10 };
            options.PermanentFailures[sample] = 48001;
            using var sb = new Sandbox(options);
            using var client = SandboxClients.For(sb, WxPlatform.WeChat);
            var s = sb.SampleCoopOrders[2];
            Assert.Equal(sample, s.OrderId);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => CoopApi.GetOrderAsync(client, new CoopOrderKey(s.ShopAppId, s.OrderId), null, CancellationToken.None));
            Assert.Equal(48001L, ex.ErrorCode);
            Assert.Equal(WxErrorCategory.PermissionDenied, ex.Category);
            var ok = await CoopApi.GetOrderAsync(client, new CoopOrderKey(sb.SampleCoopOrders[1].ShopAppId, sb.SampleCoopOrders[1].OrderId), null, CancellationToken.None);
            Assert.NotNull(ok);
        }
    }
}
