using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using static WxOrders.Benchmarks.Stats;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// Search: Search-UnionOrder over a sandbox of 20,000 and of 100,000 union orders, PageSize 200, no latency:
    /// orders per second through the pipeline, and peak managed memory growth (flat as the count grows).
    /// Targets: at least 50,000 orders/s; growth under 64 MB. The sandbox runs in this process, so the memory figure
    /// is client and server together: an upper bound of the client's.
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

                var growths = new List<long>();
                foreach (var count in Counts)
                {
                    ps.Run("Stop-WxOrdersSandbox; Disconnect-WxOrders; $sb = Start-WxOrdersSandbox -OrderCount " + count + "; $null = Connect-WxOrders -Sandbox $sb");

                    // Warm-up: JIT, connection, and the sandbox's own lazily built data, before any baseline is taken.
                    ps.RunCount(Command + " -PageSize 200 | Measure-BenchSink");

                    var runs = options.Quick ? 1 : 3;
                    var seconds = new List<double>();
                    var peaks = new List<long>();
                    long returned = 0;
                    for (var r = 0; r < runs; r++)
                    {
                        GC.Collect(2, GCCollectionMode.Forced, true, true);
                        GC.WaitForPendingFinalizers();
                        var baseline = GC.GetTotalMemory(true);
                        using (var sampler = new PeakSampler(baseline))
                        {
                            var watch = Stopwatch.StartNew();
                            returned = ps.RunCount(Command + " -PageSize 200 | Measure-BenchSink");
                            watch.Stop();
                            sampler.Stop();
                            var retained = GC.GetTotalMemory(true) - baseline;
                            seconds.Add(watch.Elapsed.TotalSeconds);
                            peaks.Add(sampler.PeakGrowth);
                            Console.WriteLine("   " + N0(count) + " orders, run " + (r + 1) + ": " + N0(returned) + " returned in " + N2(watch.Elapsed.TotalSeconds) + " s, "
                                + N0(returned / watch.Elapsed.TotalSeconds) + " orders/s, peak growth " + Mb(sampler.PeakGrowth) + " (" + sampler.Samples + " samples), retained after GC " + Mb(retained));
                        }
                    }

                    var rate = returned / Median(seconds);
                    var peak = peaks.Max();
                    growths.Add(peak);
                    var countNote = returned == count ? string.Empty : " (returned " + N0(returned) + " of " + N0(count) + "!)";
                    var met = rate >= TargetRate && peak < TargetBytes && returned == count;
                    report.Add(new Row(
                        "Search",
                        N0(count) + " union orders, PageSize 200, no latency",
                        N0(rate) + " orders/s (median of " + runs + ")" + countNote + "; peak managed memory growth " + Mb(peak) + " (highest of " + runs + ")",
                        "client and in-process sandbox together",
                        ">= 50,000 orders/s; growth < 64 MB",
                        met ? "met" : "NOT MET"));
                }

                var flat = growths.Count == 2 && growths[1] < Math.Max(growths[0] * 1.5, growths[0] + (16L * 1024 * 1024));
                report.Add(new Row("Search", "memory flat as the count grows (20,000 -> 100,000)", Mb(growths[0]) + " -> " + Mb(growths[1]), "5x the orders", "flat", flat ? "met" : "NOT MET"));
            }
        }

        /// <summary>Samples GC.GetTotalMemory(false) (live objects and garbage not yet collected) every 2 ms.</summary>
        private sealed class PeakSampler : IDisposable
        {
            private readonly long baseline;
            private readonly Thread thread;
            private volatile bool stop;
            private long peak;

            public PeakSampler(long baseline)
            {
                this.baseline = baseline;
                peak = baseline;
                thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler" };
                thread.Start();
            }

            public long PeakGrowth => Math.Max(0, Interlocked.Read(ref peak) - baseline);

            public int Samples { get; private set; }

            public void Stop()
            {
                stop = true;
                thread.Join();
            }

            public void Dispose() => Stop();

            private void Loop()
            {
                while (!stop)
                {
                    var now = GC.GetTotalMemory(false);
                    if (now > Interlocked.Read(ref peak))
                    {
                        Interlocked.Exchange(ref peak, now);
                    }

                    Samples++;
                    Thread.Sleep(2);
                }
            }
        }
    }
}
