using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Platforms.Shop;
using WxOrders.Platforms.Wshoto;
using Xunit;

namespace WxOrders.Tests.Emulation
{
    /// <summary>The sandbox's three list endpoints on the wire: paging, limits, inclusive windows, sort orders, the 7-day rule, the cursor.</summary>
    public class ListEndpointTests
    {
        private const string ShopList = "/shop/order/get_list";
        private const string WshotoList = "/openapi/mall/order/list";
        private const string ChannelsList = "/channels/ec/order/list/get";

        /// <summary>Sends a raw JSON body with a valid token (any method: the Wshoto list takes GET with a body) and parses the answer.</summary>
        internal static async Task<JsonElement> Send(Sandbox sb, WxPlatform platform, HttpMethod method, string path, string json)
        {
            var client = SandboxClients.For(sb, platform);
            var token = await client.Tokens.GetAsync(CancellationToken.None);
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(method, new Uri(sb.BaseUri, path + "?access_token=" + Uri.EscapeDataString(token.Value)))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            using var response = await http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.Clone();
        }

        internal static Task<JsonElement> Post(Sandbox sb, WxPlatform platform, string path, string json) => Send(sb, platform, HttpMethod.Post, path, json);

        private static long Code(JsonElement e) => e.TryGetProperty("errcode", out var c) ? c.GetInt64() : e.GetProperty("code").GetInt64();

        private static long ChinaSeconds(string text) =>
            new DateTimeOffset(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8)).ToUnixTimeSeconds();

        private static string ChinaText(long seconds) =>
            DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        private static async Task<List<JsonElement>> ShopWalk(Sandbox sb, int sort, int pageSize, string window = "")
        {
            var all = new List<JsonElement>();
            for (var page = 1; ; page++)
            {
                var r = await Post(sb, WxPlatform.WeChat, ShopList, "{\"page\":" + page + ",\"page_size\":" + pageSize + ",\"sort_order\":" + sort + window + "}");
                Assert.Equal(0, Code(r));
                var orders = r.GetProperty("orders").EnumerateArray().ToList();
                all.AddRange(orders);
                if (orders.Count < pageSize)
                {
                    return all;
                }
            }
        }

        [Fact]
        public async Task ShopListPagesEveryOrderOnceAscendingOrDescendingByCreateTime()
        {
            using var sb = Sandbox.Start(orderCount: 250);
            var first = await Post(sb, WxPlatform.WeChat, ShopList, "{\"page\":1,\"page_size\":100,\"sort_order\":2}");
            Assert.Equal(250, first.GetProperty("total_num").GetInt32());
            var last = await Post(sb, WxPlatform.WeChat, ShopList, "{\"page\":3,\"page_size\":100,\"sort_order\":2}");
            Assert.Equal(50, last.GetProperty("orders").GetArrayLength());
            var beyond = await Post(sb, WxPlatform.WeChat, ShopList, "{\"page\":4,\"page_size\":100,\"sort_order\":2}");
            Assert.Equal(0, beyond.GetProperty("orders").GetArrayLength());

            var asc = await ShopWalk(sb, 2, 100);
            var desc = await ShopWalk(sb, 1, 100);
            var ascIds = asc.Select(o => o.GetProperty("order_id").GetUInt64()).ToList();
            Assert.Equal(250, ascIds.Distinct().Count());
            Assert.Equal(ascIds.AsEnumerable().Reverse(), desc.Select(o => o.GetProperty("order_id").GetUInt64()));
            var times = asc.Select(o => ChinaSeconds(o.GetProperty("create_time").GetString())).ToList();
            Assert.Equal(times.OrderBy(t => t), times);
            Assert.All(asc, o =>
            {
                Assert.True(ChinaSeconds(o.GetProperty("update_time").GetString()) >= ChinaSeconds(o.GetProperty("create_time").GetString()));
                Assert.Equal(JsonValueKind.Number, o.GetProperty("fund_type").ValueKind);
                Assert.Equal(JsonValueKind.Number, o.GetProperty("scene").ValueKind);
                Assert.StartsWith("o", o.GetProperty("openid").GetString(), StringComparison.Ordinal);
                Assert.Equal(JsonValueKind.Object, o.GetProperty("order_detail").ValueKind);
            });
        }

