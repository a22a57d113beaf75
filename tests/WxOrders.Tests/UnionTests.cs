using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Emulation.Data.Union;
using WxOrders.Http;
using WxOrders.Json;
using WxOrders.Paging;
using WxOrders.Platforms.Union;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>Union orders: parsing (the examples of the API page, developers.weixin.qq.com/doc/ministore/union/access-guidelines/promoter/api/order/order-info.html, made valid JSON), the query, and the sandbox.</summary>
    public class UnionParsingTests
    {
        private static readonly TimeSpan China = TimeSpan.FromHours(8);

        private static UnionOrderListResponse Parse(string json) =>
            JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), WireJsonContext.Default.UnionOrderListResponse);

        private static UnionOrderListResponse ParseFile(string name) =>
            JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", name)), WireJsonContext.Default.UnionOrderListResponse);

        /// <summary>One order with one product line whose fields are given as raw JSON members.</summary>
        private static UnionProduct Line(string members) =>
            Parse("{\"errcode\":0,\"orderList\":[{\"orderId\":\"1\",\"productList\":[{" + members + "}]}]}").OrderList[0].ProductList[0];

        private static int Scale(decimal d) => (decimal.GetBits(d)[3] >> 16) & 0xFF;

        [Fact]
        public void InfoExampleParsesToDocumentedValues()
        {
            var response = ParseFile("union-order-info.json");
            Assert.Equal(0, response.ErrCode);
            Assert.Equal("ok", response.ErrMsg);
            var order = Assert.Single(response.OrderList);
            Assert.Equal("1952315038682581", order.OrderId);
            Assert.Equal(new DateTimeOffset(2021, 2, 3, 20, 28, 37, China), order.PayTime);
            Assert.Equal(China, order.PayTime.Value.Offset);
            Assert.Equal(1612355317, order.PayTime.Value.ToUnixTimeSeconds());
            Assert.Null(order.ConfirmReceiptTime);
            Assert.Equal("XXX Mini Store", order.ShopName);
            Assert.Null(order.ShopAppId);

            var line = Assert.Single(order.ProductList);
            Assert.Equal("4085505", line.ProductId);
            Assert.Equal("Body care", line.Title);
            Assert.Equal("https://snsdy.tc.qq.com/161/20304/snscosdownload/SZ/reserved/xxx", line.ThumbImg);
            Assert.Equal(0.20m, line.Price);
            Assert.Equal(9000, line.Ratio);
            Assert.Equal(0.9m, line.CommissionRatio);
            Assert.Equal(UnionCommissionStatus.Canceled, line.CommissionStatus);
            Assert.Equal("SETTLEMENT_CANCELED", line.CommissionStatusCode);
            Assert.Equal(0m, line.Commission);
            Assert.Equal("11", line.CategoryStr);
            Assert.Equal("oqt8u5E4_3XcsaMicK_E2gNyvBfM_1290469201", line.PromotionInfo.PromotionSourcePid);
            Assert.Equal("xxx", line.PromotionInfo.PromotionSourceName);
            Assert.Equal("customizeInfo", line.CustomizeInfo);
            Assert.Null(line.EstimatedCommission);
            Assert.Null(line.SkuId);
        }

        [Fact]
        public void SearchExampleParsesToDocumentedValues()
        {
            var response = ParseFile("union-order-search.json");
            Assert.Equal(10, response.PageSize);
            Assert.Equal(133, response.TotalNum);
            Assert.Equal(
                new[]
                {
                    "1952315038682581", "1952881854014581", "1540485153563887", "1140092624903333", "1952328751053581",
                    "1952872372026581", "1508732341607753", "1976456848299426", "1508676280185753", "1508813362517753",
                },
                response.OrderList.Select(o => o.OrderId));

            // Newest first, as the API sorts by payment time.
            var paid = response.OrderList.Select(o => o.PayTime.Value).ToList();
            Assert.Equal(paid.OrderByDescending(t => t), paid);
            Assert.Equal(1611576663, paid.Last().ToUnixTimeSeconds());

            var lines = response.OrderList.Select(o => Assert.Single(o.ProductList)).ToList();
            Assert.Equal(UnionCommissionStatus.Canceled, lines[0].CommissionStatus);
            Assert.All(lines.Skip(1), l => Assert.Equal(UnionCommissionStatus.Pending, l.CommissionStatus));
            Assert.All(lines.Skip(1), l => Assert.Null(l.Commission));
            Assert.Equal(new[] { 0.20m, 0.20m, 1.00m, 1.00m, 0.20m, 0.20m, 0.20m, 9.90m, 1.00m, 1.00m }, lines.Select(l => l.Price.Value));
            Assert.Equal(new long[] { 9000, 9000, 500, 500, 9000, 9000, 9000, 200, 8000, 8000 }, lines.Select(l => l.Ratio.Value));
            Assert.Equal(0.05m, lines[2].CommissionRatio);
            Assert.Equal(0.02m, lines[7].CommissionRatio);
            Assert.Equal("Garbage bags", lines[7].Title);
            Assert.Equal("Black", lines[7].CategoryStr);
            Assert.Equal("12432937", lines[8].ProductId);
            Assert.Equal("xxx", response.OrderList[2].ShopName);
            Assert.Equal("oqt8u5NJAsZ4TN0eNVDN5J_1KUOs_1497740816", lines[2].PromotionInfo.PromotionSourcePid);
        }

        [Fact]
        public void PendingDashCommissionIsNull()
        {
            var line = Line("\"commissionStatus\":\"SETTLEMENT_PENDING\",\"commission\":\"-\"");
            Assert.Null(line.Commission);
            Assert.Equal(UnionCommissionStatus.Pending, line.CommissionStatus);
        }

        [Theory]
        [InlineData("\"0.20\"")]
        [InlineData("\"¥0.20\"")]
        [InlineData("\"￥0.20\"")]
        [InlineData("\"\\u00a50.20\"")]
        public void PriceIsExactDecimalYuanWithItsScale(string price)
        {
            var line = Line("\"price\":" + price + ",\"commission\":" + price);
            Assert.Equal(0.20m, line.Price);
            Assert.Equal(2, Scale(line.Price.Value));
            Assert.Equal("0.20", line.Price.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0.20m, line.Commission);
            Assert.Equal(2, Scale(line.Commission.Value));
        }

        [Fact]
        public void LargeAmountsStayExact()
        {
            var line = Line("\"price\":\"¥12345678901234.57\",\"commission\":\"9999999999999.99\"");
            Assert.Equal(12345678901234.57m, line.Price);
            Assert.Equal(9999999999999.99m, line.Commission);
        }

        [Fact]
        public void ProductIdAndOtherIdsMayBeNumbers()
        {
            var line = Line("\"productId\":4085505,\"skuId\":12345678901234567890,\"productCnt\":\"3\",\"ratio\":\"500\",\"estimatedCommission\":\"15\"");
            Assert.Equal("4085505", line.ProductId);
            Assert.Equal("12345678901234567890", line.SkuId); // beyond 2^63: kept exactly as written, never through a double
            Assert.Equal(3, line.ProductCnt);
            Assert.Equal(500, line.Ratio);
            Assert.Equal(15, line.EstimatedCommission);

            var order = Parse("{\"orderList\":[{\"orderId\":1952315038682581,\"shopAppid\":\"wx123\"}]}").OrderList[0];
            Assert.Equal("1952315038682581", order.OrderId);
            Assert.Equal("wx123", order.ShopAppId);
        }

        [Fact]
        public void ConfirmReceiptTimeZeroIsNullAndTimesMayBeStrings()
        {
            var order = Parse("{\"orderList\":[{\"orderId\":\"1\",\"payTime\":\"1612355317\",\"confirmReceiptTime\":0}]}").OrderList[0];
            Assert.Null(order.ConfirmReceiptTime);
            Assert.Equal(new DateTimeOffset(2021, 2, 3, 20, 28, 37, China), order.PayTime);

            var line = Line("\"commissionStatusUpdateTime\":\"1612355317\",\"profitShardingSucTime\":1612355318");
            Assert.Equal(1612355317, line.CommissionStatusUpdateTime.Value.ToUnixTimeSeconds());
            Assert.Equal(China, line.CommissionStatusUpdateTime.Value.Offset);
            Assert.Equal(1612355318, line.ProfitShardingSucTime.Value.ToUnixTimeSeconds());

            var none = Line("\"commissionStatusUpdateTime\":\"\",\"profitShardingSucTime\":\"0\"");
            Assert.Null(none.CommissionStatusUpdateTime);
            Assert.Null(none.ProfitShardingSucTime);
        }

        [Fact]
        public void UnknownCommissionStatusIsKeptAsItsRawCode()
        {
            var line = Line("\"commissionStatus\":\"SETTLEMENT_FROZEN\"");
            Assert.Equal(UnionCommissionStatus.Unknown, line.CommissionStatus);
            Assert.Equal("SETTLEMENT_FROZEN", line.CommissionStatusCode);

            var absent = Line("\"title\":\"x\"");
            Assert.Equal(UnionCommissionStatus.Unknown, absent.CommissionStatus);
            Assert.Null(absent.CommissionStatusCode);
        }

        [Fact]
        public void NullsAbsencesAndUnknownFieldsAreTolerated()
        {
            var response = Parse("{\"errcode\":0,\"errmsg\":\"ok\",\"orderList\":[null,{\"orderId\":\"7\",\"productList\":null,\"customizeInfo\":null,\"newField\":{\"a\":[1]}}],\"Errcode\":0}");
            Assert.Equal(2, response.OrderList.Count);
            Assert.Null(response.OrderList[0]);
            Assert.Null(response.OrderList[1].ProductList);
            Assert.Null(response.OrderList[1].CustomizeInfo);

            var line = Line("\"promotionInfo\":null,\"ratio\":null,\"price\":null");
            Assert.Null(line.PromotionInfo);
            Assert.Null(line.Ratio);
            Assert.Null(line.CommissionRatio);
            Assert.Null(line.Price);
        }

        [Fact]
        public void WireNamesMapBothWaysAndUnknownIsZero()
        {
            Assert.Equal("SETTLEMENT_PENDING", WireNames<UnionCommissionStatus>.ToWire(UnionCommissionStatus.Pending));
            Assert.Equal("SETTLEMENT_SUCCESS", WireNames<UnionCommissionStatus>.ToWire(UnionCommissionStatus.Settled));
            Assert.Equal("SETTLEMENT_CANCELED", WireNames<UnionCommissionStatus>.ToWire(UnionCommissionStatus.Canceled));
            Assert.Null(WireNames<UnionCommissionStatus>.ToWire(UnionCommissionStatus.Unknown));
            Assert.Equal(UnionCommissionStatus.Settled, WireNames<UnionCommissionStatus>.Parse("settlement_success"));
            Assert.False(WireNames<UnionCommissionStatus>.TryParse("SETTLEMENT_OTHER", out var other));
            Assert.Equal(UnionCommissionStatus.Unknown, other);
            Assert.Equal(UnionCommissionStatus.Unknown, WireNames<UnionCommissionStatus>.Parse(null));
        }
    }

    public class UnionQueryTests
    {
        private static Dictionary<string, string> Query(UnionOrderQuery q, int page = 2, int size = 50) =>
            UnionApi.SearchParameters(q, page, size).ToDictionary(p => p.Key, p => p.Value);

        [Fact]
        public void SearchSendsTheDocumentedParameterNames()
        {
            var start = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.FromHours(8));
            var q = Query(new UnionOrderQuery { StartTime = start, EndTime = start.AddDays(1), CommissionStatus = UnionCommissionStatus.Settled });
            Assert.Equal("2", q["page"]);
            Assert.Equal("50", q["pageSize"]);
            Assert.Equal("1714492800", q["startTimestamp"]);
            Assert.Equal("1714579200", q["endTimestamp"]);
            Assert.Equal("SETTLEMENT_SUCCESS", q["commissionStatus"]);
            Assert.False(q.ContainsKey("sortByCommissionUpdateTime"));
            Assert.False(q.ContainsKey("startCommissionUpdateTime"));

            var byUpdate = Query(new UnionOrderQuery { CommissionUpdateStartTime = start });
            Assert.Equal("1", byUpdate["sortByCommissionUpdateTime"]);
            Assert.Equal("1714492800", byUpdate["startCommissionUpdateTime"]);
            Assert.False(byUpdate.ContainsKey("endCommissionUpdateTime"));
            Assert.Equal(new[] { "page", "pageSize" }, Query(null).Keys);
        }

        [Fact]
        public void UnspecifiedDateTimeIsLocalAndUtcStaysUtc()
        {
            var unspecified = new DateTime(2024, 5, 1, 8, 30, 0, DateTimeKind.Unspecified);
            var expected = TimeZoneInfo.ConvertTimeToUtc(unspecified, TimeZoneInfo.Local);
            Assert.Equal(expected, UnionApi.ToInstant(unspecified).UtcDateTime);

            var utc = new DateTime(2024, 5, 1, 8, 30, 0, DateTimeKind.Utc);
            Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero).ToUnixTimeSeconds(), UnionApi.ToInstant(utc).ToUnixTimeSeconds());

            var local = new DateTime(2024, 5, 1, 8, 30, 0, DateTimeKind.Local);
            Assert.Equal(UnionApi.ToInstant(unspecified), UnionApi.ToInstant(local));
        }

        [Fact]
        public void ReversedWindowsAreRefusedWithWhatToDo()
        {
            var t = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
            Assert.Null(new UnionOrderQuery { StartTime = t, EndTime = t }.Validate());
            Assert.Contains("-EndTime", new UnionOrderQuery { StartTime = t, EndTime = t.AddSeconds(-1) }.Validate());
            Assert.Contains("-CommissionUpdateEndTime", new UnionOrderQuery { CommissionUpdateStartTime = t, CommissionUpdateEndTime = t.AddDays(-1) }.Validate());
            Assert.NotNull(new UnionOrderQuery { CommissionStatus = UnionCommissionStatus.Unknown }.Validate());
        }
    }

    /// <summary>The page walk behind Search-UnionOrder, with a scripted fetcher (no network, no timing).</summary>
    public class PageWalkTests
    {
        /// <summary>A fake API over items 0..total-1: pages complete when the test says so, or at once.</summary>
        private sealed class FakeApi
        {
            private readonly int total;
            private readonly int pageSize;

            public FakeApi(int total, int pageSize)
            {
                this.total = total;
                this.pageSize = pageSize;
            }

            public List<int> Requested { get; } = new List<int>();

            public Dictionary<int, TaskCompletionSource<ApiPage<string>>> Held { get; } = new Dictionary<int, TaskCompletionSource<ApiPage<string>>>();

            public bool Hold { get; set; }

            public Func<int, Exception> FailWith { get; set; } = _ => null;

            /// <summary>Items that appear at the top before each request after the first (new orders arriving).</summary>
            public int ArrivalsPerRequest { get; set; }

            /// <summary>Items that appear at the top after each answer (new orders arriving between answers).</summary>
            public int ArrivalsPerAnswer { get; set; }

            /// <summary>The most items the "server" puts on a page, whatever was asked (0: no cap); its pages are of this size.</summary>
            public int ServerCap { get; set; }

            public int Answered { get; private set; }

            public Task<ApiPage<string>> Fetch(int page, CancellationToken ct)
            {
                Requested.Add(page);
                var tcs = new TaskCompletionSource<ApiPage<string>>();
                var error = FailWith(page);
                if (error != null)
                {
                    tcs.SetException(error);
                }
                else if (Hold)
                {
                    Held[page] = tcs;
                }
                else
                {
                    tcs.SetResult(Page(page));
                }

                return tcs.Task;
            }

            public void Release(int page)
            {
                var tcs = Held[page];
                Held.Remove(page);
                tcs.SetResult(Page(page));
            }

            /// <summary>Answers every held page, the highest page number first (the worst order for a walk that reads ahead).</summary>
            public void ReleaseAllBackwards()
            {
                foreach (var page in Held.Keys.OrderByDescending(p => p).ToList())
                {
                    Release(page);
                }
            }

            private ApiPage<string> Page(int page)
            {
                var shift = (ArrivalsPerRequest * (Requested.Count - 1)) + (ArrivalsPerAnswer * Answered);
                Answered++;
                var all = total + shift;
                var size = ServerCap > 0 ? Math.Min(ServerCap, pageSize) : pageSize;
                var items = Enumerable.Range((page - 1) * size, size)
                    .Where(k => k < all)
                    .Select(k => k < shift ? "new" + (shift - k).ToString() : (k - shift).ToString())
                    .ToList();
                return new ApiPage<string>(page, items, all);
            }
        }

        private static (List<string> items, List<PageOutcome<string>> outcomes, NumberedPageWalk<string> walk) Run(FakeApi api, int pageSize, ulong skip = 0, ulong first = ulong.MaxValue, int throttle = 8, bool needTotal = false)
        {
            var walk = new NumberedPageWalk<string>(api.Fetch, s => s, pageSize, skip, first, throttle, needTotal, CancellationToken.None);
            var items = new List<string>();
            var outcomes = new List<PageOutcome<string>>();
            while (walk.TryNext(out var next))
            {
                var outcome = walk.Complete(next);
                outcomes.Add(outcome);
                items.AddRange(outcome.Items);
            }

            return (items, outcomes, walk);
        }

        /// <summary>Runs a walk whose pages are answered only when it waits for one, then all at once, the highest first.</summary>
        private static (List<string> items, NumberedPageWalk<string> walk) RunBackwards(FakeApi api, int pageSize, int throttle = 8)
        {
            api.Hold = true;
            var walk = new NumberedPageWalk<string>(api.Fetch, s => s, pageSize, 0, ulong.MaxValue, throttle, false, CancellationToken.None);
            var items = new List<string>();
            while (walk.TryNext(out var next))
            {
                if (!next.Task.IsCompleted)
                {
                    api.ReleaseAllBackwards();
                }

                items.AddRange(walk.Complete(next).Items);
            }

            return (items, walk);
        }

        private static IEnumerable<string> Ids(int from, int count) => Enumerable.Range(from, count).Select(i => i.ToString());

        [Fact]
        public void ReadAheadWritesEveryItemThereAtTheStartWhenLaterPagesAnswerFirstAsItemsArrive()
        {
            // Page k + 1 answered before page k, with 3 new items arriving between answers: without care, the items
            // at the boundary fall into neither page.
            var api = new FakeApi(400, 20) { ArrivalsPerAnswer = 3 };
            var (items, walk) = RunBackwards(api, 20);
            Assert.Equal(items.Count, items.Distinct().Count());
            Assert.Empty(Ids(0, 400).Except(items));
            Assert.Equal(Ids(0, 400), items.Where(i => !i.StartsWith("new", StringComparison.Ordinal)));
            Assert.True(walk.Duplicates > 0);
            Assert.True(walk.PagesRefetched > 0);
            Assert.Equal(walk.PagesRead + walk.PagesRefetched, api.Requested.Count);
            Assert.Equal(400, walk.FirstTotalCount);
            Assert.True(walk.HighestTotalCount > 400);
            Assert.False(walk.TotalDecreased);
        }

        [Fact]
        public void APageAskedForAfterThePageBeforeWasAnsweredIsNeverFetchedAgain()
        {
            // One page at a time: every page is asked for after the one before it was answered, so arrivals only
            // make pages overlap; nothing is fetched twice.
            var api = new FakeApi(400, 20) { ArrivalsPerAnswer = 3 };
            var (items, walk) = RunBackwards(api, 20, throttle: 1);
            Assert.Empty(Ids(0, 400).Except(items));
            Assert.Equal(0, walk.PagesRefetched);
            Assert.Equal(api.Requested.Count, walk.PagesRead);
        }

        [Fact]
        public void ATotalThatGoesDownIsReportedNotRefetchedForever()
        {
            // Items leave the list (the total falls) as the walk goes: each page is asked for after the one before
            // it was answered, so a lower total is a real decrease.
            var api = new FakeApi(200, 20) { ArrivalsPerAnswer = -3 };
            var (items, walk) = RunBackwards(api, 20, throttle: 1);
            Assert.True(walk.TotalDecreased);
            Assert.Equal(0, walk.PagesRefetched);
            Assert.Equal(200, walk.FirstTotalCount);
            Assert.True(walk.LowestTotalCount < 200);

            // Read ahead: a stale page is fetched again once at most, then taken as a decrease.
            var ahead = new FakeApi(200, 20) { ArrivalsPerAnswer = -3 };
            var (_, aheadWalk) = RunBackwards(ahead, 20, throttle: 8);
            Assert.True(aheadWalk.TotalDecreased);
            Assert.True(ahead.Requested.Count <= 2 * aheadWalk.PagesRead);
        }

        [Fact]
        public void ReadAheadReadsEachPageOnceWhenNothingArrives()
        {
            var api = new FakeApi(400, 20);
            var (items, walk) = RunBackwards(api, 20);
            Assert.Equal(Ids(0, 400), items);
            Assert.Equal(Enumerable.Range(1, 20), api.Requested.OrderBy(p => p));
            Assert.Equal(20, walk.PagesRead);
            Assert.Equal(0, walk.PagesRefetched);
            Assert.Equal(400, walk.LowestTotalCount);
            Assert.Equal(400, walk.HighestTotalCount);
            Assert.Equal(400UL, walk.ExpectedCount);
        }

        [Fact]
        public void AShortPageThatTheTotalSaysIsNotTheLastDoesNotEndTheWalk()
        {
            // A server that caps the page size at 4 when 10 were asked: page N holds items 4(N-1) to 4N - 1.
            var api = new FakeApi(30, 10) { ServerCap = 4 };
            var (items, _, walk) = Run(api, 10);
            Assert.Equal(new[] { 1, 2, 3 }, api.Requested);
            Assert.Equal(Ids(0, 12), items);
            Assert.Equal(3, walk.PagesRead);
            Assert.Equal(1, walk.ShortPageNumber);
            Assert.Equal(4, walk.ShortPageCount);
            Assert.Equal(30UL, walk.ExpectedCount);
            Assert.Equal(12UL, walk.Emitted);

            // The last page by the total may be short: that is the end, as before.
            var tail = new FakeApi(25, 10);
            var (tailItems, _, tailWalk) = Run(tail, 10);
            Assert.Equal(25, tailItems.Count);
            Assert.Equal(0, tailWalk.ShortPageNumber);

            // Without a total, a short page is the end.
            var noTotal = new NumberedPageWalk<string>((p, ct) => Task.FromResult(new ApiPage<string>(p, Ids((p - 1) * 10, p == 1 ? 10 : 4).ToList(), null)), s => s, 10, 0, ulong.MaxValue, 8, false, CancellationToken.None);
            var got = new List<string>();
            while (noTotal.TryNext(out var next))
            {
                got.AddRange(noTotal.Complete(next).Items);
            }

            Assert.Equal(Ids(0, 14), got);
            Assert.Equal(2, noTotal.PagesRead);
        }

        [Fact]
        public void ExpectedCountIsTheFirstTotalLessSkipAtMostFirst()
        {
            Assert.Equal(108UL, Run(new FakeApi(133, 10), 10, skip: 25).walk.ExpectedCount);
            Assert.Equal(10UL, Run(new FakeApi(133, 10), 10, skip: 25, first: 10).walk.ExpectedCount);
            Assert.Equal(0UL, Run(new FakeApi(133, 10), 10, skip: 500).walk.ExpectedCount);
            Assert.Null(new NumberedPageWalk<string>(new FakeApi(1, 1).Fetch, s => s, 10, 0, ulong.MaxValue, 8, false, CancellationToken.None).ExpectedCount);
        }

        [Fact]
        public async Task ANullEntryInAPageDoesNotEndTheWalk()
        {
            // 3 pages of 10, totalNum 30, page 1 holding one null entry in place of an order.
            static string Page(int page)
            {
                var orders = Enumerable.Range(((page - 1) * 10) + 1, 10).Select(i => i == 4 ? "null" : "{\"orderId\":\"" + i + "\"}");
                return "{\"errcode\":0,\"orderList\":[" + string.Join(",", orders) + "],\"pageSize\":10,\"totalNum\":30}";
            }

            var handler = new ScriptedHandler((req, body, n) =>
                req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                    ? ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}")
                    : ScriptedHandler.Json(Page(int.Parse(System.Web.HttpUtility.ParseQueryString(req.RequestUri.Query)["page"]))));
            using var client = new ApiClient(new ConnectionSettings { Name = "t", Platform = WxPlatform.WeChat, AppId = "wxtest", AppSecret = SecureText.Protect("s3cr3t"), BaseUri = new Uri("https://api.test/") }, handler);
            var walk = new NumberedPageWalk<UnionOrder>((page, ct) => UnionApi.SearchAsync(client, null, page, 10, null, ct), o => o.OrderId, 10, 0, ulong.MaxValue, 1, false, CancellationToken.None);
            var written = new List<string>();
            while (walk.TryNext(out var next))
            {
                await next.Task.ContinueWith(_ => { }, TaskScheduler.Default);
                written.AddRange(walk.Complete(next).Items.Select(o => o.OrderId));
            }

            Assert.Equal(Enumerable.Range(1, 30).Where(i => i != 4).Select(i => i.ToString()), written);
            Assert.Equal(3, walk.PagesRead);
            Assert.Equal(1, walk.NullEntries);
            Assert.Equal(0, walk.ShortPageNumber);
            Assert.Equal(30UL, walk.ExpectedCount);
        }

        [Fact]
        public void WalksEveryPageOnceInOrder()
        {
            var api = new FakeApi(133, 10);
            var (items, _, walk) = Run(api, 10);
            Assert.Equal(Ids(0, 133), items);
            Assert.Equal(Enumerable.Range(1, 14), api.Requested);
            Assert.Equal(133, walk.TotalCount);
            Assert.Equal(0, walk.PagesFailed);
        }

        [Fact]
        public void AnExactMultipleNeedsNoExtraEmptyPage()
        {
            var api = new FakeApi(130, 10);
            var (items, _, _) = Run(api, 10);
            Assert.Equal(130, items.Count);
            Assert.Equal(13, api.Requested.Count);
        }

        [Fact]
        public void FirstAsksForNoMorePagesThanItNeeds()
        {
            var one = new FakeApi(1000, 200);
            Assert.Equal(Ids(0, 25), Run(one, 200, first: 25).items);
            Assert.Equal(new[] { 1 }, one.Requested);

            var three = new FakeApi(1000, 10);
            Assert.Equal(Ids(0, 25), Run(three, 10, first: 25).items);
            Assert.Equal(new[] { 1, 2, 3 }, three.Requested);
        }

        [Fact]
        public void SkipStartsAtTheRightPage()
        {
            var api = new FakeApi(133, 10);
            var (items, _, _) = Run(api, 10, skip: 25, first: 10);
            Assert.Equal(Ids(25, 10), items);
            Assert.Equal(new[] { 3, 4 }, api.Requested);

            var tail = new FakeApi(133, 10);
            Assert.Equal(Ids(120, 13), Run(tail, 10, skip: 120).items);
            Assert.Equal(new[] { 13, 14 }, tail.Requested);

            var beyond = new FakeApi(133, 10);
            Assert.Empty(Run(beyond, 10, skip: 500).items);
            Assert.Equal(new[] { 51 }, beyond.Requested);
        }

        [Fact]
        public void FirstZeroReadsOnlyWhenTheTotalIsWanted()
        {
            var none = new FakeApi(133, 10);
            Assert.Empty(Run(none, 10, first: 0).items);
            Assert.Empty(none.Requested);

            var count = new FakeApi(133, 10);
            var (items, _, walk) = Run(count, 10, first: 0, needTotal: true);
            Assert.Empty(items);
            Assert.Equal(new[] { 1 }, count.Requested);
            Assert.Equal(133, walk.TotalCount);
        }

        [Fact]
        public void FetchesAheadAtMostThrottleLimitAndWritesInPageOrder()
        {
            var api = new FakeApi(1000, 10) { Hold = true };
            var walk = new NumberedPageWalk<string>(api.Fetch, s => s, 10, 0, ulong.MaxValue, 4, false, CancellationToken.None);
            Assert.True(walk.TryNext(out var head));
            Assert.Equal(new[] { 1 }, api.Requested); // the total is unknown: one page alone
            api.Release(1);
            Assert.Equal(Ids(0, 10), walk.Complete(head).Items);

            Assert.True(walk.TryNext(out head));
            Assert.Equal(new[] { 1, 2, 3, 4, 5 }, api.Requested); // 4 ahead, no more
            api.Release(4);
            api.Release(3);
            Assert.False(head.Task.IsCompleted);
            Assert.True(walk.TryNext(out var same));
            Assert.Same(head, same);
            Assert.Equal(5, api.Requested.Count); // nothing new while the head is outstanding
            api.Release(2);
            Assert.Equal(Ids(10, 10), walk.Complete(head).Items);
            Assert.True(walk.TryNext(out head));
            Assert.Equal(3, head.Number);
            Assert.Equal(6, api.Requested.Count);
            Assert.Equal(Ids(20, 10), walk.Complete(head).Items);
            walk.Dispose();
        }

        [Fact]
        public void IdsAlreadyWrittenAreNotWrittenAgainWhenPagesShift()
        {
            var api = new FakeApi(95, 10) { ArrivalsPerRequest = 2 };
            var (items, _, walk) = Run(api, 10, throttle: 1);
            Assert.Equal(items.Count, items.Distinct().Count());
            Assert.Equal(Ids(0, 95), items.Where(i => !i.StartsWith("new", StringComparison.Ordinal)));
            Assert.True(walk.Duplicates > 0);
        }

        [Fact]
        public void AFailedPageIsReportedAndTheWalkGoesOn()
        {
            var api = new FakeApi(133, 10) { FailWith = p => p == 3 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "system error") : null };
            var (items, outcomes, walk) = Run(api, 10);
            Assert.Equal(123, items.Count);
            var failed = Assert.Single(outcomes, o => o.Error != null);
            Assert.Equal(3, failed.Number);
            Assert.Equal(1, walk.PagesFailed);
            Assert.Null(walk.StoppedBecause);
            Assert.Equal(14, api.Requested.Count);
        }

        [Fact]
        public void AFailedFirstPageDoesNotEndTheWalk()
        {
            var api = new FakeApi(25, 10) { FailWith = p => p == 1 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 9999, "odd") : null };
            var (items, _, walk) = Run(api, 10);
            Assert.Equal(Ids(10, 15), items);
            Assert.Equal(new[] { 1, 2, 3 }, api.Requested);
            Assert.Equal(25, walk.TotalCount);
        }

        [Fact]
        public void ErrorsThatWouldRepeatStopTheWalk()
        {
            var denied = new FakeApi(133, 10) { FailWith = p => p == 2 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 48001, "api unauthorized") : null };
            var (items, _, walk) = Run(denied, 10, throttle: 1);
            Assert.Equal(10, items.Count);
            Assert.Equal(new[] { 1, 2 }, denied.Requested);
            Assert.NotNull(walk.StoppedBecause);

            var outage = new FakeApi(1000, 10) { FailWith = p => p > 1 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "system error") : null };
            var result = Run(outage, 10, throttle: 1);
            Assert.Equal(1 + PageWalk<string>.MaxConsecutiveFailures, outage.Requested.Count);
            Assert.Contains("in a row", result.walk.StoppedBecause);
            Assert.Equal(100 - 1 - PageWalk<string>.MaxConsecutiveFailures, result.walk.PagesNotRead);
        }

        [Fact]
        public void PagesNotReadCountsThePagesTheWalkNeededNotThoseRequestedAhead()
        {
            // 14 pages; page 3 refuses with an error that would repeat; pages 4 to 10 had been requested ahead.
            var api = new FakeApi(133, 10) { FailWith = p => p == 3 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 48001, "api unauthorized") : null };
            var (items, _, walk) = Run(api, 10, throttle: 8);
            Assert.Equal(20, items.Count);
            Assert.True(walk.PagesRequested > 3);
            Assert.Equal(2, walk.PagesRead);
            Assert.Equal(1, walk.PagesFailed);
            Assert.Equal(11, walk.PagesNotRead);

            // -First bounds the pages the walk needed.
            var first = new FakeApi(1000, 10) { FailWith = p => p == 2 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 48001, "api unauthorized") : null };
            Assert.Equal(3, Run(first, 10, first: 50).walk.PagesNotRead);

            // A walk that ended normally left nothing unread; one that never learned the total cannot say.
            Assert.Equal(0, Run(new FakeApi(133, 10), 10).walk.PagesNotRead);
            var blind = new FakeApi(133, 10) { FailWith = _ => ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "system error") };
            Assert.Null(Run(blind, 10).walk.PagesNotRead);
        }

        private static string Gap(NumberedPageWalk<string> walk) =>
            walk.GapNotice("orders", "give an -EndTime in the past");

        private static string Change(NumberedPageWalk<string> walk) =>
            walk.TotalChangeNotice("orders", "give an -EndTime in the past");

        private static string Failed(NumberedPageWalk<string> walk) =>
            walk.FailedPagesNotice("orders");

        [Fact]
        public void TheClosingWarningsSayWhatHappened()
        {
            // Nothing unusual: no warning.
            var plain = Run(new FakeApi(133, 10), 10).walk;
            Assert.Null(Gap(plain));
            Assert.Null(Change(plain));

            // A null entry in place of an order: the gap and its cause.
            var withNull = new NumberedPageWalk<string>(
                (p, ct) => Task.FromResult(new ApiPage<string>(p, Ids((p - 1) * 10, 10).Select(i => i == "3" ? null : i).ToList(), 30)),
                s => s, 10, 0, ulong.MaxValue, 8, false, CancellationToken.None);
            while (withNull.TryNext(out var next))
            {
                withNull.Complete(next);
            }

            Assert.Equal(
                "1 of the 30 orders the API reported were not written (29 written) and no page failed: the API sent 1 empty (null) entries in place of orders. Run the search again later; if the gap stays, the API is losing those orders.",
                Gap(withNull));

            // A server that answers at most 4 a page: the gap and the page size to use.
            var capped = Run(new FakeApi(30, 10) { ServerCap = 4 }, 10).walk;
            Assert.StartsWith("18 of the 30 orders the API reported were not written (12 written) and no page failed: page 1 came back with 4 orders where 10 were asked for", Gap(capped));
            Assert.EndsWith("Run the search again with -PageSize 4.", Gap(capped));

            // -Skip and -First bound what is expected.
            Assert.Null(Gap(Run(new FakeApi(30, 10) { ServerCap = 4 }, 10, first: 4).walk));

            // Failed pages: counted as read / failed / not fetched, not as requested.
            var denied = Run(new FakeApi(133, 10) { FailWith = p => p == 3 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 48001, "api unauthorized") : null }, 10, throttle: 8).walk;
            Assert.StartsWith("1 of 14 pages could not be retrieved (2 read, 1 failed, 11 not fetched; the search stopped early: page 3 failed with an error that would repeat on every page), so orders are missing", Failed(denied));
            Assert.Null(Gap(denied)); // the failure explains the gap
            var one = Run(new FakeApi(133, 10) { FailWith = p => p == 3 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "system error") : null }, 10).walk;
            Assert.StartsWith("1 of 14 pages could not be retrieved (13 read, 1 failed, 0 not fetched), so", Failed(one));
            var blind = Run(new FakeApi(133, 10) { FailWith = _ => ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "system error") }, 10).walk;
            Assert.StartsWith("3 pages could not be retrieved (0 read, 3 failed; how many more the search needed is unknown; the search stopped early: 3 pages in a row failed), so", Failed(blind));

            // The total rose (arrivals) or went down (departures).
            var rose = RunBackwards(new FakeApi(400, 20) { ArrivalsPerAnswer = 3 }, 20).walk;
            Assert.Matches(@"^The number of matching orders rose from 400 to \d+ during the search: .*None of the orders there at the start was skipped \(\d+ page\(s\) fetched ahead of the new orders were read again\); .*For a fixed set, give an -EndTime in the past\.$", Change(rose));
            Assert.Null(Gap(rose));
            var fell = RunBackwards(new FakeApi(200, 20) { ArrivalsPerAnswer = -3 }, 20, throttle: 1).walk;
            Assert.Matches(@"^The number of matching orders went down from 200 to \d+ during the search \(lowest \d+\): .*may have shifted past the walk.*give an -EndTime in the past\.$", Change(fell));
            Assert.Null(Gap(fell)); // the falling total explains it
        }
    }

    /// <summary>The union sandbox: filters agree with a brute-force scan, and the endpoints answer as documented.</summary>
    public class UnionSandboxTests
    {
        private static List<int> Brute(UnionOrders data, UnionFilter f)
        {
            var all = Enumerable.Range(0, data.Count).Where(i =>
                i >= data.VisibleFrom &&
                (!f.PayStart.HasValue || data.PayTime(i) >= f.PayStart) &&
                (!f.PayEnd.HasValue || data.PayTime(i) <= f.PayEnd) &&
                (!f.Status.HasValue || data.Status(i) == f.Status) &&
                (!f.SortByUpdate || ((!f.UpdateStart.HasValue || data.UpdateTime(i) >= f.UpdateStart) && (!f.UpdateEnd.HasValue || data.UpdateTime(i) <= f.UpdateEnd))));
            return f.SortByUpdate ? all.OrderByDescending(data.UpdateTime).ThenBy(i => i).ToList() : all.ToList();
        }

        private static List<int> Selected(UnionOrders data, UnionFilter f)
        {
            var s = data.Select(f);
            return Enumerable.Range(0, s.Count).Select(s.IndexAt).ToList();
        }

        [Fact]
        public void PayTimesStrictlyDecreaseAndIdsMapBack()
        {
            var data = new UnionOrders(3, 5000);
            for (var i = 1; i < data.Count; i++)
            {
                Assert.True(data.PayTime(i) < data.PayTime(i - 1));
            }

            Assert.Equal(1234, data.IndexOf(UnionOrders.OrderIdText(1234)));
            Assert.Equal(-1, data.IndexOf(UnionOrders.OrderIdText(5000)));
            Assert.Equal(-1, data.IndexOf("1952300000000001"));
            Assert.Equal(-1, data.IndexOf("x"));
        }

        [Fact]
        public void EveryFilterSelectsWhatABruteForceScanSelects()
        {
            var data = new UnionOrders(7, 3000);
            var newest = data.PayTime(0);
            var filters = new List<UnionFilter>();
            foreach (var status in new int?[] { null, 0, 1, 2 })
            {
                filters.Add(new UnionFilter { Status = status });
                filters.Add(new UnionFilter { Status = status, PayStart = data.PayTime(2000), PayEnd = data.PayTime(500) });
                filters.Add(new UnionFilter { Status = status, PayStart = data.PayTime(10) + 1, PayEnd = data.PayTime(10) - 1 });
                filters.Add(new UnionFilter { Status = status, PayEnd = newest - 86400 });
                filters.Add(new UnionFilter { Status = status, SortByUpdate = true });
                filters.Add(new UnionFilter { Status = status, SortByUpdate = true, UpdateStart = newest - (20 * 86400), UpdateEnd = newest });
                filters.Add(new UnionFilter { Status = status, SortByUpdate = true, UpdateStart = newest - (20 * 86400), PayStart = data.PayTime(1500) });
            }

            foreach (var f in filters)
            {
                Assert.Equal(Brute(data, f), Selected(data, f));
            }

            // Orders not yet "arrived" are invisible to every filter.
            data.SetArrivals(100, 0);
            Assert.Equal(Brute(data, filters[0]), Selected(data, filters[0]));
            Assert.Equal(Brute(data, filters[4]), Selected(data, filters[4]));
            Assert.Equal(2900, data.Select(new UnionFilter()).Count);
        }

        [Fact]
        public async Task EndpointsAnswerLikeTheApi()
        {
            using var sb = Sandbox.Start(1, 500);
            using var client = new ApiClient(new ConnectionSettings { Name = "t", Platform = WxPlatform.WeChat, AppId = sb.WeChatAppId, AppSecret = sb.WeChatAppSecret, BaseUri = sb.BaseUri, IsSandbox = true });
            var ids = sb.GetUnionOrderIds(3).Concat(new[] { "1952300000000001" }).ToList();
            var orders = await UnionApi.GetOrdersAsync(client, ids, null, CancellationToken.None);
            Assert.Equal(ids.Take(3), orders.Select(o => o.OrderId));
            Assert.All(orders, o => Assert.All(o.ProductList, l => Assert.Equal(o.OrderId, l.OrderId)));

            var page = await UnionApi.SearchAsync(client, null, 3, 200, null, CancellationToken.None);
            Assert.Equal(100, page.Items.Count);
            Assert.Equal(500, page.TotalCount);
            var beyond = await UnionApi.SearchAsync(client, null, 4, 200, null, CancellationToken.None);
            Assert.Empty(beyond.Items);
            Assert.Equal(500, beyond.TotalCount);

            var pending = await UnionApi.SearchAsync(client, new UnionOrderQuery { CommissionStatus = UnionCommissionStatus.Pending }, 1, 200, null, CancellationToken.None);
            Assert.Equal(sb.TestHooks.CountUnionOrders(new UnionOrderQuery { CommissionStatus = UnionCommissionStatus.Pending }), pending.TotalCount);
            Assert.All(pending.Items.SelectMany(o => o.ProductList), l => Assert.Null(l.Commission));

            // The sandbox refuses what the API refuses.
            using var http = new HttpClient { BaseAddress = sb.BaseUri };
            var token = await client.Tokens.GetAsync(CancellationToken.None);
            async Task<long> Errcode(HttpRequestMessage m)
            {
                using var r = await http.SendAsync(m);
                using var doc = JsonDocument.Parse(await r.Content.ReadAsByteArrayAsync());
                return doc.RootElement.GetProperty("errcode").GetInt64();
            }

            // One id that is not digits: the API refuses the whole request (200002), as it is documented to.
            foreach (var bad in new[] { "[\"" + ids[0] + "\",\"abc\"]", "[\"\"]", "[\"12 3\"]", "[-5]", "[1.5]", "[null]" })
            {
                Assert.Equal(200002, await Errcode(new HttpRequestMessage(HttpMethod.Post, "union/promoter/order/info?access_token=" + token.Value) { Content = new StringContent("{\"orderIdList\":" + bad + "}") }));
            }

            Assert.Equal(0, await Errcode(new HttpRequestMessage(HttpMethod.Post, "union/promoter/order/info?access_token=" + token.Value) { Content = new StringContent("{\"orderIdList\":[" + ids[0] + ",\"1952300000000001\"]}") }));

            var tooMany = JsonSerializer.Serialize(new { orderIdList = sb.GetUnionOrderIds(201) });
            Assert.Equal(200002, await Errcode(new HttpRequestMessage(HttpMethod.Post, "union/promoter/order/info?access_token=" + token.Value) { Content = new StringContent(tooMany) }));
            Assert.Equal(200002, await Errcode(new HttpRequestMessage(HttpMethod.Post, "union/promoter/order/info?access_token=" + token.Value) { Content = new StringContent("{}") }));
            Assert.Equal(200002, await Errcode(new HttpRequestMessage(HttpMethod.Get, "union/promoter/order/search?pageSize=201&access_token=" + token.Value)));
            Assert.Equal(0, await Errcode(new HttpRequestMessage(HttpMethod.Get, "union/promoter/order/search?pageSize=200&access_token=" + token.Value)));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => UnionApi.GetOrdersAsync(client, sb.GetUnionOrderIds(201), null, CancellationToken.None));
        }
    }
}
