using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Emulation;
using Xunit;

namespace WxOrders.Tests.Emulation
{
    /// <summary>Start-WxOrdersSandbox -Live: arrivals and changes on every API, the visibility delay, the ground truth on TestHooks.</summary>
    public class LiveModeTests
    {
        private static Sandbox Live(double perSecond = 0, TimeSpan? delay = null, int orderCount = 60) =>
            new Sandbox(new SandboxOptions { OrderCount = orderCount, Live = true, ChangesPerSecond = perSecond, VisibilityDelay = delay ?? TimeSpan.Zero });

        private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        private static string ChinaText(long seconds) =>
            DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        private static long ChinaSeconds(string text) =>
            new DateTimeOffset(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8)).ToUnixTimeSeconds();

        private static async Task<JsonElement> Get(Sandbox sb, string pathAndQuery)
        {
            var client = SandboxClients.For(sb, WxPlatform.WeChat);
            var token = await client.Tokens.GetAsync(CancellationToken.None);
            using var http = new HttpClient();
            var bytes = await http.GetByteArrayAsync(new Uri(sb.BaseUri, pathAndQuery + "&access_token=" + Uri.EscapeDataString(token.Value)));
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.Clone();
        }

        private static long UnionUpdate(JsonElement order) =>
            order.GetProperty("productList").EnumerateArray().Max(p => long.Parse(p.GetProperty("commissionStatusUpdateTime").ToString(), CultureInfo.InvariantCulture));

        /// <summary>(order id, update time) of every order each list answers for the window [since, until].</summary>
        private static async Task<Dictionary<SandboxSource, List<(string Id, long Updated)>>> ListAll(Sandbox sb, long since, long until)
        {
            var result = new Dictionary<SandboxSource, List<(string, long)>>();

            var union = new List<(string, long)>();
            for (var page = 1; ; page++)
            {
                var r = await Get(sb, "/union/promoter/order/search?page=" + page + "&pageSize=200&sortByCommissionUpdateTime=1&startCommissionUpdateTime=" + since + "&endCommissionUpdateTime=" + until);
                Assert.Equal(0, r.GetProperty("errcode").GetInt64());
                var orders = r.GetProperty("orderList").EnumerateArray().ToList();
                union.AddRange(orders.Select(o => (o.GetProperty("orderId").ToString(), UnionUpdate(o))));
                if (orders.Count < 200)
                {
                    break;
                }
            }

            result[SandboxSource.Union] = union;

            var shop = new List<(string, long)>();
            for (var page = 1; ; page++)
            {
                var r = await ListEndpointTests.Post(sb, WxPlatform.WeChat, "/shop/order/get_list",
                    "{\"page\":" + page + ",\"page_size\":100,\"sort_order\":2,\"start_create_time\":\"" + ChinaText(since) + "\",\"end_create_time\":\"" + ChinaText(until) + "\"}");
                var orders = r.GetProperty("orders").EnumerateArray().ToList();
                shop.AddRange(orders.Select(o => (o.GetProperty("order_id").GetRawText(), ChinaSeconds(o.GetProperty("update_time").GetString()))));
                if (orders.Count < 100)
                {
                    break;
                }
            }

            result[SandboxSource.Shop] = shop;

            var wshoto = new List<(string, long)>();
            for (var page = 1; ; page++)
            {
                var r = await ListEndpointTests.Send(sb, WxPlatform.Wshoto, HttpMethod.Get, "/openapi/mall/order/list",
                    "{\"type\":3,\"start_time\":" + since + ",\"end_time\":" + until + ",\"current_index\":" + page + ",\"page_size\":100}");
                var records = r.GetProperty("data").GetProperty("records").EnumerateArray().ToList();
                wshoto.AddRange(records.Select(o => (o.GetProperty("order_code").ToString(), o.GetProperty("update_time").GetInt64())));
                if (records.Count < 100)
                {
                    break;
                }
            }

            result[SandboxSource.Wshoto] = wshoto;

            var channels = new List<(string, long)>();
            var key = string.Empty;
            while (true)
            {
                var r = await ListEndpointTests.Post(sb, WxPlatform.WeChat, "/channels/ec/order/list/get",
                    "{\"update_time_range\":{\"start_time\":" + since + ",\"end_time\":" + until + "},\"page_size\":100,\"next_key\":\"" + key + "\"}");
                Assert.Equal(0, r.GetProperty("errcode").GetInt64());
                foreach (var id in r.GetProperty("order_id_list").EnumerateArray().Select(e => e.GetString()))
                {
                    var order = (await ListEndpointTests.Post(sb, WxPlatform.WeChat, "/channels/ec/order/get", "{\"order_id\":\"" + id + "\"}")).GetProperty("order");
                    channels.Add((id, order.GetProperty("update_time").GetInt64()));
                }

                key = r.GetProperty("next_key").GetString();
                if (!r.GetProperty("has_more").GetBoolean())
                {
                    break;
                }
            }

            result[SandboxSource.Channels] = channels;
            return result;
        }