        [Theory]
        [InlineData("{\"page\":1,\"page_size\":101,\"sort_order\":2}", 990005)]
        [InlineData("{\"page\":1,\"page_size\":0,\"sort_order\":2}", 990005)]
        [InlineData("{\"page_size\":10,\"sort_order\":2}", 990007)]
        [InlineData("{\"page\":0,\"page_size\":10,\"sort_order\":2}", 47001)]
        [InlineData("{\"page\":1,\"page_size\":10,\"sort_order\":3}", 47001)]
        [InlineData("{\"page\":1,\"page_size\":10,\"sort_order\":2,\"start_create_time\":\"2024-05-02 00:00:01\",\"end_create_time\":\"2024-05-02 00:00:00\"}", 990009)]
        [InlineData("{\"page\":1,\"page_size\":10,\"sort_order\":2,\"start_create_time\":\"2024-05-02T00:00:00+08:00\"}", 47001)]
        public async Task ShopListRefusesWhatTheDocumentRefuses(string body, long code)
        {
            using var sb = Sandbox.Start(orderCount: 20);
            Assert.Equal(code, Code(await Post(sb, WxPlatform.WeChat, ShopList, body)));
            Assert.Equal(0, Code(await Post(sb, WxPlatform.WeChat, ShopList, "{\"page\":1,\"page_size\":100,\"sort_order\":1}")));
        }

        [Fact]
        public async Task ShopListWindowIsInclusiveInChinaTime()
        {
            using var sb = Sandbox.Start(orderCount: 300);
            var all = await ShopWalk(sb, 2, 100);
            var created = all.Select(o => ChinaSeconds(o.GetProperty("create_time").GetString())).ToList();
            var from = created[100];
            var to = created[199];
            var window = ",\"start_create_time\":\"" + ChinaText(from) + "\",\"end_create_time\":\"" + ChinaText(to) + "\"";
            var inWindow = await ShopWalk(sb, 2, 30, window);
            Assert.Equal(created.Count(t => t >= from && t <= to), inWindow.Count);
            Assert.Equal(all[100].GetProperty("order_id").GetUInt64(), inWindow[0].GetProperty("order_id").GetUInt64());
            Assert.Equal(all[199].GetProperty("order_id").GetUInt64(), inWindow[inWindow.Count - 1].GetProperty("order_id").GetUInt64());

            var one = await ShopWalk(sb, 1, 10, ",\"start_create_time\":\"" + ChinaText(from) + "\",\"end_create_time\":\"" + ChinaText(from) + "\"");
            Assert.Contains(one, o => o.GetProperty("order_id").GetUInt64() == all[100].GetProperty("order_id").GetUInt64());
        }

        [Fact]
        public async Task ShopGetAnswersTheListedCreateAndUpdateTimes()
        {
            using var sb = Sandbox.Start(orderCount: 30);
            foreach (var listed in await ShopWalk(sb, 2, 100))
            {
                var got = await Post(sb, WxPlatform.WeChat, "/shop/order/get", "{\"order_id\":" + listed.GetProperty("order_id").GetRawText() + ",\"openid\":\"" + listed.GetProperty("openid").GetString() + "\"}");
                var order = got.GetProperty("order");
                Assert.Equal(listed.GetProperty("create_time").GetString(), order.GetProperty("create_time").GetString());
                Assert.Equal(listed.GetProperty("update_time").GetString(), order.GetProperty("update_time").GetString());
                Assert.Equal(listed.GetProperty("status").GetInt32(), order.GetProperty("status").GetInt32());
                Assert.False(order.TryGetProperty("openid", out _)); // order/get does not send it; the list does
            }
        }

