using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using WxOrders.Commands;
using WxOrders.Http;
using WxOrders.Platforms.Shop;
using WxOrders.Platforms.Wshoto;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>
    /// Search-ShopOrder and Search-WshotoOrder run as the real cmdlets in a hosted PowerShell over a scripted API:
    /// every page walked, the documented request bodies, -First/-Skip, the Wshoto list read again order by order, a
    /// failed detail named by its order code, and bad input refused before any request.
    /// </summary>
    public class ListSearchCmdletTests
    {
        private const string ShopList = "/shop/order/get_list";
        private const string WshotoList = "/openapi/mall/order/list";
        private const string WshotoDetail = "/openapi/mall/order/detail";

        private static readonly DateTimeOffset FirstCreated = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));

        private static ConnectionSettings Settings(string name, WxPlatform platform) => new ConnectionSettings
        {
            Name = name,
            Platform = platform,
            AppId = platform == WxPlatform.WeChat ? "wxlisttest" : "wslisttest",
            AppSecret = SecureText.Protect("list-search-secret"),
            BaseUri = new Uri("https://api.test/"),
            MaxRetryCount = 0,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };

        private static (List<object> output, List<ErrorRecord> errors, List<string> warnings, Exception thrown) Run(ScriptedHandler handler, WxPlatform platform, string script)
        {
            var state = InitialSessionState.CreateDefault2();
            state.Commands.Add(new SessionStateCmdletEntry("Search-ShopOrder", typeof(SearchShopOrderCommand), null));
            state.Commands.Add(new SessionStateCmdletEntry("Search-WshotoOrder", typeof(SearchWshotoOrderCommand), null));
            state.Commands.Add(new SessionStateCmdletEntry("Complete-WxOrderCheckpoint", typeof(CompleteWxOrderCheckpointCommand), null));
            var name = "list-search-" + platform;
            var settings = Settings(name, platform);
            ConnectionRegistry.Add(new ApiConnection(settings, new ApiClient(settings, handler)));
            try
            {
                using var runspace = RunspaceFactory.CreateRunspace(state);
                runspace.Open();
                using var ps = PowerShell.Create();
                ps.Runspace = runspace;
                ps.AddScript(script.Replace("$conn", name));
                Exception thrown = null;
                var output = new List<object>();
                try
                {
                    output = ps.Invoke().Select(o => o.BaseObject).ToList();
                }
                catch (RuntimeException ex)
                {
                    thrown = ex;
                }

                return (output, ps.Streams.Error.ToList(), ps.Streams.Warning.Select(w => w.Message).ToList(), thrown);
            }
            finally
            {
                ConnectionRegistry.Remove(name);
            }
        }

        private static HttpResponseMessage WeChatToken(int n) =>
            ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}");

        private static HttpResponseMessage WshotoToken(int n) =>
            ScriptedHandler.Json("{\"code\":0,\"msg\":\"ok\",\"data\":{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}}");

        private static ulong ShopId(int i) => 18446744073709551615UL - 1000UL + (ulong)i;

        /// <summary>A shop list of <paramref name="count"/> orders, one a minute, answered in ascending creation order.</summary>
        private static ScriptedHandler ShopApi(int count) => ShopApi(count, FirstCreated, TimeSpan.FromMinutes(1), new int[count]);

        /// <summary>
        /// The same, created from <paramref name="first"/> on, <paramref name="step"/> apart; order i's update time (an
        /// hour after its creation) moves by bumps[i] seconds. The scripted list ignores the window: the cmdlet's own
        /// filter is what keeps orders before it out. Each list request answered adds <paramref name="arrivalsPerRequest"/>
        /// newer orders, at the end of the ascending list, as orders created during a walk are.
        /// </summary>
        private static ScriptedHandler ShopApi(int initialCount, DateTimeOffset first, TimeSpan step, int[] bumps, int arrivalsPerRequest = 0)
        {
            var visible = initialCount;
            var gate = new object();
            return new ScriptedHandler((req, body, n) =>
            {
                if (req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath)
                {
                    return WeChatToken(n);
                }

                int count;
                lock (gate)
                {
                    count = visible;
                    visible += arrivalsPerRequest;
                }

                using var doc = JsonDocument.Parse(body);
                var page = doc.RootElement.GetProperty("page").GetInt32();
                var size = doc.RootElement.GetProperty("page_size").GetInt32();
                var descending = doc.RootElement.GetProperty("sort_order").GetInt32() == 1;
                var orders = Enumerable.Range((page - 1) * size, Math.Max(0, Math.Min(size, count - ((page - 1) * size))))
                    .Select(k => descending ? count - 1 - k : k)
                    .Select(i => string.Format(
                        CultureInfo.InvariantCulture,
                        "{{\"order_id\":{0},\"status\":20,\"create_time\":\"{1}\",\"update_time\":\"{2}\",\"fund_type\":1,\"scene\":1177,\"openid\":\"oBuyer{3}\",\"order_detail\":{{\"product_infos\":[{{\"out_product_id\":\"p{3}\",\"product_cnt\":1,\"sale_price\":1999,\"real_price\":1999}}],\"price_info\":{{\"order_price\":1999}}}}}}",
                        ShopId(i),
                        first.ToOffset(TimeSpan.FromHours(8)).Add(TimeSpan.FromTicks(step.Ticks * i)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        first.ToOffset(TimeSpan.FromHours(8)).Add(TimeSpan.FromTicks(step.Ticks * i)).AddHours(1).AddSeconds(i < bumps.Length ? bumps[i] : 0).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        i));
                return ScriptedHandler.Json("{\"errcode\":0,\"errmsg\":\"ok\",\"total_num\":" + count + ",\"orders\":[" + string.Join(",", orders) + "]}");
            });
        }

        private static string Code(int i) => (1821092913377060000L + i).ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// A Wshoto list of <paramref name="count"/> records (amounts as the list's example shows them: decimals) and a
        /// detail that answers each in fen, failing for the codes in <paramref name="failing"/> (20001: unknown order).
        /// </summary>
        private static ScriptedHandler WshotoApi(int count, params string[] failing)
        {
            return new ScriptedHandler((req, body, n) =>
            {
                var path = req.RequestUri.AbsolutePath;
                if (path == TokenEndpoints.WshotoPath)
                {
                    return WshotoToken(n);
                }

                using var doc = JsonDocument.Parse(body);
                if (path == WshotoList)
                {
                    var page = doc.RootElement.GetProperty("current_index").GetInt32();
                    var size = doc.RootElement.GetProperty("page_size").GetInt32();
                    var records = Enumerable.Range((page - 1) * size, Math.Max(0, Math.Min(size, count - ((page - 1) * size))))
                        .Select(i => "{\"order_code\":" + Code(i) + ",\"status\":2,\"total_price\":6.00,\"pay_price\":6.00,\"update_time\":\"" + (1751241600 + i) + "\"}");
                    return ScriptedHandler.Json("{\"code\":0,\"msg\":\"请求成功\",\"data\":{\"total\":" + count + ",\"records\":[" + string.Join(",", records) + "]}}");
                }

                var sn = doc.RootElement.GetProperty("order_sn").GetString();
                if (failing.Contains(sn))
                {
                    return ScriptedHandler.Json("{\"code\":20001,\"msg\":\"订单不存在\",\"data\":null}");
                }

                var index = long.Parse(sn, CultureInfo.InvariantCulture) - 1821092913377060000L;
                return ScriptedHandler.Json("{\"code\":0,\"msg\":\"ok\",\"data\":[{\"order_sn\":\"" + sn + "\",\"status\":2,\"total_price\":600,\"pay_price\":600,\"update_time\":\"" + (1751241600 + index) + "\",\"detail_list\":[{\"order_detail_id\":1,\"sku_id\":1821092913377060999,\"goods_num\":1,\"goods_price\":600,\"pay_price\":600}]}]}");
            });
        }

        [Fact]
        public void ShopSearchWalksEveryPageAscendingWithTheListFields()
        {
            var api = ShopApi(250);
            var (output, errors, warnings, thrown) = Run(api, WxPlatform.WeChat, "Search-ShopOrder -Connection $conn -StartTime ([datetime]::SpecifyKind([datetime]'2025-06-01', 'Utc')) -EndTime ([datetimeoffset]'2025-06-30 23:59:59 +08:00').UtcDateTime");
            Assert.Null(thrown);
            Assert.Empty(errors);
            Assert.Empty(warnings);
            var orders = output.Cast<ShopOrder>().ToList();
            Assert.Equal(Enumerable.Range(0, 250).Select(ShopId), orders.Select(o => o.OrderId));
            Assert.Equal(3, api.Count(ShopList));

            // The documented body: ascending (2), China-time strings for the UTC instants given.
            var bodies = api.Bodies.Where((b, i) => api.Urls[i].Contains(ShopList)).ToList();
            Assert.Equal("{\"page\":1,\"page_size\":100,\"sort_order\":2,\"start_create_time\":\"2025-06-01 08:00:00\",\"end_create_time\":\"2025-06-30 23:59:59\"}", bodies[0]);
            Assert.Equal(new[] { 1, 2, 3 }, bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("page").GetInt32()).OrderBy(p => p));

            // The fields the list adds to the order/get shape.
            var first = orders[0];
            Assert.Equal(FirstCreated, first.CreateTime);
            Assert.Equal(FirstCreated.AddHours(1), first.UpdateTime);
            Assert.Equal(1, first.FundType);
            Assert.Equal(1177, first.Scene);
            Assert.Equal("oBuyer0", first.OpenId);
            Assert.Equal(TimeSpan.FromHours(8), first.CreateTime.Value.Offset);
        }

        [Fact]
        public void OrdersCreatedDuringAnAscendingShopWalkDoNotShiftItsPages()
        {
            // 95 orders at the start, 7 more created with every list request answered, pages of 10 fetched 4 at once:
            // the new orders land after the ones listed, so every order there at the start is written exactly once
            // and, as the walk follows the rising total, so are the ones that arrived: a gapless run, oldest first.
            var api = ShopApi(95, FirstCreated, TimeSpan.FromMinutes(1), new int[0], arrivalsPerRequest: 7);
            var (output, errors, warnings, _) = Run(api, WxPlatform.WeChat, "Search-ShopOrder -Connection $conn -PageSize 10 -ThrottleLimit 4");
            Assert.Empty(errors);
            var ids = output.Cast<ShopOrder>().Select(o => o.OrderId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.True(ids.Count >= 95, ids.Count + " orders written");
            Assert.Equal(Enumerable.Range(0, ids.Count).Select(ShopId), ids);

            // The total rose, which the walk reports; nothing was missing, so the search is complete.
            Assert.Contains(warnings, w => w.StartsWith("The number of matching orders rose from 95", StringComparison.Ordinal));
        }

        [Fact]
        public void ShopSearchFirstSkipAndTotalAskForOnlyThePagesTheyNeed()
        {
            var api = ShopApi(250);
            var first = Run(api, WxPlatform.WeChat, "Search-ShopOrder -Connection $conn -First 5");
            Assert.Equal(5, first.output.Count);
            Assert.Equal(1, api.Count(ShopList));

            api = ShopApi(250);
            var skip = Run(api, WxPlatform.WeChat, "Search-ShopOrder -Connection $conn -Skip 150 -First 10 -PageSize 50 -IncludeTotalCount");
            Assert.Equal(250UL, Assert.IsType<ulong>(skip.output[0]));
            Assert.Equal(Enumerable.Range(150, 10).Select(ShopId), skip.output.Skip(1).Cast<ShopOrder>().Select(o => o.OrderId));
            Assert.Equal(1, api.Count(ShopList));
            Assert.Contains("\"page\":4,\"page_size\":50", api.Bodies.Last());
        }

        [Fact]
        public void WshotoSearchReadsEachListedOrderInListOrderAndNamesTheOnesThatFail()
        {
            var failing = new[] { Code(3), Code(17) };
            var api = WshotoApi(25, failing);
            var (output, errors, warnings, thrown) = Run(api, WxPlatform.Wshoto, "Search-WshotoOrder -Connection $conn -PageSize 10 -ThrottleLimit 4 -TimeField Updated -StartTime ([datetime]::SpecifyKind([datetime]'2025-06-30', 'Utc')) -Status AwaitingShipment, 3, AwaitingShipment");
            Assert.Null(thrown);
            var orders = output.Cast<WshotoOrder>().ToList();
            Assert.Equal(Enumerable.Range(0, 25).Select(Code).Except(failing), orders.Select(o => o.OrderSn));
            Assert.Equal(3, api.Count(WshotoList));
            Assert.Equal(25, api.Count(WshotoDetail));

            // One shape, one unit: the detail's fen, not the list's 6.00.
            Assert.All(orders, o => Assert.Equal(600L, o.PayPrice));
            Assert.All(orders, o => Assert.Equal(o.OrderSn, Assert.Single(o.DetailList).OrderSn));
            Assert.Equal("1821092913377060999", orders[0].DetailList[0].SkuId);

            Assert.Equal(failing, errors.Select(e => e.TargetObject));
            Assert.All(errors, e => Assert.Equal("WxApi.20001,WxOrders.Commands.SearchWshotoOrderCommand", e.FullyQualifiedErrorId));
            Assert.Equal("2 of 25 orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.", Assert.Single(warnings));

            // The documented list body, sent with GET on .NET (POST on .NET Framework: WshotoListApi.MethodFor).
            var listIndex = api.Urls.FindIndex(u => u.Contains(WshotoList));
            Assert.Equal(HttpMethod.Get, api.Methods[listIndex]);
            Assert.Equal("{\"type\":3,\"start_time\":1751241600,\"status_list\":[2,3],\"current_index\":1,\"page_size\":10}", api.Bodies[listIndex]);
        }

        [Fact]
        public void WshotoSearchFirstReadsOneListPageAndOnlyTheOrdersWanted()
        {
            var api = WshotoApi(250);
            var (output, errors, _, _) = Run(api, WxPlatform.Wshoto, "Search-WshotoOrder -Connection $conn -First 5");
            Assert.Empty(errors);
            Assert.Equal(Enumerable.Range(0, 5).Select(Code), output.Cast<WshotoOrder>().Select(o => o.OrderSn));
            Assert.Equal(1, api.Count(WshotoList));
            Assert.Equal(5, api.Count(WshotoDetail));

            api = WshotoApi(250);
            var skip = Run(api, WxPlatform.Wshoto, "Search-WshotoOrder -Connection $conn -Skip 120 -First 3 -IncludeTotalCount");
            Assert.Equal(250UL, Assert.IsType<ulong>(skip.output[0]));
            Assert.Equal(Enumerable.Range(120, 3).Select(Code), skip.output.Skip(1).Cast<WshotoOrder>().Select(o => o.OrderSn));
            Assert.Equal(1, api.Count(WshotoList));
            Assert.Equal(3, api.Count(WshotoDetail));

            // No window given: the list still gets its required start_time (the Unix epoch), creation time.
            Assert.Contains("\"type\":1,\"start_time\":0,", api.Bodies[api.Urls.FindIndex(u => u.Contains(WshotoList))]);
        }

        [Theory]
        [InlineData("Search-ShopOrder -Connection $conn -StartTime '2025-06-02' -EndTime '2025-06-01'", "WxOrders.InvalidTimeRange,WxOrders.Commands.SearchShopOrderCommand")]
        [InlineData("Search-ShopOrder -Connection $conn -PageSize 101", "ParameterArgumentValidationError,WxOrders.Commands.SearchShopOrderCommand")]
        [InlineData("Search-ShopOrder -Connection $conn -PageSize 0", "ParameterArgumentValidationError,WxOrders.Commands.SearchShopOrderCommand")]
        [InlineData("Search-WshotoOrder -Connection $conn -StartTime '2025-06-02' -EndTime '2025-06-01'", "WxOrders.InvalidTimeRange,WxOrders.Commands.SearchWshotoOrderCommand")]
        [InlineData("Search-WshotoOrder -Connection $conn -PageSize 101", "ParameterArgumentValidationError,WxOrders.Commands.SearchWshotoOrderCommand")]
        [InlineData("Search-WshotoOrder -Connection $conn -TimeField Paid", "CannotConvertArgumentNoMessage,WxOrders.Commands.SearchWshotoOrderCommand")]
        [InlineData("Search-WshotoOrder -Connection $conn -TimeField 7", "CannotConvertArgumentNoMessage,WxOrders.Commands.SearchWshotoOrderCommand")]
        [InlineData("Search-WshotoOrder -Connection $conn -Status Shipped", "CannotConvertArgumentNoMessage,WxOrders.Commands.SearchWshotoOrderCommand")]
        public void BadInputIsRefusedBeforeAnyRequest(string script, string errorId)
        {
            var shop = script.StartsWith("Search-ShopOrder", StringComparison.Ordinal);
            var api = shop ? ShopApi(10) : WshotoApi(10);
            var (output, errors, _, thrown) = Run(api, shop ? WxPlatform.WeChat : WxPlatform.Wshoto, script);
            Assert.Empty(output);
            Assert.Null(thrown);
            var error = Assert.Single(errors);
            Assert.Equal(errorId, error.FullyQualifiedErrorId);
            Assert.Empty(api.Urls);
        }

        [Fact]
        public void AListedRecordWithoutAnOrderCodeIsInvalidDataNotARequest()
        {
            var api = WshotoApi(1);
            using var client = new ApiClient(Settings("t", WxPlatform.Wshoto), api);
            var ex = Assert.Throws<WxApiException>(() => WshotoListApi.ReadListedAsync(client, new WshotoListRecord { OrderCode = " " }, null, default).GetAwaiter().GetResult());
            Assert.Equal("WxOrders.InvalidResponse", ex.ErrorId);
            Assert.Empty(api.Urls);
        }

        [Fact]
        public void ShopCheckpointWindowsOnCreationTimeAndWritesEachVersionOnce()
        {
            var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wxorders-shop-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                // 40 orders, one every 6 hours, the first 10 days ago.
                var first = DateTimeOffset.UtcNow.AddDays(-10);
                var step = TimeSpan.FromHours(6);
                var bumps = new int[40];
                var api = ShopApi(40, first, step, bumps);
                var since = first.AddMinutes(-1).UtcDateTime.ToString("o", CultureInfo.InvariantCulture);
                var run1 = Run(api, WxPlatform.WeChat, "Search-ShopOrder -Connection $conn -Checkpoint '" + file + "' -Since ([datetime]'" + since + "').ToUniversalTime() -PageSize 25; Complete-WxOrderCheckpoint '" + file + "' | Out-Null");
                Assert.Empty(run1.errors);
                Assert.Equal(40, run1.output.Count);
                Assert.Equal(2, api.Count(ShopList));
                using (var body = JsonDocument.Parse(api.Bodies[api.Urls.FindIndex(u => u.Contains(ShopList))]))
                {
                    // The window is on the creation time, in China time, from -Since to now minus the lag (2 minutes).
                    Assert.Equal(ShopListApi.Wire(first.AddMinutes(-1)), body.RootElement.GetProperty("start_create_time").GetString());
                    var end = DateTimeOffset.ParseExact(body.RootElement.GetProperty("end_create_time").GetString() + " +08:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
                    Assert.InRange(end, DateTimeOffset.UtcNow.AddMinutes(-3), DateTimeOffset.UtcNow.AddMinutes(-1));
                    Assert.Equal(2, body.RootElement.GetProperty("sort_order").GetInt32());
                }

                // The next run reads the last 7 days of creations again (the shop overlap) and writes only new
                // versions: order 31 (created 2 days ago) changed and is written; order 7 (created 8 days ago, before
                // the overlap) changed too late to be seen: the cost of a creation-time window, which -Overlap sets.
                bumps[7] = 30;
                bumps[31] = 45;
                api = ShopApi(40, first, step, bumps);
                var run2 = Run(api, WxPlatform.WeChat, "Search-ShopOrder -Connection $conn -Checkpoint '" + file + "'");
                Assert.Empty(run2.errors);
                Assert.Equal(new[] { ShopId(31) }, run2.output.Cast<ShopOrder>().Select(o => o.OrderId));
                using (var body = JsonDocument.Parse(api.Bodies[api.Urls.FindIndex(u => u.Contains(ShopList))]))
                {
                    var start = DateTimeOffset.ParseExact(body.RootElement.GetProperty("start_create_time").GetString() + " +08:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
                    Assert.InRange(start, DateTimeOffset.UtcNow.AddDays(-7).AddMinutes(-4), DateTimeOffset.UtcNow.AddDays(-7));
                }

                // The explicit window and the paging parameters are refused with -Checkpoint, before any request.
                api = ShopApi(40, first, step, bumps);
                var refused = Run(api, WxPlatform.WeChat, "Search-ShopOrder -Connection $conn -Checkpoint '" + file + "' -StartTime ([datetime]::Now.AddDays(-1))");
                Assert.Equal("WxOrders.CheckpointConflict,WxOrders.Commands.SearchShopOrderCommand", Assert.Single(refused.errors).FullyQualifiedErrorId);
                Assert.Empty(api.Urls);
            }
            finally
            {
                System.IO.File.Delete(file);
            }
        }

        [Fact]
        public void WshotoCheckpointWindowsOnUpdateTimeAndIsBoundToTheStatusFilter()
        {
            var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wxorders-wshoto-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                var api = WshotoApi(12);
                var run1 = Run(api, WxPlatform.Wshoto, "Search-WshotoOrder -Connection $conn -Checkpoint '" + file + "' -Since ([datetime]::SpecifyKind([datetime]'2025-06-29', 'Utc')) -Status Completed, AwaitingShipment -PageSize 5; Complete-WxOrderCheckpoint '" + file + "' | Out-Null");
                Assert.Empty(run1.errors);
                Assert.Equal(12, run1.output.Count);
                Assert.Equal(3, api.Count(WshotoList));
                Assert.Equal(12, api.Count(WshotoDetail));
                using (var body = JsonDocument.Parse(api.Bodies[api.Urls.FindIndex(u => u.Contains(WshotoList))]))
                {
                    Assert.Equal(3, body.RootElement.GetProperty("type").GetInt32());
                    Assert.Equal(1751155200, body.RootElement.GetProperty("start_time").GetInt64());
                    Assert.InRange(body.RootElement.GetProperty("end_time").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-3).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds());
                    Assert.Equal("[2,4]", body.RootElement.GetProperty("status_list").GetRawText());
                }

                // The same statuses in another order and spelling bind the same file; another set is refused.
                api = WshotoApi(12);
                var run2 = Run(api, WxPlatform.Wshoto, "Search-WshotoOrder -Connection $conn -Checkpoint '" + file + "' -Status 2, Completed, 4");
                Assert.Empty(run2.errors);
                var refused = Run(WshotoApi(12), WxPlatform.Wshoto, "Search-WshotoOrder -Connection $conn -Checkpoint '" + file + "' -Status Completed");
                Assert.Equal("WxOrders.CheckpointMismatch,WxOrders.Commands.SearchWshotoOrderCommand", Assert.Single(refused.errors).FullyQualifiedErrorId);

                // -TimeField is part of the window: refused with -Checkpoint, before any request.
                api = WshotoApi(12);
                var conflict = Run(api, WxPlatform.Wshoto, "Search-WshotoOrder -Connection $conn -Checkpoint '" + file + "' -TimeField Created");
                Assert.Equal("WxOrders.CheckpointConflict,WxOrders.Commands.SearchWshotoOrderCommand", Assert.Single(conflict.errors).FullyQualifiedErrorId);
                Assert.Empty(api.Urls);
            }
            finally
            {
                System.IO.File.Delete(file);
            }
        }
    }
}
