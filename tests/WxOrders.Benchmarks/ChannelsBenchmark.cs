using System;
using System.Collections.Generic;
using System.Diagnostics;
using static WxOrders.Benchmarks.Stats;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// The WeChat Store (Channels) row, measured like the lookups part: real PowerShell against a sandbox of 2,000 store
    /// orders with 20 ms latency on every order endpoint (the list and order/get; not on the token endpoint).
    /// Lookups: the 2,000 ids piped to Get-ChannelsOrder at ThrottleLimit 16, against the latency limit
    /// ids x latency / ThrottleLimit. Search: Search-ChannelsOrder over the window that holds the 2,000 orders
    /// (creation time, cut into 7-day slices, PageSize 100) at ThrottleLimit 16: the list is one page at a time (each
    /// cursor comes with the page before) and overlaps the reads, so the limit is one list page (nothing can be read
    /// before it) plus ids x latency / ThrottleLimit for the reads. Target for both: at least 90% of the limit.
    /// </summary>
    internal static class ChannelsBenchmark
    {
        public const int Ids = 2000;
        public const int Throttle = 16;
        public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);
        private const double Target = 0.90;

        public static void Run(BenchOptions options, Report report)
        {
            using (var ps = new HostedPowerShell(options))
            {
                if (!ps.HasCommand("Search-ChannelsOrder"))
                {
                    report.Add(new Row("Channels", "2,000 store orders, 20 ms latency", "not available (Search-ChannelsOrder not built)", "", ">= 90% of the limit", "pending"));
                    return;
                }

                ps.Run("$sb = Start-WxOrdersSandbox -Latency ([TimeSpan]::FromMilliseconds(" + Latency.TotalMilliseconds + ")) -OrderCount " + Ids + "; " +
                       "$null = Connect-WxOrders -Sandbox $sb; $ids = $sb.GetChannelsOrderIds(" + Ids + "); " +
                       "$newest = (Get-ChannelsOrder -OrderId $ids[0]).CreateTime; $oldest = (Get-ChannelsOrder -OrderId $ids[-1]).CreateTime");

                // The window that holds exactly the data set's orders (oldest to newest creation), as UTC instants.
                const string Search = "Search-ChannelsOrder -StartTime $oldest.UtcDateTime -EndTime $newest.UtcDateTime -ThrottleLimit 16";

                // Warm-up: JIT, connections, both cmdlets' paths.
                var warm = ps.RunCount("$ids[0..399] | Get-ChannelsOrder -ThrottleLimit 16 | Measure-BenchSink -ExpectType WxOrders.ChannelsOrder");
                var warmSearch = ps.RunCount(Search + " -First 400 | Measure-BenchSink -ExpectType WxOrders.ChannelsOrder");
                if (warm != 400 || warmSearch != 400)
                {
                    throw new InvalidOperationException("The warm-up returned " + warm + " and " + warmSearch + " orders instead of 400 each.");
                }

                var runs = options.Quick ? 1 : 5;

                // Lookups.
                var lookupSeconds = new List<double>();
                for (var r = 0; r < runs; r++)
                {
                    ps.Run("$sb.ResetCounters()");
                    var watch = Stopwatch.StartNew();
                    var count = ps.RunCount("$ids | Get-ChannelsOrder -ThrottleLimit " + Throttle + " | Measure-BenchSink -ExpectType WxOrders.ChannelsOrder");
                    watch.Stop();
                    var gets = ps.RunCount("$sb.GetRequestCount('/channels/ec/order/get')");
                    if (count != Ids || gets != Ids)
                    {
                        throw new InvalidOperationException("Get-ChannelsOrder: " + count + " orders from " + gets + " requests, expected " + Ids + " of each.");
                    }

                    lookupSeconds.Add(watch.Elapsed.TotalSeconds);
                    Console.WriteLine("   Get-ChannelsOrder run " + (r + 1) + ": " + N2(watch.Elapsed.TotalSeconds) + " s, " + N1(Ids / watch.Elapsed.TotalSeconds) + " orders/s");
                }

                var lookupMedian = Median(lookupSeconds);
                var lookupLimit = Ids * Latency.TotalSeconds / Throttle;
                var lookupFraction = lookupLimit / lookupMedian;
                report.Add(new Row(
                    "Channels",
                    "2,000 Get-ChannelsOrder ids, 20 ms latency, ThrottleLimit 16",
                    N1(Ids / lookupMedian) + " orders/s (" + N2(lookupMedian) + " s, median of " + runs + ")",
                    "limit " + N1(Ids / lookupLimit) + " orders/s (" + N2(lookupLimit) + " s) -> " + Pct(lookupFraction) + " of the limit",
                    ">= 90% of the limit",
                    lookupFraction >= Target ? "met" : "NOT MET"));

                // Search: list + get.
                var searchSeconds = new List<double>();
                long lists = 0;
                for (var r = 0; r < runs; r++)
                {
                    ps.Run("$sb.ResetCounters()");
                    var watch = Stopwatch.StartNew();
                    var count = ps.RunCount(Search + " | Measure-BenchSink -ExpectType WxOrders.ChannelsOrder");
                    watch.Stop();
                    lists = ps.RunCount("$sb.GetRequestCount('/channels/ec/order/list/get')");
                    var gets = ps.RunCount("$sb.GetRequestCount('/channels/ec/order/get')");
                    if (count != Ids || gets != Ids)
                    {
                        throw new InvalidOperationException("Search-ChannelsOrder: " + count + " orders from " + gets + " order/get requests, expected " + Ids + " of each.");
                    }

                    searchSeconds.Add(watch.Elapsed.TotalSeconds);
                    Console.WriteLine("   Search-ChannelsOrder run " + (r + 1) + ": " + N2(watch.Elapsed.TotalSeconds) + " s, " + N1(Ids / watch.Elapsed.TotalSeconds) + " orders/s, " + lists + " list requests");
                }

                var searchMedian = Median(searchSeconds);
                var searchLimit = Latency.TotalSeconds + (Ids * Latency.TotalSeconds / Throttle);
                var searchFraction = searchLimit / searchMedian;
                var sequential = (lists + (Ids / (double)Throttle)) * Latency.TotalSeconds;
                report.Add(new Row(
                    "Channels",
                    "Search-ChannelsOrder of 2,000 orders (list + get: " + lists + " list pages in 7-day slices, PageSize 100), 20 ms latency, ThrottleLimit 16",
                    N1(Ids / searchMedian) + " orders/s (" + N2(searchMedian) + " s, median of " + runs + ")",
                    "limit " + N1(Ids / searchLimit) + " orders/s (" + N2(searchLimit) + " s: one list page, then the reads) -> " + Pct(searchFraction) + " of the limit; list and reads one after the other would take " + N2(sequential) + " s",
                    ">= 90% of the limit",
                    searchFraction >= Target ? "met" : "NOT MET"));
            }
        }
    }
}