        [Fact]
        public async Task ShopListReadsThroughTheEngineClient()
        {
            using var sb = Sandbox.Start(orderCount: 40);
            using var client = SandboxClients.For(sb, WxPlatform.WeChat);
            var page = await ShopListApi.ListAsync(client, new ShopOrderQuery(), 1, 25, null, CancellationToken.None);
            Assert.Equal(40, page.TotalCount);
            Assert.Equal(25, page.Items.Count);
            Assert.All(page.Items, o => Assert.True(o.CreateTime.HasValue && o.UpdateTime.HasValue && o.OpenId != null));
            Assert.Equal(page.Items.Select(o => o.CreateTime.Value).OrderBy(t => t), page.Items.Select(o => o.CreateTime.Value));
        }

        private static string WshotoBody(int type, long start, long? end = null, int page = 1, int? size = null, string extra = "") =>
            "{\"type\":" + type + ",\"start_time\":" + start + (end.HasValue ? ",\"end_time\":" + end : string.Empty) + ",\"current_index\":" + page +
            (size.HasValue ? ",\"page_size\":" + size : string.Empty) + extra + "}";

        [Fact]
        public async Task WshotoListTakesGetWithABodyAndPostAndCountsEach()
        {
            using var sb = Sandbox.Start(orderCount: 150);
            var get = await Send(sb, WxPlatform.Wshoto, HttpMethod.Get, WshotoList, WshotoBody(1, 0));
            var post = await Send(sb, WxPlatform.Wshoto, HttpMethod.Post, WshotoList, WshotoBody(1, 0));
            Assert.Equal(0, Code(get));
            Assert.Equal(get.GetProperty("data").GetRawText(), post.GetProperty("data").GetRawText());
            Assert.Equal(150, get.GetProperty("data").GetProperty("total").GetInt32());
            Assert.Equal(100, get.GetProperty("data").GetProperty("records").GetArrayLength()); // page_size defaults to 100
            Assert.Equal(1, sb.RequestCounts["GET " + WshotoList]);
            Assert.Equal(1, sb.RequestCounts["POST " + WshotoList]);

            // The engine's client sends GET with the body on .NET.
            using var client = SandboxClients.For(sb, WxPlatform.Wshoto);
            var page = await WshotoListApi.ListAsync(client, new WshotoOrderQuery { TimeField = WshotoTimeField.Updated, StartTime = DateTimeOffset.FromUnixTimeSeconds(0) }, 2, 100, null, CancellationToken.None);
            Assert.Equal(50, page.Items.Count);
            Assert.Equal(2, sb.RequestCounts["GET " + WshotoList]);
        }

        [Theory]
        [InlineData("{\"type\":1,\"start_time\":0,\"page_size\":101}", 40097)]
        [InlineData("{\"type\":1,\"start_time\":0,\"page_size\":0}", 40097)]
        [InlineData("{\"type\":1}", 40097)]
        [InlineData("{\"type\":4,\"start_time\":0}", 40097)]
        [InlineData("{\"start_time\":0}", 40097)]
        [InlineData("{\"type\":1,\"start_time\":10,\"end_time\":9}", 40097)]
        [InlineData("{\"type\":1,\"start_time\":0,\"current_index\":0}", 40097)]
        [InlineData("[]", 47001)]
        public async Task WshotoListRefusesBadValues(string body, long code)
        {
            using var sb = Sandbox.Start(orderCount: 10);
            Assert.Equal(code, Code(await Send(sb, WxPlatform.Wshoto, HttpMethod.Get, WshotoList, body)));
            Assert.Equal(0, Code(await Send(sb, WxPlatform.Wshoto, HttpMethod.Get, WshotoList, "{\"type\":1,\"start_time\":0,\"page_size\":100}")));
        }