        private static List<(string Id, long Updated)> Truth(Sandbox sb, SandboxSource source, long since) =>
            sb.TestHooks.GetOrderVersions(source, DateTimeOffset.FromUnixTimeSeconds(since)).Select(v => (v.OrderId, v.UpdatedAt.ToUnixTimeSeconds())).ToList();

        [Fact]
        public async Task ArrivalsAppearInEveryListAndLookup()
        {
            using var sb = Live();
            var since = Now - 1;
            foreach (var source in new[] { SandboxSource.Union, SandboxSource.Shop, SandboxSource.Wshoto, SandboxSource.Channels })
            {
                sb.TestHooks.AdvanceLive(source, 3, arrivals: true);
            }

            var listed = await ListAll(sb, since, Now + 1);
            foreach (var source in listed.Keys)
            {
                Assert.Equal(3, listed[source].Count);
                Assert.Equal(Truth(sb, source, since).OrderBy(v => v.Id), listed[source].OrderBy(v => v.Id));
                Assert.All(listed[source], v => Assert.InRange(v.Updated, since, Now + 1));
            }

            // Each new order is found by id, with the listed version.
            var union = listed[SandboxSource.Union][0];
            var info = await ListEndpointTests.Post(sb, WxPlatform.WeChat, "/union/promoter/order/info", "{\"orderIdList\":[\"" + union.Id + "\"]}");
            Assert.Equal(union.Updated, UnionUpdate(info.GetProperty("orderList")[0]));
            Assert.Equal("SETTLEMENT_PENDING", info.GetProperty("orderList")[0].GetProperty("productList")[0].GetProperty("commissionStatus").GetString());
            var wshoto = listed[SandboxSource.Wshoto][0];
            var detail = await ListEndpointTests.Post(sb, WxPlatform.Wshoto, "/openapi/mall/order/detail", "{\"order_sn\":\"" + wshoto.Id + "\"}");
            Assert.Equal(wshoto.Updated, detail.GetProperty("data").GetProperty("update_time").GetInt64());
            Assert.Equal(60 + 3, (await Get(sb, "/union/promoter/order/search?page=1&pageSize=10")).GetProperty("totalNum").GetInt32());
        }

        [Fact]
        public async Task AUnionChangeMovesTheOrderToTheTopOfTheUpdateTimeList()
        {
            using var sb = Live();
            var before = await Get(sb, "/union/promoter/order/search?page=1&pageSize=200&sortByCommissionUpdateTime=1");
            var staticOrder = before.GetProperty("orderList").EnumerateArray().Select(o => o.GetProperty("orderId").ToString()).ToList();
            var since = Now;
            sb.TestHooks.AdvanceLive(SandboxSource.Union, 4, arrivals: false);

            var after = await Get(sb, "/union/promoter/order/search?page=1&pageSize=200&sortByCommissionUpdateTime=1");
            var orders = after.GetProperty("orderList").EnumerateArray().ToList();
            Assert.Equal(60, after.GetProperty("totalNum").GetInt32()); // changes, no arrivals: each order once
            Assert.Equal(60, orders.Select(o => o.GetProperty("orderId").ToString()).Distinct().Count());
            var changed = Truth(sb, SandboxSource.Union, since);
            Assert.Equal(4, changed.Count);
            var top = orders.Take(4).Select(o => (o.GetProperty("orderId").ToString(), UnionUpdate(o))).OrderBy(v => v.Item1).ToList();
            Assert.Equal(changed, top); // newest first: the four changed orders lead
            Assert.All(changed, c => Assert.Contains(c.Id, staticOrder));
            Assert.All(orders.Take(4), o => Assert.Contains(o.GetProperty("productList")[0].GetProperty("commissionStatus").GetString(), new[] { "SETTLEMENT_SUCCESS", "SETTLEMENT_CANCELED" }));
            var updates = orders.Select(UnionUpdate).ToList();
            Assert.Equal(updates.OrderByDescending(u => u), updates);
        }

