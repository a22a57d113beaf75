using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Json;
using WxOrders.Http;
using WxOrders.Platforms.Shop;
using WxOrders.Platforms.Wshoto;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>The two list endpoints of issue 13 on the wire: shop get_list and the Wshoto order list.</summary>
    public class ListApiTests
    {
        private static readonly TimeSpan China = TimeSpan.FromHours(8);

        private static ConnectionSettings Settings(WxPlatform platform) => new ConnectionSettings
        {
            Name = "t",
            Platform = platform,
            AppId = platform == WxPlatform.WeChat ? "wxtest" : "wstest",
            AppSecret = SecureText.Protect("list-test-secret"),
            BaseUri = new Uri("https://api.test/"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };

        [Fact]
        public async Task ShopListSendsTheDocumentedBodyAscendingInChinaTime()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}")
                : ScriptedHandler.Json("{\"errcode\":0,\"errmsg\":\"ok\",\"total_num\":7,\"orders\":[{\"order_id\":\"18446744073709551615\",\"status\":20,\"create_time\":\"2025-03-29 23:58:01\",\"update_time\":\"2025-03-30 08:00:00\",\"openid\":\"oB\"},null]}"));
            using var client = new ApiClient(Settings(WxPlatform.WeChat), handler);
            var query = new ShopOrderQuery
            {
                // 15:58:01 UTC is 23:58:01 in China: the wire format carries no offset, so the instant is converted.
                StartTime = new DateTimeOffset(2025, 3, 29, 15, 58, 1, TimeSpan.Zero),
                EndTime = new DateTimeOffset(2025, 3, 30, 9, 0, 0, TimeSpan.FromHours(2)),
            };
            var page = await ShopListApi.ListAsync(client, query, 3, 100, null, CancellationToken.None);
            Assert.Equal("https://api.test/shop/order/get_list?access_token=" + ScriptedHandler.Token(1), handler.Urls[1]);
            Assert.Equal("{\"page\":3,\"page_size\":100,\"sort_order\":2,\"start_create_time\":\"2025-03-29 23:58:01\",\"end_create_time\":\"2025-03-30 15:00:00\"}", handler.Bodies[1]);
            Assert.Equal(3, page.Number);
            Assert.Equal(7, page.TotalCount);
            Assert.Equal(2, page.RawCount);
            Assert.Equal(18446744073709551615UL, page.Items[0].OrderId);
            Assert.Equal(new DateTimeOffset(2025, 3, 30, 8, 0, 0, China), page.Items[0].UpdateTime);
            Assert.Equal("oB", page.Items[0].OpenId);
            Assert.Null(page.Items[1]);
        }

        [Fact]
        public void ShopListLeavesOutAnOpenWindowEnd()
        {
            var body = System.Text.Json.JsonSerializer.Serialize(ShopListApi.Request(new ShopOrderQuery(), 1, 10), WireJsonContext.Default.ShopOrderListRequest);
            Assert.Equal("{\"page\":1,\"page_size\":10,\"sort_order\":2}", body);
            Assert.NotNull(new ShopOrderQuery { StartTime = DateTimeOffset.UtcNow, EndTime = DateTimeOffset.UtcNow.AddSeconds(-1) }.Validate());
            Assert.Throws<ArgumentOutOfRangeException>(() => ShopListApi.ListAsync(null, null, 1, 101, null, CancellationToken.None).GetAwaiter().GetResult());
        }

        [Fact]
        public void WshotoListExampleIsReadWithoutTakingItsDecimalsForFen()
        {
            var r = TestJson.ParseFile("wshoto-order-list.json", WireJsonContext.Default.WshotoResponseWshotoListData);
            Assert.Equal(0, r.Code);
            Assert.Equal(5, r.Data.Total);
            var record = Assert.Single(r.Data.Records);
            Assert.Equal("1821092913377060002", record.OrderCode);
            Assert.Null(record.ParentOrderCode);
            Assert.Equal(WshotoOrderStatus.AwaitingShipment, record.Status);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1632893863), record.UpdateTime);
            Assert.Equal(China, record.UpdateTime.Value.Offset);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1632893852), record.CreateTime);

            // 6.00 stays 6.00 as read: not 600 fen, not 0.06 yuan. The orders themselves come from the detail endpoint.
            Assert.Equal(6.00m, record.ListTotalPrice);
            Assert.Equal(6.00m, record.ListPayPrice);
            Assert.Equal(typeof(decimal?), typeof(WshotoListRecord).GetProperty(nameof(WshotoListRecord.ListPayPrice)).PropertyType);
        }

        [Fact]
        public async Task WshotoListSendsItsBodyWithGetOnDotNet()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WshotoPath
                ? ScriptedHandler.Json("{\"code\":0,\"msg\":\"ok\",\"data\":{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}}")
                : ScriptedHandler.Json("{\"code\":0,\"msg\":\"ok\",\"data\":{\"total\":1,\"records\":[{\"order_code\":1821092913377060002,\"update_time\":\"1632893863\"}]}}"));
            using var client = new ApiClient(Settings(WxPlatform.Wshoto), handler);
            var query = new WshotoOrderQuery
            {
                TimeField = WshotoTimeField.Updated,
                StartTime = DateTimeOffset.FromUnixTimeSeconds(1628499408),
                EndTime = DateTimeOffset.FromUnixTimeSeconds(1628608356),
                Status = new[] { WshotoOrderStatus.PendingConfirmation, WshotoOrderStatus.AwaitingShipment, WshotoOrderStatus.AwaitingShipment },
            };
            var page = await WshotoListApi.ListAsync(client, query, 2, 100, null, CancellationToken.None);
            Assert.Equal("https://api.test/openapi/mall/order/list?access_token=" + ScriptedHandler.Token(1), handler.Urls[1]);
            Assert.Equal(HttpMethod.Get, handler.Methods[1]);
            Assert.Equal("{\"type\":3,\"start_time\":1628499408,\"end_time\":1628608356,\"status_list\":[1,2],\"current_index\":2,\"page_size\":100}", handler.Bodies[1]);
            Assert.Equal("1821092913377060002", page.Items.Single().OrderCode);
            Assert.Equal(1, page.TotalCount);
        }

        [Fact]
        public void WshotoListGoesByPostOnlyOnDotNetFramework()
        {
            Assert.Equal(HttpMethod.Get, WshotoListApi.MethodFor(netFramework: false));
            Assert.Equal(HttpMethod.Post, WshotoListApi.MethodFor(netFramework: true));
            var body = System.Text.Json.JsonSerializer.Serialize(WshotoListApi.Request(null, 1, 50), WireJsonContext.Default.WshotoOrderListRequest);
            Assert.Equal("{\"type\":1,\"start_time\":0,\"current_index\":1,\"page_size\":50}", body);
        }
    }
}