        [Theory]
        [InlineData(1, "create_time")]
        [InlineData(3, "update_time")]
        public async Task WshotoListWindowIsInclusiveAndAscending(int type, string field)
        {
            using var sb = Sandbox.Start(orderCount: 200);
            var all = (await Send(sb, WxPlatform.Wshoto, HttpMethod.Get, WshotoList, WshotoBody(type, 0, size: 100)))
                .GetProperty("data").GetProperty("records").EnumerateArray()
                .Concat((await Send(sb, WxPlatform.Wshoto, HttpMethod.Get, WshotoList, WshotoBody(type, 0, page: 2, size: 100))).GetProperty("data").GetProperty("records").EnumerateArray())
                .ToList();
            var times = all.Select(r => r.GetProperty(field).GetInt64()).ToList();
            Assert.Equal(200, all.Select(r => r.GetProperty("order_code").ToString()).Distinct().Count());
            Assert.Equal(times.OrderBy(t => t), times);

            var from = times[50];
            var to = times[149];
            var window = await Send(sb, WxPlatform.Wshoto, HttpMethod.Post, WshotoList, WshotoBody(type, from, to, size: 100));
            var records = window.GetProperty("data").GetProperty("records").EnumerateArray().ToList();
            Assert.Equal(times.Count(t => t >= from && t <= to), window.GetProperty("data").GetProperty("total").GetInt32());
            Assert.Equal(all[50].GetProperty("order_code").ToString(), records[0].GetProperty("order_code").ToString());
            Assert.Equal(all[149].GetProperty("order_code").ToString(), records[records.Count - 1].GetProperty("order_code").ToString());
        }

