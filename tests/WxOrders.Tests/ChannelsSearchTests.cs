using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Commands;
using WxOrders.Http;
using WxOrders.Json;
using WxOrders.Paging;
using WxOrders.Platforms.Channels;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>The slicing of a window into the 7-day ranges the store's order list takes.</summary>
    public class TimeSliceTests
    {
        private const long Day = 86400;
        private const long Max = ChannelsOrderQuery.MaxSliceSeconds;

        [Fact]
        public void SevenDaysLessASecondIsOneSliceAndExactlySevenDaysIsTwo()
        {
            Assert.Equal(604799, Max);
            Assert.Equal(new[] { new TimeSlice(1000, 1000 + Max) }, TimeSlices.Split(1000, 1000 + Max, Max));

            // 2025-07-01 00:00:00 to 2025-07-08 00:00:00 (+08:00): 604,800 s apart, one second too many for one request.
            var start = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds();
            var two = TimeSlices.Split(start, start + (7 * Day), Max);
            Assert.Equal(new[] { new TimeSlice(start, start + Max), new TimeSlice(start + (7 * Day), start + (7 * Day)) }, two);
        }

        [Fact]
        public void ThirtyDaysAreFiveSlicesCoveringEverySecondOnce()
        {
            var start = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds();
            var end = start + (30 * Day) - 1; // 2025-07-30 23:59:59
            var slices = TimeSlices.Split(start, end, Max);
            Assert.Equal(5, slices.Count);
            Assert.Equal(start, slices[0].Start);
            Assert.Equal(end, slices[4].End);
            Assert.All(slices, s => Assert.InRange(s.End - s.Start, 0, Max));
            Assert.All(slices.Take(4), s => Assert.Equal(Max, s.End - s.Start));
            for (var i = 1; i < slices.Count; i++)
            {
                Assert.Equal(slices[i - 1].End + 1, slices[i].Start);
            }

            Assert.Equal((2 * Day) - 1, slices[4].End - slices[4].Start);
            Assert.Equal(30 * Day, slices.Sum(s => s.End - s.Start + 1));
        }

        [Fact]
        public void OneSecondIsOneSliceAndAnEndBeforeTheStartIsRefused()
        {
            Assert.Equal(new[] { new TimeSlice(5, 5) }, TimeSlices.Split(5, 5, Max));
            Assert.Equal(new[] { new TimeSlice(5, 6) }, TimeSlices.Split(5, 6, Max));
            Assert.Throws<ArgumentOutOfRangeException>(() => TimeSlices.Split(6, 5, Max));
        }

        [Fact]
        public void AnOpenEndIsNowAndAnOpenStartIsOneSliceBeforeIt()
        {
            var now = new DateTimeOffset(2025, 7, 31, 12, 0, 0, TimeSpan.Zero);
            var open = new ChannelsOrderQuery().Slices(now);
            Assert.Equal(new[] { new TimeSlice(now.ToUnixTimeSeconds() - Max, now.ToUnixTimeSeconds()) }, open);

            var from = now.AddDays(-10);
            var slices = new ChannelsOrderQuery { StartTime = from }.Slices(now);
            Assert.Equal(2, slices.Count);
            Assert.Equal(from.ToUnixTimeSeconds(), slices[0].Start);
            Assert.Equal(now.ToUnixTimeSeconds(), slices[1].End);
        }

        [Fact]
        public void BadWindowsAreRefusedWithWhatToDo()
        {
            var now = new DateTimeOffset(2025, 7, 31, 12, 0, 0, TimeSpan.Zero);
            Assert.Null(new ChannelsOrderQuery { StartTime = now.AddDays(-30), EndTime = now }.Validate(now));
            Assert.Null(new ChannelsOrderQuery { StartTime = now, EndTime = now }.Validate(now));
            Assert.Contains("is before -StartTime", new ChannelsOrderQuery { StartTime = now, EndTime = now.AddSeconds(-1) }.Validate(now));
            Assert.Contains("in the future", new ChannelsOrderQuery { StartTime = now.AddHours(1) }.Validate(now));
            Assert.Contains("before 1970", new ChannelsOrderQuery { StartTime = new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero) }.Validate(now));
            Assert.Contains("not a filter", new ChannelsOrderQuery { Status = ChannelsOrderStatus.CancelledAfterSale }.Validate(now));
            Assert.Contains("not a filter", new ChannelsOrderQuery { Status = (ChannelsOrderStatus)999 }.Validate(now));
            Assert.Null(new ChannelsOrderQuery { Status = ChannelsOrderStatus.Cancelled }.Validate(now));
            Assert.NotNull(new ChannelsOrderQuery { TimeField = (ChannelsTimeField)3 }.Validate(now));
        }
    }

    /// <summary>POST /channels/ec/order/list/get on the wire, and Search-ChannelsOrder run as a real cmdlet over a scripted API.</summary>
    public class ChannelsSearchTests
    {
        private const string ConnectionName = "channels-search-test";
        private static readonly TimeSpan China = TimeSpan.FromHours(8);

        private static ConnectionSettings Settings(string name = "t") => new ConnectionSettings
        {
            Name = name,
            Platform = WxPlatform.WeChat,
            AppId = "wxtest",
            AppSecret = SecureText.Protect("channels-search-secret"),
            BaseUri = new Uri("https://api.test/"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };

        private static HttpResponseMessage Token(int n) =>
            ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}");

        [Fact]
        public async Task TheListSendsOneRangeTheFiltersAndNextKeyAndReadsIdsAsStringsOrNumbers()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? Token(n)
                : ScriptedHandler.Json("{\"errcode\":0,\"errmsg\":\"ok\",\"order_id_list\":[\"3729145503581234176\",3729150011904561921,null,\"\"],\"next_key\":\"CAEQgICA8M3U4ZgzGAA=\",\"has_more\":true}"));
            using var client = new ApiClient(Settings(), handler);
            var query = new ChannelsOrderQuery { TimeField = ChannelsTimeField.Updated, Status = ChannelsOrderStatus.Paid, OpenId = "oAbCd1234" };
            var slice = new TimeSlice(1751299200, 1751903999);
            var page = await ChannelsApi.ListAsync(client, query, slice, null, 100, null, CancellationToken.None);
            Assert.Equal("https://api.test/channels/ec/order/list/get?access_token=" + ScriptedHandler.Token(1), handler.Urls[1]);
            Assert.Equal(HttpMethod.Post, handler.Methods[1]);
            Assert.Equal("{\"update_time_range\":{\"start_time\":1751299200,\"end_time\":1751903999},\"status\":20,\"openid\":\"oAbCd1234\",\"page_size\":100,\"next_key\":\"\"}", handler.Bodies[1]);

            // 3729150011904561921 is beyond 2^53: read from the number's text, not through a double.
            Assert.Equal(new[] { "3729145503581234176", "3729150011904561921", null, null }, page.Items);
            Assert.Equal(4, page.RawCount);
            Assert.Equal("CAEQgICA8M3U4ZgzGAA=", page.NextCursor);
            Assert.True(page.HasMore);

            // The next page: the same body but next_key.
            await ChannelsApi.ListAsync(client, query, slice, "CAEQgICA8M3U4ZgzGAA=", 100, null, CancellationToken.None);
            Assert.Equal(handler.Bodies[1].Replace("\"next_key\":\"\"", "\"next_key\":\"CAEQgICA8M3U4ZgzGAA=\""), handler.Bodies[2]);

            // Created (the default) sends create_time_range and no filter left unset.
            var created = JsonSerializer.Serialize(new ChannelsOrderQuery().Request(slice, 7, null), WireJsonContext.Default.ChannelsOrderListRequest);
            Assert.Equal("{\"create_time_range\":{\"start_time\":1751299200,\"end_time\":1751903999},\"page_size\":7,\"next_key\":\"\"}", created);
        }

        [Fact]
        public void TheDocumentedExampleAndItsVariationsAreRead()
        {
            var example = TestJson.Parse("{\"errcode\":0,\"errmsg\":\"ok\",\"order_id_list\":[\"3729145503581234176\",\"3729150011904561920\"],\"next_key\":\"CAEQgICA8M3U4ZgzGAA=\",\"has_more\":true}", WireJsonContext.Default.ChannelsOrderListResponse);
            Assert.Equal(new[] { "3729145503581234176", "3729150011904561920" }, example.OrderIdList);
            Assert.True(example.HasMore);

            var last = TestJson.Parse("{\"errcode\":0,\"errmsg\":\"ok\",\"order_id_list\":[],\"next_key\":\"\",\"has_more\":false,\"unknown\":{\"x\":1}}", WireJsonContext.Default.ChannelsOrderListResponse);
            Assert.Empty(last.OrderIdList);
            Assert.False(last.HasMore);

            var sparse = TestJson.Parse("{\"errcode\":0,\"has_more\":0}", WireJsonContext.Default.ChannelsOrderListResponse);
            Assert.Null(sparse.OrderIdList);
            Assert.False(sparse.HasMore);
            Assert.Throws<JsonException>(() => TestJson.Parse("{\"order_id_list\":\"3729145503581234176\"}", WireJsonContext.Default.ChannelsOrderListResponse));
        }

        [Fact]
        public void TheListRefusesARangeBeyondSevenDaysAndAPageSizeBeyond100BeforeAnyRequest()
        {
            var handler = new ScriptedHandler((req, body, n) => Token(n));
            using var client = new ApiClient(Settings(), handler);
            Assert.Throws<ArgumentOutOfRangeException>(() => ChannelsApi.ListAsync(client, null, new TimeSlice(0, 604800), null, 100, null, CancellationToken.None).GetAwaiter().GetResult());
            Assert.Throws<ArgumentOutOfRangeException>(() => ChannelsApi.ListAsync(client, null, new TimeSlice(0, 10), null, 101, null, CancellationToken.None).GetAwaiter().GetResult());
            Assert.Empty(handler.Urls);
        }

        /// <summary>
        /// A scripted store: each slice lists <paramref name="perSlice"/> ids (from its start time) in pages of
        /// page_size, with next_key = the offset, checking that every page of a slice sends the body of its first page;
        /// <paramref name="shared"/> is listed in every slice (de-duplicated across slices). order/get answers any id.
        /// </summary>
        private sealed class Store
        {
            private readonly Dictionary<string, string> firstBodies = new Dictionary<string, string>();

            public Store(int perSlice, string shared = null, string failing = null)
            {
                PerSlice = perSlice;
                Shared = shared;
                Failing = failing;
                Handler = new ScriptedHandler(Respond);
            }

            public int PerSlice { get; }

            public string Shared { get; }

            public string Failing { get; }

            public ScriptedHandler Handler { get; }

            public List<(long start, long end)> Ranges { get; } = new List<(long, long)>();

            public List<string> BodyMismatches { get; } = new List<string>();

            public int Lists => Handler.Count(ChannelsApi.ListPath);

            public int Gets => Handler.Count(ChannelsApi.GetPath);

            public static string IdOf(long sliceStart, int i) => (3729000000000000000L + (sliceStart % 1000000000L * 1000) + i).ToString(CultureInfo.InvariantCulture);

            private HttpResponseMessage Respond(HttpRequestMessage request, string body, int n)
            {
                var path = request.RequestUri.AbsolutePath;
                if (path == TokenEndpoints.WeChatPath)
                {
                    return Token(n);
                }

                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (path == ChannelsApi.GetPath)
                {
                    var id = root.GetProperty("order_id").GetString();
                    if (id == Failing)
                    {
                        return ScriptedHandler.Json("{\"errcode\":100002,\"errmsg\":\"order not exist\"}");
                    }

                    return ScriptedHandler.Json("{\"errcode\":0,\"errmsg\":\"ok\",\"order\":{\"order_id\":\"" + id + "\",\"status\":20,\"create_time\":1751508922,\"update_time\":1751539200}}");
                }

                var range = root.TryGetProperty("create_time_range", out var c) ? c : root.GetProperty("update_time_range");
                var start = range.GetProperty("start_time").GetInt64();
                var end = range.GetProperty("end_time").GetInt64();
                var key = root.GetProperty("next_key").GetString();
                var size = root.GetProperty("page_size").GetInt32();
                var rest = body.Replace("\"next_key\":\"" + key + "\"", string.Empty);
                lock (Ranges)
                {
                    if (key.Length == 0)
                    {
                        Ranges.Add((start, end));
                        firstBodies[start.ToString(CultureInfo.InvariantCulture)] = rest;
                    }
                    else if (firstBodies[start.ToString(CultureInfo.InvariantCulture)] != rest)
                    {
                        BodyMismatches.Add(body);
                    }
                }

                if (end - start > ChannelsOrderQuery.MaxSliceSeconds)
                {
                    return ScriptedHandler.Json("{\"errcode\":40097,\"errmsg\":\"invalid args, time range exceeds 7 days\"}");
                }

                var offset = key.Length == 0 ? 0 : int.Parse(key, CultureInfo.InvariantCulture);
                var ids = Enumerable.Range(offset, Math.Max(0, Math.Min(size, PerSlice - offset))).Select(i => i == 0 && Shared != null ? Shared : IdOf(start, i)).ToList();
                var more = offset + size < PerSlice;
                return ScriptedHandler.Json("{\"errcode\":0,\"errmsg\":\"ok\",\"order_id_list\":[" + string.Join(",", ids.Select(i => "\"" + i + "\"")) + "],\"next_key\":\"" + (more ? (offset + size).ToString(CultureInfo.InvariantCulture) : string.Empty) + "\",\"has_more\":" + (more ? "true" : "false") + "}");
            }
        }

        private static (List<ChannelsOrder> output, List<ErrorRecord> errors, List<string> warnings) Run(Store store, string script)
        {
            var state = InitialSessionState.CreateDefault2();
            state.Commands.Add(new SessionStateCmdletEntry("Search-ChannelsOrder", typeof(SearchChannelsOrderCommand), null));
            var settings = Settings(ConnectionName);
            ConnectionRegistry.Add(new ApiConnection(settings, new ApiClient(settings, store.Handler)));
            try
            {
                using var runspace = RunspaceFactory.CreateRunspace(state);
                runspace.Open();
                using var ps = PowerShell.Create();
                ps.Runspace = runspace;
                ps.AddScript(script);
                var output = ps.Invoke().Select(o => o.BaseObject).OfType<ChannelsOrder>().ToList();
                return (output, ps.Streams.Error.ToList(), ps.Streams.Warning.Select(w => w.Message).ToList());
            }
            finally
            {
                ConnectionRegistry.Remove(ConnectionName);
            }
        }

        private const string Window30 = "-StartTime ([DateTimeOffset]'2025-07-01T00:00:00+08:00').UtcDateTime -EndTime ([DateTimeOffset]'2025-07-30T23:59:59+08:00').UtcDateTime";

        [Fact]
        public void AThirtyDayWindowIsFiveSlicesEachWalkedWithTheSameBodyAndEachIdReadOnceInListOrder()
        {
            lock (typeof(ChannelsSearchTests))
            {
                var shared = "3729999999999999999";
                var store = new Store(perSlice: 25, shared: shared);
                var (output, errors, warnings) = Run(store, "Search-ChannelsOrder -Connection " + ConnectionName + " " + Window30 + " -PageSize 10 -ThrottleLimit 4 -TimeField Updated");
                Assert.Empty(errors);
                Assert.Empty(warnings);
                var start = new DateTimeOffset(2025, 7, 1, 0, 0, 0, China).ToUnixTimeSeconds();
                Assert.Equal(5, store.Ranges.Count);
                Assert.Equal(start, store.Ranges[0].start);
                Assert.Equal(start + (30 * 86400) - 1, store.Ranges[4].end);
                Assert.All(store.Ranges, r => Assert.InRange(r.end - r.start, 0, ChannelsOrderQuery.MaxSliceSeconds));

                // 3 pages of 10 per slice (25 ids), 5 slices: 15 list requests, every page the same body but next_key.
                Assert.Equal(15, store.Lists);
                Assert.Empty(store.BodyMismatches);
                Assert.All(store.Handler.Bodies.Where(b => b != null && b.Contains("time_range")), b => Assert.Contains("\"update_time_range\"", b));

                // The shared id is listed first in every slice and read once: 5 x 24 + 1 orders.
                var expected = store.Ranges.SelectMany(r => Enumerable.Range(0, 25).Select(i => i == 0 ? shared : Store.IdOf(r.start, i))).Distinct().ToList();
                Assert.Equal(121, expected.Count);
                Assert.Equal(expected, output.Select(o => o.OrderId));
                Assert.Equal(121, store.Gets);
                Assert.All(output, o => Assert.Equal(China, o.UpdateTime.Value.Offset));
            }
        }

        [Fact]
        public void FirstFiveReadsOneListPageAndFiveOrdersAndSkipCountsListEntries()
        {
            lock (typeof(ChannelsSearchTests))
            {
                var store = new Store(perSlice: 250);
                var (output, errors, _) = Run(store, "Search-ChannelsOrder -Connection " + ConnectionName + " " + Window30 + " -First 5");
                Assert.Empty(errors);
                Assert.Equal(5, output.Count);
                Assert.Equal(1, store.Lists);
                Assert.Equal(5, store.Gets);

                var skip = new Store(perSlice: 250);
                var skipped = Run(skip, "Search-ChannelsOrder -Connection " + ConnectionName + " " + Window30 + " -Skip 120 -First 3");
                var first = new DateTimeOffset(2025, 7, 1, 0, 0, 0, China).ToUnixTimeSeconds();
                Assert.Equal(new[] { 120, 121, 122 }.Select(i => Store.IdOf(first, i)), skipped.output.Select(o => o.OrderId));
                Assert.Equal(2, skip.Lists);
                Assert.Equal(3, skip.Gets);
            }
        }

        [Fact]
        public void AFailedReadIsAnErrorRecordNamingTheIdAndTheOthersAreWritten()
        {
            lock (typeof(ChannelsSearchTests))
            {
                var start = new DateTimeOffset(2025, 7, 1, 0, 0, 0, China).ToUnixTimeSeconds();
                var bad = Store.IdOf(start, 3);
                var store = new Store(perSlice: 8, failing: bad);
                var (output, errors, warnings) = Run(store, "Search-ChannelsOrder -Connection " + ConnectionName + " -StartTime ([DateTimeOffset]'2025-07-01T00:00:00+08:00').UtcDateTime -EndTime ([DateTimeOffset]'2025-07-02T00:00:00+08:00').UtcDateTime");
                Assert.Equal(Enumerable.Range(0, 8).Where(i => i != 3).Select(i => Store.IdOf(start, i)), output.Select(o => o.OrderId));
                var error = Assert.Single(errors);
                Assert.Equal(bad, error.TargetObject);
                Assert.Equal("WxApi.100002,WxOrders.Commands.SearchChannelsOrderCommand", error.FullyQualifiedErrorId);
                Assert.Equal("1 of 8 orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.", Assert.Single(warnings));
            }
        }

        [Fact]
        public void BadInputIsRefusedBeforeAnyRequest()
        {
            lock (typeof(ChannelsSearchTests))
            {
                foreach (var args in new[]
                {
                    "-StartTime ([datetime]'2025-07-02') -EndTime ([datetime]'2025-07-01')",
                    "-StartTime (Get-Date).AddDays(1)",
                    "-StartTime ([datetime]'1969-12-31')",
                    "-PageSize 0",
                    "-PageSize 101",
                    "-Status CancelledAfterSale",
                    "-Status 999",
                    "-TimeField Completed",
                    "-OpenId ' '",
                })
                {
                    var store = new Store(perSlice: 1);
                    var (output, errors, _) = Run(store, "Search-ChannelsOrder -Connection " + ConnectionName + " " + args);
                    Assert.Empty(output);
                    Assert.Single(errors);
                    Assert.Empty(store.Handler.Urls);
                }
            }
        }
    }
}
