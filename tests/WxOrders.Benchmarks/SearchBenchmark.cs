using System;
using System.Collections.Generic;
using System.Diagnostics;
using static WxOrders.Benchmarks.Stats;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// Search: Search-UnionOrder over a sandbox of 20,000 and of 100,000 union orders, PageSize 200, no latency:
    /// orders per second through the pipeline, and peak managed memory growth (flat as the count grows).
    /// Targets: at least 50,000 orders/s; growth under 64 MB. Two memory figures, both against a baseline after a
    /// full collection: the peak of GC.GetTotalMemory(false) sampled during the timed runs (everything allocated
    /// and not yet collected: the figure the 64 MB target is judged on), and the live heap mid-stream from a
    /// separate run whose sink forces a full collection every 2,000 orders (what the pipeline really holds: the
    /// figure "flat" is judged on). The sandbox runs in this process, so both are client and server together.
    /// </summary>
    internal static class SearchBenchmark
    {
        public const string Command = "Search-UnionOrder";
        private static readonly int[] Counts = { 20000, 100000 };
        private const double TargetRate = 50000;
        private const long TargetBytes = 64L * 1024 * 1024;

        public static void Run(BenchOptions options, Report report)
        {
            using (var ps = new HostedPowerShell(options))
            {
                if (!ps.HasCommand(Command))
                {
                    foreach (var count in Counts)
                    {
                        report.Add(new Row("Search", N0(count) + " union orders, PageSize 200", "not available (Search-UnionOrder not built)", "", ">= 50,000 orders/s; growth < 64 MB, flat", "pending"));
                    }

                    return;
                }

                var lives = new List<long>();
                foreach (var count in Counts)
                {
                    ps.Run("Stop-WxOrdersSandbox; Disconnect-WxOrders; $sb = Start-WxOrdersSandbox -OrderCount " + count + "; $null = Connect-WxOrders -Sandbox $sb");

                    // Warm-up (two whole walks): JIT and tiering, connection, the GC's budgets, and the sandbox's own lazily
                    // built data, before any baseline is taken.
                    for (var w = 0; w < 2; w++)
                    {
                        ps.RunCount(Command + " -PageSize 200 | Measure-BenchSink");
                    }

                    // Throughput runs: nothing but the pipeline, and a sampler of the heap (incl. uncollected garbage).
                    var runs = options.Quick ? 1 : 5;
                    var seconds = new List<double>();
                    var totals = new List<long>();
                    long returned = 0;
                    for (var r = 0; r < runs; r++)
                    {
                        var baseline = Memory.FullCollect();
                        using (var sampler = new PeakSampler(baseline))
                        {
                            var watch = Stopwatch.StartNew();
                            returned = ps.RunCount(Command + " -PageSize 200 | Measure-BenchSink");
                            watch.Stop();
                            sampler.Stop();
                            seconds.Add(watch.Elapsed.TotalSeconds);
                            totals.Add(sampler.PeakGrowth);
                            Console.WriteLine("   " + N0(count) + " orders, run " + (r + 1) + ": " + N0(returned) + " in " + N2(watch.Elapsed.TotalSeconds) + " s, "
                                + N0(returned / watch.Elapsed.TotalSeconds) + " orders/s; peak heap growth incl. not-yet-collected garbage " + Mb(sampler.PeakGrowth)
                                + " (" + sampler.Samples + " samples, " + sampler.Collections + " GCs)");
                        }
                    }

                    // Memory run: a full collection every 2,000 orders in the sink, reading what the pipeline holds.
                    var memoryBaseline = Memory.FullCollect();
                    var memoryCount = ps.RunCount(Command + " -PageSize 200 | Measure-BenchSink -CollectEvery 2000");
                    var live = Math.Max(0, MeasureBenchSinkCommand.PeakLiveBytes - memoryBaseline);
                    var retained = Math.Max(0, Memory.FullCollect() - memoryBaseline);
                    Console.WriteLine("   " + N0(count) + " orders, memory run: " + N0(memoryCount) + " orders; peak live heap growth " + Mb(live) + " (full GC every 2,000 orders); retained after the run " + Mb(retained));

                    var rate = returned / Median(seconds);
                    var garbage = Max(totals);
                    lives.Add(live);
                    var countNote = returned == count ? string.Empty : " (returned " + N0(returned) + " of " + N0(count) + "!)";
                    var met = rate >= TargetRate && garbage < TargetBytes && returned == count;
                    report.Add(new Row(
                        "Search",
                        N0(count) + " union orders, PageSize 200, no latency",
                        N0(rate) + " orders/s (median of " + runs + ")" + countNote + "; peak managed memory growth " + Mb(garbage) + " (incl. not-yet-collected garbage, highest of " + runs + ")",
                        "live heap growth mid-stream (full GC every 2,000 orders): " + Mb(live) + "; client and in-process sandbox together",
                        ">= 50,000 orders/s; growth < 64 MB",
                        met ? "met" : "NOT MET"));
                }

                // Flat: five times the orders may not hold more than a little more (25% and 4 MB of slack for noise).
                var flat = lives[1] <= (lives[0] * 1.25) + (4L * 1024 * 1024);
                report.Add(new Row("Search", "live memory flat as the count grows (20,000 -> 100,000 orders)", Mb(lives[0]) + " -> " + Mb(lives[1]), "5x the orders", "flat", flat ? "met" : "NOT MET"));
            }
        }

        private static long Max(List<long> values)
        {
            var max = 0L;
            foreach (var v in values)
            {
                max = Math.Max(max, v);
            }

            return max;
        }
    }
}