        [Fact]
        public async Task WshotoListFiltersStatusAndCompletionTime()
        {
            using var sb = Sandbox.Start(orderCount: 200);
            var completed = await Send(sb, WxPlatform.Wshoto, HttpMethod.Get, WshotoList, WshotoBody(2, 0));
            var finished = completed.GetProperty("data").GetProperty("records").EnumerateArray().ToList();
            Assert.NotEmpty(finished);
            Assert.All(finished, r => Assert.Equal(4, r.GetProperty("status").GetInt32())); // only completed orders have a completion time

            var some = await Send(sb, WxPlatform.Wshoto, HttpMethod.Get, WshotoList, WshotoBody(1, 0, extra: ",\"status_list\":[0,5]"));
            var records = some.GetProperty("data").GetProperty("records").EnumerateArray().ToList();
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.Contains(r.GetProperty("status").GetInt32(), new[] { 0, 5 }));
        }

        [Fact]
        public async Task WshotoListRecordsHaveDecimalYuanBareIdsAndTheDetailsVersion()
        {
            using var sb = Sandbox.Start(orderCount: 40);
            var list = await Send(sb, WxPlatform.Wshoto, HttpMethod.Get, WshotoList, WshotoBody(3, 0));
            foreach (var record in list.GetProperty("data").GetProperty("records").EnumerateArray())
            {
                Assert.Matches(@"^\d+\.\d\d$", record.GetProperty("total_price").GetRawText());
                Assert.Matches(@"^\d+\.\d\d$", record.GetProperty("pay_price").GetRawText());
                var line = record.GetProperty("detail_list")[0];
                Assert.Equal(JsonValueKind.Number, line.GetProperty("sku_id").ValueKind);
                Assert.Matches(@"^\d{19}$", line.GetProperty("spu_id").GetRawText());
                var code = record.GetProperty("order_code").ToString();
                var detail = (await Post(sb, WxPlatform.Wshoto, "/openapi/mall/order/detail", "{\"order_sn\":\"" + code + "\"}")).GetProperty("data");
                Assert.Equal(record.GetProperty("update_time").GetInt64(), detail.GetProperty("update_time").GetInt64());
                Assert.Equal(record.GetProperty("create_time").GetInt64(), detail.GetProperty("create_time").GetInt64());
                Assert.Equal(record.GetProperty("status").GetInt32(), detail.GetProperty("status").GetInt32());
                Assert.Equal(detail.GetProperty("total_price").GetInt64(), decimal.Parse(record.GetProperty("total_price").GetRawText(), CultureInfo.InvariantCulture) * 100);
            }
        }

        private static string Range(string which, long start, long end, string extra = "", string nextKey = null) =>
            "{\"" + which + "\":{\"start_time\":" + start + ",\"end_time\":" + end + "}" + extra + (nextKey == null ? string.Empty : ",\"next_key\":\"" + nextKey + "\"") + "}";

        private static async Task<List<string>> ChannelsWalk(Sandbox sb, string which, long start, long end, string extra = "")
        {
            var ids = new List<string>();
            string key = string.Empty;
            for (var n = 0; n < 1000; n++)
            {
                var r = await Post(sb, WxPlatform.WeChat, ChannelsList, Range(which, start, end, extra, key));
                Assert.Equal(0, Code(r));
                ids.AddRange(r.GetProperty("order_id_list").EnumerateArray().Select(e => e.GetString()));
                key = r.GetProperty("next_key").GetString();
                if (!r.GetProperty("has_more").GetBoolean())
                {
                    return ids;
                }
            }

            throw new InvalidOperationException("the cursor never ended");
        }

        [Fact]
        public async Task ChannelsListAcceptsSevenDaysLessASecondAndRefusesMore()
        {
            using var sb = Sandbox.Start(orderCount: 500);
            var newest = sb.Context.Channels.CreateTime(0);
            Assert.Equal(0, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", newest - 604799, newest))));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", newest - 604800, newest))));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("update_time_range", newest - 604800, newest))));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", newest, newest - 1))));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, "{\"page_size\":10}")));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList,
                "{\"create_time_range\":{\"start_time\":1,\"end_time\":2},\"update_time_range\":{\"start_time\":1,\"end_time\":2}}")));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", 1, 2, ",\"page_size\":101"))));
            Assert.Equal(0, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", 1, 2, ",\"page_size\":100"))));
        }

        [Fact]
        public async Task ChannelsCursorWalksAWindowInclusivelyOnceInAscendingOrder()
        {
            using var sb = Sandbox.Start(orderCount: 500);
            var data = sb.Context.Channels;
            var start = data.CreateTime(150);
            var end = data.CreateTime(10);
            var ids = await ChannelsWalk(sb, "create_time_range", start, end, ",\"page_size\":7");
            var expected = Enumerable.Range(10, 141).Reverse().Select(i => (i, data.CreateTime(i))).ToList(); // both ends inclusive
            Assert.Equal(expected.Select(e => WxOrders.Emulation.Data.Channels.ChannelsStoreData.OrderIdText(e.i)), ids);

            var byUpdate = await ChannelsWalk(sb, "update_time_range", start, start + 604799, ",\"page_size\":100");
            Assert.NotEmpty(byUpdate);
            long previous = long.MinValue;
            foreach (var id in byUpdate)
            {
                var order = (await Post(sb, WxPlatform.WeChat, "/channels/ec/order/get", "{\"order_id\":\"" + id + "\"}")).GetProperty("order");
                var updated = order.GetProperty("update_time").GetInt64();
                Assert.InRange(updated, start, start + 604799);
                Assert.True(updated >= previous);
                previous = updated;
            }
        }

        [Fact]
        public async Task ChannelsNextKeyIsBoundToTheBodyItWasIssuedFor()
        {
            using var sb = Sandbox.Start(orderCount: 500);
            var newest = sb.Context.Channels.CreateTime(0);
            var first = await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", newest - 86400, newest, ",\"page_size\":5"));
            Assert.True(first.GetProperty("has_more").GetBoolean());
            var key = first.GetProperty("next_key").GetString();
            Assert.Equal(0, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", newest - 86400, newest, ",\"page_size\":5", key))));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", newest - 86400, newest, ",\"page_size\":6", key))));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", newest - 86399, newest, ",\"page_size\":5", key))));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", newest - 86400, newest, ",\"page_size\":5,\"status\":20", key))));
            Assert.Equal(40097, Code(await Post(sb, WxPlatform.WeChat, ChannelsList, Range("create_time_range", newest - 86400, newest, ",\"page_size\":5", "not-a-key"))));
        }

        [Fact]
        public async Task ChannelsStatusFilterFollowsTheFilterTable()
        {
            using var sb = Sandbox.Start(orderCount: 160);
            var data = sb.Context.Channels;
            var start = data.CreateTime(159);
            var end = start + 604799;
            var shipping = await ChannelsWalk(sb, "create_time_range", start, end, ",\"status\":20,\"page_size\":100");
            var statuses = shipping.Select(id => data.Status(data.IndexOf(id))).Distinct().OrderBy(s => s).ToArray();
            Assert.Equal(new[] { 20, 21 }, statuses); // 20 also matches partially shipped
            var cancelled = await ChannelsWalk(sb, "create_time_range", start, end, ",\"status\":250,\"page_size\":100");
            Assert.Equal(new[] { 190, 200, 250 }, cancelled.Select(id => data.Status(data.IndexOf(id))).Distinct().OrderBy(s => s).ToArray());
            var buyer = data.OpenId(150);
            Assert.Equal(new[] { WxOrders.Emulation.Data.Channels.ChannelsStoreData.OrderIdText(150) }, await ChannelsWalk(sb, "create_time_range", start, end, ",\"openid\":\"" + buyer + "\""));
        }

        [Theory]
        [InlineData("POST", ShopList, "{\"page\":1,\"page_size\":10,\"sort_order\":2}", false)]
        [InlineData("GET", WshotoList, "{\"type\":1,\"start_time\":0}", true)]
        [InlineData("POST", WshotoList, "{\"type\":1,\"start_time\":0}", true)]
        [InlineData("POST", ChannelsList, "{\"create_time_range\":{\"start_time\":1,\"end_time\":2}}", false)]
        public async Task FailureRateAppliesToTheListsPerPageAndStaysTransient(string method, string path, string body, bool wshoto)
        {
            var options = new WxOrders.Emulation.SandboxOptions { OrderCount = 20, FailureRate = 1.0, FailureKinds = new[] { SandboxFailureKind.Busy }, MaxConsecutiveFailures = 2 };
            using var sb = new Sandbox(options);
            var platform = wshoto ? WxPlatform.Wshoto : WxPlatform.WeChat;
            var codes = new List<long>();
            for (var n = 0; n < 3; n++)
            {
                codes.Add(Code(await Send(sb, platform, new HttpMethod(method), path, body)));
            }

            Assert.Equal(new long[] { -1, -1, 0 }, codes); // never more than MaxConsecutiveFailures in a row for one page
            Assert.Equal(2, sb.FaultCounts["Busy"]);
        }

        [Fact]
        public async Task PermanentFailureNamesAListPage()
        {
            var options = new WxOrders.Emulation.SandboxOptions { OrderCount = 250, PermanentFailures = new Dictionary<string, long> { ["page=2"] = 48001 } };
            using var sb = new Sandbox(options);
            Assert.Equal(0, Code(await Post(sb, WxPlatform.WeChat, ShopList, "{\"page\":1,\"page_size\":100,\"sort_order\":2}")));
            Assert.Equal(48001, Code(await Post(sb, WxPlatform.WeChat, ShopList, "{\"page\":2,\"page_size\":100,\"sort_order\":2}")));
            Assert.Equal(48001, Code(await Send(sb, WxPlatform.Wshoto, HttpMethod.Get, WshotoList, "{\"type\":1,\"start_time\":0,\"current_index\":2}")));
        }
    }
}
