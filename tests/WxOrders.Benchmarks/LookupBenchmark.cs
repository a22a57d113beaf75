using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using static WxOrders.Benchmarks.Stats;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// Lookups: 2,000 Get-ShopOrder ids piped in real PowerShell against a sandbox with 20 ms latency on the order
    /// endpoint (not on the token endpoint), ThrottleLimit 1 and 16, against the latency limit
    /// ids x latency / ThrottleLimit. Target: at ThrottleLimit 16, at least 90% of the limit's throughput.
    /// </summary>
    internal static class LookupBenchmark
    {
        public const int Ids = 2000;
        public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);
        private const double Target = 0.90;

        public static void Run(BenchOptions options, Report report)
        {
            var delivered = MeasureTimerDelay(Latency, options.Quick ? 20 : 100);
            Console.WriteLine("   Task.Delay(" + Latency.TotalMilliseconds + " ms) on this machine takes " + N2(delivered) + " ms (median): the sandbox's latency as delivered.");

            using (var ps = new HostedPowerShell(options))
            {
                ps.Run("$sb = Start-WxOrdersSandbox -Latency ([TimeSpan]::FromMilliseconds(" + Latency.TotalMilliseconds + ")) -OrderCount " + Ids + "; " +
                       "$null = Connect-WxOrders -Sandbox $sb; $keys = $sb.GetShopOrderSamples(" + Ids + ")");

                // Warm-up: JIT, connections, the token (fetched once by Connect, at no latency).
                var warm = ps.RunCount("$keys[0..399] | Get-ShopOrder -ThrottleLimit 16 | Measure-BenchSink -ExpectType WxOrders.ShopOrder");
                if (warm != 400)
                {
                    throw new InvalidOperationException("The warm-up returned " + warm + " orders instead of 400.");
                }

                foreach (var throttle in new[] { 1, 16 })
                {
                    var runs = options.Quick ? 1 : throttle == 1 ? 3 : 7;
                    var seconds = new List<double>();
                    for (var r = 0; r < runs; r++)
                    {
                        ps.Run("$sb.ResetCounters()");
                        var watch = Stopwatch.StartNew();
                        var count = ps.RunCount("$keys | Get-ShopOrder -ThrottleLimit " + throttle + " | Measure-BenchSink -ExpectType WxOrders.ShopOrder");
                        watch.Stop();
                        var requests = ps.RunCount("$sb.GetRequestCount('/shop/order/get')");
                        if (count != Ids || requests != Ids)
                        {
                            throw new InvalidOperationException("ThrottleLimit " + throttle + ": " + count + " orders from " + requests + " requests, expected " + Ids + " of each.");
                        }

                        seconds.Add(watch.Elapsed.TotalSeconds);
                        Console.WriteLine("   ThrottleLimit " + throttle + " run " + (r + 1) + ": " + N2(watch.Elapsed.TotalSeconds) + " s, " + N1(Ids / watch.Elapsed.TotalSeconds) + " orders/s");
                    }

                    var median = Median(seconds);
                    var rate = Ids / median;
                    var limitSeconds = Ids * Latency.TotalSeconds / throttle;
                    var limitRate = Ids / limitSeconds;
                    var fraction = rate / limitRate;
                    report.Add(new Row(
                        "Lookups",
                        "2,000 Get-ShopOrder ids, 20 ms latency, ThrottleLimit " + throttle,
                        N1(rate) + " orders/s (" + N2(median) + " s, median of " + runs + ")",
                        "limit " + N1(limitRate) + " orders/s (" + N2(limitSeconds) + " s) -> " + Pct(fraction) + " of the limit",
                        throttle == 16 ? ">= 90% of the limit" : "(reference)",
                        throttle == 16 ? (fraction >= Target ? "met" : "NOT MET") : "reference"));
                }
            }

            report.Add(new Row("Lookups", "sandbox latency as delivered (Task.Delay(20 ms), median)", N2(delivered) + " ms", "", "(context)", "reference"));
        }

        /// <summary>How long Task.Delay(latency) really takes here (the timer's granularity adds to every request).</summary>
        internal static double MeasureTimerDelay(TimeSpan latency, int samples)
        {
            var times = new List<double>(samples);
            for (var i = 0; i < samples; i++)
            {
                var watch = Stopwatch.StartNew();
                Task.Delay(latency).GetAwaiter().GetResult();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            return Median(times);
        }
    }
}