        [Fact]
        public async Task TheListsShowAChangeOnlyAfterTheVisibilityDelayWithTheChangesTime()
        {
            var delay = TimeSpan.FromSeconds(2);
            using var sb = Live(delay: delay);
            var since = Now - 1;
            sb.TestHooks.AdvanceLive(SandboxSource.Channels, 1, arrivals: true);
            sb.TestHooks.AdvanceLive(SandboxSource.Shop, 1, arrivals: true);
            var made = DateTimeOffset.UtcNow;
            var id = sb.TestHooks.GetOrderVersions(SandboxSource.Channels, DateTimeOffset.FromUnixTimeSeconds(since)).Single();

            // A lookup by id sees the new order at once; the lists do not, until the delay has passed.
            var got = await ListEndpointTests.Post(sb, WxPlatform.WeChat, "/channels/ec/order/get", "{\"order_id\":\"" + id.OrderId + "\"}");
            Assert.Equal(0, got.GetProperty("errcode").GetInt64());
            var early = await ListAll(sb, since, Now + 5);
            if (DateTimeOffset.UtcNow - made < delay)
            {
                Assert.All(early.Values, l => Assert.Empty(l));
            }

            await Task.Delay(delay + TimeSpan.FromMilliseconds(300));
            var late = await ListAll(sb, since, Now + 5);
            Assert.Equal(new[] { (id.OrderId, id.UpdatedAt.ToUnixTimeSeconds()) }, late[SandboxSource.Channels]);
            Assert.Single(late[SandboxSource.Shop]);
            Assert.True(id.UpdatedAt.ToUnixTimeSeconds() <= made.ToUnixTimeSeconds()); // the change's time stays its own

            // A change of a listed order: the list keeps the old version until the delay has passed, the lookup has the new one.
            await Task.Delay(1100); // another second, so the change has a new update time
            var shopOld = late[SandboxSource.Shop][0];
            sb.TestHooks.AdvanceLive(SandboxSource.Shop, 1, arrivals: false);
            var changedAt = DateTimeOffset.UtcNow;
            var shopNew = Truth(sb, SandboxSource.Shop, since).Single();
            Assert.True(shopNew.Updated > shopOld.Updated);
            var listedNow = await ListAll(sb, since, Now + 5);
            if (DateTimeOffset.UtcNow - changedAt < delay)
            {
                Assert.Equal(new[] { shopOld }, listedNow[SandboxSource.Shop]);
            }

            await Task.Delay(delay + TimeSpan.FromMilliseconds(300));
            Assert.Equal(new[] { shopNew }, (await ListAll(sb, since, Now + 5))[SandboxSource.Shop]);
        }

        [Fact]
        public async Task TheGroundTruthIsWhatTheListsAnswerOnceChangesStop()
        {
            using var sb = Live(perSecond: 25, orderCount: 300);
            var since = Now - 1;
            await Task.Delay(1500);
            sb.TestHooks.PauseLive();
            Assert.True(sb.TestHooks.IsLivePaused);
            await Task.Delay(200); // a tick in progress finishes
            var events = sb.LiveEventCount;
            Assert.True(events >= 40, "events: " + events);
            var listed = await ListAll(sb, since, Now + 1);
            Assert.Equal(events, sb.LiveEventCount); // paused: nothing more happened
            foreach (var source in listed.Keys)
            {
                var truth = Truth(sb, source, since);
                Assert.NotEmpty(truth);
                Assert.Equal(truth, listed[source].OrderBy(v => v.Id, StringComparer.Ordinal).ToList());
            }

            sb.TestHooks.ResumeLive();
            await Task.Delay(400);
            Assert.True(sb.LiveEventCount > events);
        }

        [Fact]
        public async Task TheServerAnswersConsistentlyWhileChangesArrive()
        {
            using var sb = Live(perSecond: 200, orderCount: 500);
            var stop = DateTimeOffset.UtcNow.AddSeconds(1.5);
            var since = Now - 1;
            var workers = Enumerable.Range(0, 4).Select(async n =>
            {
                var requests = 0;
                while (DateTimeOffset.UtcNow < stop)
                {
                    var r = n % 2 == 0
                        ? await Get(sb, "/union/promoter/order/search?page=1&pageSize=50&sortByCommissionUpdateTime=1&startCommissionUpdateTime=" + since)
                        : await ListEndpointTests.Post(sb, WxPlatform.WeChat, "/channels/ec/order/list/get", "{\"update_time_range\":{\"start_time\":" + since + ",\"end_time\":" + (since + 600) + "},\"page_size\":100}");
                    Assert.Equal(0, r.GetProperty("errcode").GetInt64());
                    if (n % 2 == 0)
                    {
                        var updates = r.GetProperty("orderList").EnumerateArray().Select(UnionUpdate).ToList();
                        Assert.Equal(updates.OrderByDescending(u => u), updates);
                    }

                    requests++;
                }

                return requests;
            }).ToArray();
            Assert.All(await Task.WhenAll(workers), n => Assert.True(n > 0));
            Assert.True(sb.LiveEventCount > 100);
        }

        [Fact]
        public void WithoutLiveModeNothingChangesAndTheLiveHooksSaySo()
        {
            using var sb = Sandbox.Start(orderCount: 20);
            Assert.False(sb.IsLive);
            Assert.Throws<InvalidOperationException>(() => sb.TestHooks.PauseLive());
            Assert.Throws<InvalidOperationException>(() => sb.TestHooks.AdvanceLive(SandboxSource.Union, 1));
            Assert.Empty(sb.TestHooks.GetOrderVersions(SandboxSource.Shop, DateTimeOffset.UtcNow.AddDays(-1)));
            Assert.Equal(20, sb.TestHooks.GetOrderVersions(SandboxSource.Channels, DateTimeOffset.FromUnixTimeSeconds(0)).Length);
        }
    }
}
