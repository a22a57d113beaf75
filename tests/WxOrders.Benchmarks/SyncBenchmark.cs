using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using static WxOrders.Benchmarks.Stats;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// Sync: a checkpointed first run (every order is a change) against a sandbox with 20 ms latency on its order
    /// endpoints.
    /// <list type="bullet">
    /// <item>Union: 100,000 orders, <c>Search-UnionOrder -Checkpoint -Since -Lag 0 -PageSize 200</c> at the default
    /// ThrottleLimit (8) and at 16. The walk reads page 1 alone (it needs the total), then keeps ThrottleLimit pages in
    /// flight (NumberedPageWalk), so the latency limit is L x (1 + ceil((P - 1) / T)) for P pages.</item>
    /// <item>Wshoto: 20,000 orders, <c>Search-WshotoOrder -Checkpoint -Since -Lag 0</c> (list pages of 100, then each
    /// order read with the detail endpoint, ThrottleLimit at once) at ThrottleLimit 8 and 16. The first list page comes
    /// alone, the other list pages are read ahead while details are read (DetailedSearchRun), so the limit is
    /// L x (1 + ceil(N / T)).</item>
    /// </list>
    /// Memory: the live heap after a full collection at three points of a run (Measure-BenchSink -SampleAt), against a
    /// baseline after a full collection, with and without -Checkpoint; the working set at the same points; the peak
    /// of GC.GetTotalMemory(false) (incl. garbage) during the timed runs. The sandbox runs in this process: client and
    /// server together. Checkpoint: the file's size before and after Complete-WxOrderCheckpoint, and a steady-state
    /// file whose overlap holds the 2,500 changes of 15 minutes at 10,000 an hour, made by real runs (see
    /// <see cref="SteadyState"/>). Targets: at least 80% of the latency limit; memory flat; that checkpoint under 1 MB.
    /// </summary>
    internal static class SyncBenchmark
    {
        public const int UnionCount = 100000;
        public const int UnionPageSize = 200;
        public const int WshotoCount = 20000;

        /// <summary>Search-WshotoOrder's default -PageSize (the list's maximum is undocumented).</summary>
        public const int WshotoPageSize = 100;

        /// <summary>10,000 changes an hour, 15 minutes of overlap.</summary>
        public const int SteadyEntries = 2500;

        public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

        /// <summary>
        /// Before every update time of the sandbox's data: Wshoto orders are created from 2024-01-01 on, union payments
        /// from about 2025-03-10 on (at 100,000 orders), and every update follows its creation or payment.
        /// </summary>
        public static readonly DateTimeOffset Since = new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));

        private const string UnionPath = "/union/promoter/order/search";
        private const string WshotoListPath = "/openapi/mall/order/list";
        private const string WshotoDetailPath = "/openapi/mall/order/detail";
        private const double TargetFraction = 0.80;
        private const long TargetCheckpointBytes = 1024 * 1024;
        private const int DefaultThrottleLimit = 8;

        /// <summary>Live heap growth per order a checkpointed run may add to the same walk without -Checkpoint (noise).</summary>
        private const int FlatSlackBytesPerOrder = 16;

        public static void Run(BenchOptions options, Report report)
        {
            var loadBefore = LoadAverage();
            var delivered = LookupBenchmark.MeasureTimerDelay(Latency, options.Quick ? 20 : 100);
            Console.WriteLine("   load average " + loadBefore + "; Task.Delay(" + Latency.TotalMilliseconds + " ms) takes " + N2(delivered) + " ms (median): the sandbox's latency as delivered.");

            var dir = Path.Combine(Path.GetTempPath(), "wxorders-bench-sync-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            try
            {
                using (var ps = new HostedPowerShell(options))
                {
                    ps.SetVariable("since", Since.UtcDateTime);
                    var files = new Files(dir);
                    Union(ps, options, report, files);
                    Wshoto(ps, options, report, files);
                    foreach (var source in new[] { "Union", "Wshoto" })
                    {
                        LiveSteadyState(ps, report, files, source);
                    }
                }
            }
            finally
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                }
            }

            report.Add(new Row("Sync", "machine load during the part (/proc/loadavg: 1, 5, 15 min)", "start " + loadBefore + "; end " + LoadAverage(), "Task.Delay(20 ms) takes " + N2(delivered) + " ms (median)", "(context)", "reference"));
        }

        private static void Union(HostedPowerShell ps, BenchOptions options, Report report, Files files)
        {
            if (!ps.HasCommand("Search-UnionOrder"))
            {
                report.Add(new Row("Sync", "100,000 union changes", "not available (Search-UnionOrder not built)", "", ">= 80% of the latency limit", "pending"));
                return;
            }

            var checkpointed = ps.HasParameter("Search-UnionOrder", "Checkpoint");
            var what = checkpointed ? "checkpointed (-Checkpoint, -Lag 0)" : "NOT checkpointed (this build has no -Checkpoint: the same walk by -CommissionUpdateStartTime/-EndTime)";
            var startSeconds = StartSandbox(ps, UnionCount);

            // The first request by update time makes the sandbox sort its orders by that time (once, lazily): timed
            // apart, as start-up. Then two warm-up walks (JIT, connections, the GC's budgets).
            var first = Stopwatch.StartNew();
            ps.RunCount("Search-UnionOrder -CommissionUpdateStartTime $since -CommissionUpdateEndTime ([DateTime]::UtcNow) -First 1 | Measure-BenchSink");
            var firstSeconds = first.Elapsed.TotalSeconds;
            for (var w = 0; w < 2; w++)
            {
                Walk(ps, UnionCommand(checkpointed, null, files.Next("union-warm")), UnionCount, "WxOrders.UnionOrder");
            }

            Console.WriteLine("   union sandbox (" + N0(UnionCount) + " orders) started and connected in " + N2(startSeconds) + " s; first page by update time (incl. the sandbox's sort) " + N2(firstSeconds) + " s");
            report.Add(new Row("Sync", "sandbox start-up, " + N0(UnionCount) + " union orders", N2(startSeconds) + " s (Start-WxOrdersSandbox + Connect-WxOrders)", "first page by update time, incl. the sandbox's one-time sort of the orders by that time: " + N2(firstSeconds) + " s", "(context)", "reference"));

            var pages = (UnionCount + UnionPageSize - 1) / UnionPageSize;
            foreach (var throttle in new int?[] { null, 16 })
            {
                var t = throttle ?? DefaultThrottleLimit;
                var runs = options.Quick ? 1 : 3;
                var seconds = new List<double>();
                var peaks = new List<long>();
                var workingSets = new List<long>();
                var requestCounts = new List<long>();
                CheckpointFacts facts = null;
                for (var r = 0; r < runs; r++)
                {
                    var cp = files.Next("union-t" + t);
                    ps.Run("$sb.ResetCounters()");
                    var baseline = Memory.FullCollect();
                    double elapsed;
                    using (var sampler = new PeakSampler(baseline))
                    {
                        var watch = Stopwatch.StartNew();
                        Walk(ps, UnionCommand(checkpointed, throttle, cp), UnionCount, "WxOrders.UnionOrder");
                        elapsed = watch.Elapsed.TotalSeconds;
                        sampler.Stop();
                        peaks.Add(sampler.PeakGrowth);
                        workingSets.Add(sampler.PeakWorkingSet);
                    }

                    seconds.Add(elapsed);
                    var requests = ps.RunCount("$sb.GetRequestCount('" + UnionPath + "')");
                    requestCounts.Add(requests);
                    if (checkpointed)
                    {
                        facts = CompleteAndMeasure(ps, cp, UnionCount);
                    }

                    Console.WriteLine("   union ThrottleLimit " + t + " run " + (r + 1) + ": " + N0(UnionCount) + " orders in " + N2(elapsed) + " s, " + N0(UnionCount / elapsed) + " orders/s, "
                        + requests + " page requests; peak heap growth incl. garbage " + Mb(peaks[r]) + ", peak working set " + Mb(workingSets[r])
                        + (facts == null ? string.Empty : "; checkpoint " + facts));
                }

                var median = Median(seconds);
                var rate = UnionCount / median;
                var rounds = 1 + (((pages - 1) + t - 1) / t);
                var limitSeconds = rounds * Latency.TotalSeconds;
                var limitRate = UnionCount / limitSeconds;
                var fraction = rate / limitRate;
                var requestNote = requestCounts.All(c => c == pages) ? N0(pages) + " page requests per run" : "page requests per run: " + string.Join(", ", requestCounts) + " (expected " + pages + ")";
                report.Add(new Row(
                    "Sync",
                    N0(UnionCount) + " union changes, " + what + ", PageSize 200, 20 ms latency, ThrottleLimit " + t + (throttle == null ? " (default)" : string.Empty),
                    N0(rate) + " orders/s (" + N2(median) + " s, median of " + runs + "; runs " + List(seconds, N2) + " s); peak managed memory growth " + Mb(peaks.Max()) + " incl. not-yet-collected garbage; peak working set " + Mb(workingSets.Max()),
                    "limit " + N0(limitRate) + " orders/s (" + N2(limitSeconds) + " s = 20 ms x (1 + ceil(" + (pages - 1) + " / " + t + ")) page rounds) -> " + Pct(fraction) + " of the limit; " + requestNote,
                    ">= 80% of the limit",
                    !checkpointed ? "pending (no -Checkpoint)" : fraction >= TargetFraction ? "met" : "NOT MET"));
                if (facts != null)
                {
                    report.Add(CheckpointRow("union", UnionCount, t, facts, "the window ends now (-Lag 0) and the data's changes end in 2025, so the last 15 minutes (the overlap) hold none: the steady-state row below is the figure for the target"));
                }
            }

            // Memory at 20k, 50k and 100k orders of one run, with and without the checkpoint.
            var shown = new long[] { 20000, 50000, 100000 };
            var at = Enumerable.Range(1, 10).Select(k => k * 10000L).Union(shown).OrderBy(x => x).ToArray();
            var withCp = MemoryRun(ps, UnionCommand(checkpointed, null, files.Next("union-mem"), at), UnionCount, "WxOrders.UnionOrder");
            if (checkpointed)
            {
                CompleteAndMeasure(ps, files.Current, UnionCount);
            }

            var without = checkpointed ? MemoryRun(ps, UnionCommand(false, null, null, at), UnionCount, "WxOrders.UnionOrder") : null;
            report.Add(MemoryRow("union", UnionCount, checkpointed, withCp, without, shown));

            if (checkpointed)
            {
                SteadyState(ps, report, files);
            }

            CpuCeiling(ps, options, report, files, checkpointed);
            WalkerAlone(options, report, pages);
        }

        /// <summary>
        /// The walk alone: NumberedPageWalk over pages that are only a Task.Delay(20 ms) (no HTTP, no sandbox, no JSON, no
        /// pipeline), consumed in page order as the cmdlet does. What the walk's window (ThrottleLimit pages held,
        /// arrived or not, refilled as the head page is taken) reaches with the timer's jitter on this machine.
        /// </summary>
        private static void WalkerAlone(BenchOptions options, Report report, int pages)
        {
            var items = Enumerable.Range(0, UnionPageSize).Select(i => new object()).ToList();
            foreach (var t in new[] { DefaultThrottleLimit, 16 })
            {
                var seconds = new List<double>();
                for (var r = 0; r < (options.Quick ? 1 : 3); r++)
                {
                    var watch = Stopwatch.StartNew();
                    using (var walk = new WxOrders.Paging.NumberedPageWalk<object>(
                        async (n, ct) =>
                        {
                            await System.Threading.Tasks.Task.Delay(Latency, ct).ConfigureAwait(false);
                            return new WxOrders.Paging.ApiPage<object>(n, items, UnionCount);
                        },
                        _ => null,
                        UnionPageSize,
                        0,
                        ulong.MaxValue,
                        t,
                        false,
                        System.Threading.CancellationToken.None))
                    {
                        var read = 0;
                        while (walk.TryNext(out var page))
                        {
                            page.Task.Wait();
                            walk.Complete(page);
                            read++;
                        }

                        if (read != pages)
                        {
                            throw new InvalidOperationException("The walk alone read " + read + " pages instead of " + pages + ".");
                        }
                    }

                    seconds.Add(watch.Elapsed.TotalSeconds);
                }

                var limitSeconds = (1 + (((pages - 1) + t - 1) / t)) * Latency.TotalSeconds;
                var median = Median(seconds);
                report.Add(new Row(
                    "Sync",
                    "the walk alone: NumberedPageWalk, " + pages + " pages of Task.Delay(20 ms), ThrottleLimit " + t + " (no HTTP, sandbox, JSON or pipeline)",
                    N2(median) + " s (median of " + seconds.Count + "; runs " + List(seconds, N2) + " s)",
                    "limit " + N2(limitSeconds) + " s -> " + Pct(limitSeconds / median) + " of the limit",
                    "(context)",
                    "reference"));
            }
        }

        /// <summary>
        /// The same checkpointed walk with no latency: what client, sandbox and engine can do on this machine's CPU at
        /// the time, the ceiling any latency-bound figure is capped by (on a shared machine it moves with the load).
        /// </summary>
        private static void CpuCeiling(HostedPowerShell ps, BenchOptions options, Report report, Files files, bool checkpointed)
        {
            ps.Run("Stop-WxOrdersSandbox; Disconnect-WxOrders; $sb = Start-WxOrdersSandbox -OrderCount " + UnionCount + "; $null = Connect-WxOrders -Sandbox $sb");
            Walk(ps, UnionCommand(checkpointed, 16, files.Next("union-cpu")), UnionCount, "WxOrders.UnionOrder");
            var seconds = new List<double>();
            var cpu = new List<double>();
            for (var r = 0; r < (options.Quick ? 1 : 3); r++)
            {
                var cp = files.Next("union-cpu");
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                Walk(ps, UnionCommand(checkpointed, 16, cp), UnionCount, "WxOrders.UnionOrder");
                seconds.Add(watch.Elapsed.TotalSeconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            }

            var rate = UnionCount / Median(seconds);
            Console.WriteLine("   no latency, ThrottleLimit 16: runs " + List(seconds, N2) + " s, CPU " + List(cpu, N2) + " s");
            report.Add(new Row(
                "Sync",
                "CPU ceiling: the same " + N0(UnionCount) + "-change union walk" + (checkpointed ? " (checkpointed)" : string.Empty) + " with no latency, ThrottleLimit 16",
                N0(rate) + " orders/s (" + N2(Median(seconds)) + " s, median of " + seconds.Count + ")",
                "CPU time of the process (client, sandbox, engine) per walk: " + List(cpu, N2) + " s, " + N1(Median(cpu) * 1e6 / UnionCount) + " µs per order",
                "(context)",
                "reference"));
        }

        /// <summary>
        /// The checkpoint of a steady sync: 15 minutes of overlap at 10,000 changes an hour is 2,500 entries. The
        /// sandbox's static union data has about 30 changes an hour, so instead of a sandbox with that density, real
        /// runs over the 100,000 changes choose -Lag and -Overlap so that the overlap holds the 2,500 newest: the file's
        /// size depends on the entries it holds, not on how long they took to happen. (1) One run with an overlap of
        /// 3,650 days keeps every change: its file gives the update times. (2) A run on a fresh file whose window ends
        /// one second after the newest change (-Lag = now - that) with an -Overlap back to the 2,500th newest, then
        /// Complete: the committed state of a steady sync. (3) The next run on it re-reads those 2,500 (all repeats):
        /// its file holds the committed and the pending overlap, the largest a steady checkpoint gets; then Complete.
        /// </summary>
        private static void SteadyState(HostedPowerShell ps, Report report, Files files)
        {
            var all = files.Next("union-all");
            Walk(ps, "Search-UnionOrder -Checkpoint '" + all + "' -Since $since -Lag 0 -Overlap ([TimeSpan]::FromDays(3650)) -PageSize 200 | Measure-BenchSink", UnionCount, null);
            var allFacts = CompleteAndMeasure(ps, all, UnionCount);
            var times = WindowTimes(all).OrderByDescending(x => x).ToList();
            if (times.Count < SteadyEntries)
            {
                throw new InvalidOperationException("The 1,000-day overlap kept " + times.Count + " entries, fewer than " + SteadyEntries + ".");
            }

            var end = times[0].AddSeconds(1);
            var overlap = (end - times[SteadyEntries - 1]) + TimeSpan.FromMilliseconds(500);
            ps.SetVariable("steadyEnd", end);
            ps.SetVariable("steadyOverlap", overlap);
            var steady = files.Next("union-steady");
            var command = "$lag = [DateTimeOffset]::UtcNow - $steadyEnd; Search-UnionOrder -Checkpoint '" + steady + "' -Since $since -Lag $lag -Overlap $steadyOverlap -PageSize 200 | Measure-BenchSink";
            Walk(ps, command, UnionCount, null);
            var committed = CompleteAndMeasure(ps, steady, UnionCount);
            var again = ps.RunCount(command);
            var pending = Facts(ps, steady);
            var sizePending = new FileInfo(steady).Length;
            ps.Run("Complete-WxOrderCheckpoint -Path '" + steady + "'");
            var sizeAfter = new FileInfo(steady).Length;
            var perEntry = (allFacts.SizeAfterComplete - committed.SizeAfterComplete) / (double)(allFacts.Kept - committed.Kept);
            Console.WriteLine("   steady state: overlap " + overlap + " ends " + end.ToString("u", CultureInfo.InvariantCulture) + "; committed " + committed.Kept + " entries, " + N0(committed.SizeAfterComplete)
                + " bytes; next run wrote " + again + " (" + pending.Repeats + " repeats), pending " + pending.Kept + " entries, file " + N0(sizePending) + " bytes, after Complete " + N0(sizeAfter)
                + "; all " + N0(allFacts.Kept) + " entries: " + N0(allFacts.SizeAfterComplete) + " bytes (" + N1(perEntry) + " bytes per entry)");

            report.Add(new Row(
                "Sync",
                "steady-state checkpoint: 15-minute overlap at 10,000 changes an hour (" + N0(SteadyEntries) + " entries), union",
                N0(committed.SizeAfterComplete) + " bytes (" + N1(committed.SizeAfterComplete / 1024.0) + " KiB) committed with " + N0(committed.Kept) + " entries; " + N0(sizePending) + " bytes (" + N1(sizePending / 1024.0) + " KiB) between the next run and its Complete (committed + pending overlap, " + N0(pending.Kept) + " pending; that run wrote " + again + " of " + N0(pending.Repeats + again) + ", the rest repeats)",
                "real runs over the 100,000 changes with -Lag/-Overlap chosen so the overlap holds the " + N0(SteadyEntries) + " newest (the static data has ~30 changes an hour); all 100,000 kept (-Overlap 3650 days): " + N0(allFacts.SizeAfterComplete) + " bytes, " + N1(perEntry) + " bytes per entry",
                "< 1 MB",
                Math.Max(sizePending, committed.SizeAfterComplete) < TargetCheckpointBytes ? "met" : "NOT MET"));
        }

        private static void Wshoto(HostedPowerShell ps, BenchOptions options, Report report, Files files)
        {
            if (!ps.HasCommand("Search-WshotoOrder"))
            {
                foreach (var t in new[] { 8, 16 })
                {
                    report.Add(new Row("Sync", N0(WshotoCount) + " Wshoto changes (list + detail), 20 ms latency, ThrottleLimit " + t, "not available (Search-WshotoOrder not in this build)", "", ">= 80% of the latency limit", "pending"));
                }

                return;
            }

            var checkpointed = ps.HasParameter("Search-WshotoOrder", "Checkpoint");
            var what = checkpointed ? "checkpointed (-Checkpoint, -Lag 0)" : "NOT checkpointed (this build has no -Checkpoint: -StartTime/-EndTime -TimeField Updated)";
            var startSeconds = StartSandbox(ps, WshotoCount);

            // Warm-up: 400 orders, not checkpointed (-First), so JIT, connections and the sandbox's lazy state are ready.
            ps.SetVariable("until", DateTime.UtcNow);
            var first = Stopwatch.StartNew();
            var warm = ps.RunCount("Search-WshotoOrder -StartTime $since -EndTime $until -TimeField Updated -First 400 -ThrottleLimit 16 | Measure-BenchSink -ExpectType WxOrders.WshotoOrder");
            var firstSeconds = first.Elapsed.TotalSeconds;
            if (warm != 400)
            {
                throw new InvalidOperationException("The Wshoto warm-up returned " + warm + " orders instead of 400.");
            }

            report.Add(new Row("Sync", "sandbox start-up, " + N0(WshotoCount) + " Wshoto orders", N2(startSeconds) + " s (Start-WxOrdersSandbox + Connect-WxOrders)", "first 400 orders by update time (4 list pages + 400 details at ThrottleLimit 16, incl. the sandbox's one-time sort): " + N2(firstSeconds) + " s", "(context)", "reference"));

            var pages = (WshotoCount + WshotoPageSize - 1) / WshotoPageSize;
            var shown = new long[] { 4000, 10000, 20000 };
            var at = Enumerable.Range(1, 10).Select(k => k * 2000L).ToArray();
            foreach (var t in new[] { 8, 16 })
            {
                // Timed runs: no forced collection (a blocking GC would stall the reads in flight), the peak sampler only.
                var cp = files.Next("wshoto-t" + t);
                ps.Run("$sb.ResetCounters()");
                var baseline = Memory.FullCollect();
                double elapsed;
                long peak, peakWs;
                using (var sampler = new PeakSampler(baseline))
                {
                    var watch = Stopwatch.StartNew();
                    Walk(ps, WshotoCommand(checkpointed, t, cp, null), WshotoCount, "WxOrders.WshotoOrder");
                    elapsed = watch.Elapsed.TotalSeconds;
                    sampler.Stop();
                    peak = sampler.PeakGrowth;
                    peakWs = sampler.PeakWorkingSet;
                }

                var lists = ps.RunCount("$sb.GetRequestCount('" + WshotoListPath + "')");
                var details = ps.RunCount("$sb.GetRequestCount('" + WshotoDetailPath + "')");
                var facts = checkpointed ? CompleteAndMeasure(ps, cp, WshotoCount) : null;
                var rate = WshotoCount / elapsed;
                var rounds = 1 + ((WshotoCount + t - 1) / t);
                var limitSeconds = rounds * Latency.TotalSeconds;
                var limitRate = WshotoCount / limitSeconds;
                var fraction = rate / limitRate;
                Console.WriteLine("   Wshoto ThrottleLimit " + t + ": " + N0(WshotoCount) + " orders in " + N2(elapsed) + " s, " + N1(rate) + " orders/s; " + lists + " list + " + details + " detail requests; "
                    + "peak incl. garbage " + Mb(peak) + ", peak working set " + Mb(peakWs) + (facts == null ? string.Empty : "; checkpoint " + facts));
                report.Add(new Row(
                    "Sync",
                    N0(WshotoCount) + " Wshoto changes (list + detail), " + what + ", PageSize 100, 20 ms latency, ThrottleLimit " + t,
                    N1(rate) + " orders/s (" + N2(elapsed) + " s, one run); " + N0(lists) + " list + " + N0(details) + " detail requests; peak managed memory growth " + Mb(peak) + " incl. not-yet-collected garbage; peak working set " + Mb(peakWs),
                    "limit " + N1(limitRate) + " orders/s (" + N2(limitSeconds) + " s = 20 ms x (1 first list page + ceil(" + N0(WshotoCount) + " details / " + t + ")); the other " + (pages - 1) + " list pages are read ahead during the details) -> " + Pct(fraction) + " of the limit",
                    ">= 80% of the limit",
                    !checkpointed ? "pending (no -Checkpoint)" : fraction >= TargetFraction ? "met" : "NOT MET"));

                if (facts != null)
                {
                    report.Add(CheckpointRow("Wshoto", WshotoCount, t, facts, "entries kept: the changes inside the last 15 minutes of the window (the overlap)"));
                }
            }

            // Memory: a checkpointed run and the same walk without the checkpoint, full collections at 10 points (ThrottleLimit 16).
            // Not timed: each collection stalls the reads in flight.
            var withCp = MemoryRun(ps, WshotoCommand(checkpointed, 16, files.Next("wshoto-mem"), at), WshotoCount, "WxOrders.WshotoOrder");
            if (checkpointed)
            {
                CompleteAndMeasure(ps, files.Current, WshotoCount);
            }

            var reference = checkpointed ? MemoryRun(ps, WshotoCommand(false, 16, null, at), WshotoCount, "WxOrders.WshotoOrder") : null;
            report.Add(MemoryRow("Wshoto", WshotoCount, checkpointed, withCp, reference, shown, "ThrottleLimit 16; "));

        }

        /// <summary>
        /// The steady state in a sandbox whose data has that density: a live sandbox (timer paused) makes
        /// <see cref="SteadyEntries"/> new orders now (TestHooks.AdvanceLive), so the last 15 minutes hold 2,500
        /// changes; a checkpointed run with the defaults (-Overlap 15 minutes) and -Lag 0 keeps them, then Complete;
        /// the next run re-reads them (all repeats) and its file holds both overlaps until its Complete.
        /// </summary>
        private static void LiveSteadyState(HostedPowerShell ps, Report report, Files files, string source)
        {
            var command = source == "Union" ? "Search-UnionOrder -PageSize 200" : "Search-WshotoOrder -ThrottleLimit 16";
            if (!ps.HasParameter(command.Split(' ')[0], "Checkpoint") || !ps.HasParameter("Start-WxOrdersSandbox", "Live"))
            {
                report.Add(new Row("Sync", "steady-state checkpoint in a live sandbox, " + source, "not available (no -Checkpoint or no -Live in this build)", "", "< 1 MB", "pending"));
                return;
            }

            ps.Run("Stop-WxOrdersSandbox; Disconnect-WxOrders; $sb = Start-WxOrdersSandbox -OrderCount 1000 -Live -ChangesPerSecond 0.01; $sb.TestHooks.PauseLive(); $null = Connect-WxOrders -Sandbox $sb; " +
                   "$sb.TestHooks.AdvanceLive([WxOrders.SandboxSource]::" + source + ", " + SteadyEntries + ", $true)");
            var cp = files.Next("live-" + source.ToLowerInvariant());
            var run = command + " -Checkpoint '" + cp + "' -Since $since -Lag 0 | Measure-BenchSink";
            var first = ps.RunCount(run);
            var committed = CompleteAndMeasure(ps, cp, (int)first);
            var again = ps.RunCount(run);
            var pending = Facts(ps, cp);
            var sizePending = new FileInfo(cp).Length;
            ps.Run("Complete-WxOrderCheckpoint -Path '" + cp + "'");
            Console.WriteLine("   live " + source + ": first run wrote " + first + ", kept " + committed.Kept + ", " + N0(committed.SizeAfterComplete) + " bytes; next run wrote " + again + " (" + pending.Repeats + " repeats), file " + N0(sizePending) + " bytes");
            report.Add(new Row(
                "Sync",
                "steady-state checkpoint in a live sandbox: " + N0(SteadyEntries) + " " + source + " changes in the last 15 minutes, default -Overlap (15 min), -Lag 0",
                N0(committed.SizeAfterComplete) + " bytes (" + N1(committed.SizeAfterComplete / 1024.0) + " KiB) committed with " + N0(committed.Kept) + " entries; " + N0(sizePending) + " bytes (" + N1(sizePending / 1024.0) + " KiB) between the next run and its Complete (" + N0(pending.Kept) + " pending; that run wrote " + again + ", " + N0(pending.Repeats) + " repeats)",
                "Start-WxOrdersSandbox -OrderCount 1000 -Live (timer paused), TestHooks.AdvanceLive(" + source + ", " + SteadyEntries + " new orders now); first run " + N0(first) + " orders (the 1,000 static ones too)",
                "< 1 MB",
                Math.Max(sizePending, committed.SizeAfterComplete) < TargetCheckpointBytes && committed.Kept >= SteadyEntries ? "met" : "NOT MET"));
        }

        /// <summary>A new sandbox of that many orders per API with the part's latency, connected; returns the seconds it took.</summary>
        private static double StartSandbox(HostedPowerShell ps, int orders)
        {
            var start = Stopwatch.StartNew();
            ps.Run("Stop-WxOrdersSandbox; Disconnect-WxOrders; $sb = Start-WxOrdersSandbox -OrderCount " + orders + " -Latency ([TimeSpan]::FromMilliseconds(" + Latency.TotalMilliseconds + ")); $null = Connect-WxOrders -Sandbox $sb");
            return start.Elapsed.TotalSeconds;
        }

        private static Row CheckpointRow(string source, int count, int throttle, CheckpointFacts facts, string note) => new Row(
            "Sync",
            "checkpoint after the " + N0(count) + "-change " + source + " run (ThrottleLimit " + throttle + ")",
            N0(facts.SizeBeforeComplete) + " bytes before Complete-WxOrderCheckpoint, " + N0(facts.SizeAfterComplete) + " after; " + N0(facts.Written) + " written, " + N0(facts.Repeats) + " repeats, " + N0(facts.Kept) + " entries kept",
            note,
            "(context)",
            "reference");

        private static string UnionCommand(bool checkpointed, int? throttle, string checkpoint, long[] sampleAt = null)
        {
            var cmd = checkpointed
                ? "Search-UnionOrder -Checkpoint '" + checkpoint + "' -Since $since -Lag 0 -PageSize 200"
                : "Search-UnionOrder -CommissionUpdateStartTime $since -CommissionUpdateEndTime ([DateTime]::UtcNow) -PageSize 200";
            return cmd + (throttle.HasValue ? " -ThrottleLimit " + throttle.Value : string.Empty) + Sink("WxOrders.UnionOrder", sampleAt);
        }

        private static string WshotoCommand(bool checkpointed, int throttle, string checkpoint, long[] sampleAt)
        {
            var cmd = checkpointed
                ? "Search-WshotoOrder -Checkpoint '" + checkpoint + "' -Since $since -Lag 0"
                : "Search-WshotoOrder -StartTime $since -EndTime ([DateTime]::UtcNow) -TimeField Updated";
            return cmd + " -ThrottleLimit " + throttle + Sink("WxOrders.WshotoOrder", sampleAt);
        }

        private static string Sink(string type, long[] sampleAt) =>
            " | Measure-BenchSink -ExpectType " + type + (sampleAt == null ? string.Empty : " -SampleAt " + string.Join(",", sampleAt));

        /// <summary>Runs a walk and checks it wrote every order (a figure from a short run means nothing).</summary>
        private static void Walk(HostedPowerShell ps, string command, int expected, string type)
        {
            var count = ps.RunCount(command);
            if (count != expected)
            {
                throw new InvalidOperationException(command + " wrote " + count + " orders instead of " + expected + ".");
            }
        }

        /// <summary>One run with memory samples (full collections) at chosen counts; returns growth over the baseline.</summary>
        private static SinkSample[] MemoryRun(HostedPowerShell ps, string command, int expected, string type)
        {
            var baseline = Memory.FullCollect();
            Walk(ps, command, expected, type);
            var samples = Relative(MeasureBenchSinkCommand.Samples, baseline);
            Console.WriteLine("   memory run: " + Describe(samples) + "; retained after the run " + Mb(Math.Max(0, Memory.FullCollect() - baseline)) + " (" + command + ")");
            return samples;
        }

        private static SinkSample[] Relative(IEnumerable<SinkSample> samples, long baseline) =>
            samples.Select(s => new SinkSample(s.Count, s.Elapsed, Math.Max(0, s.LiveBytes - baseline), s.WorkingSet)).ToArray();

        private static string Describe(SinkSample[] samples) =>
            string.Join(" -> ", samples.Select(s => Mb(s.LiveBytes) + " at " + N0(s.Count))) + " (working set " + string.Join(" -> ", samples.Select(s => Mb(s.WorkingSet))) + ")";

        /// <summary>
        /// Flat: the checkpoint holds nothing per change, so a checkpointed run's live heap grows per order by at most
        /// <see cref="FlatSlackBytesPerOrder"/> more than the same walk's without -Checkpoint. The walk itself keeps
        /// the id of every order it wrote (its de-duplication set, PageWalk.SeenIds: the search part's "about 30 bytes per
        /// order", more for Wshoto's 19-digit codes): accepted there as flat, and the reference here. Growth per order
        /// is the median slope over all points, so one step of the baseline does not decide it.
        /// </summary>
        private static Row MemoryRow(string source, int count, bool checkpointed, SinkSample[] with, SinkSample[] without, long[] shown, string prefix = "")
        {
            var slope = Slope(with);
            var flat = without != null && slope <= Slope(without) + FlatSlackBytesPerOrder;
            var points = with.Where(x => shown.Contains(x.Count)).ToArray();
            var reference = prefix + "working set " + string.Join(" -> ", points.Select(x => Mb(x.WorkingSet)));
            if (without != null)
            {
                reference += "; without -Checkpoint (same walk): " + string.Join(" -> ", without.Where(x => shown.Contains(x.Count)).Select(x => Mb(x.LiveBytes))) + " (" + N0(Slope(without)) + " bytes per order)";
            }

            return new Row(
                "Sync",
                "live heap growth during the " + N0(count) + "-change " + source + " run" + (checkpointed ? string.Empty : " (not checkpointed)") + " at " + string.Join(" / ", points.Select(x => N0(x.Count))) + " orders (full GC at each of " + with.Length + " points)",
                string.Join(" -> ", points.Select(x => Mb(x.LiveBytes))) + "; " + N0(slope) + " bytes per order (median slope over the " + with.Length + " points)",
                reference,
                "flat: the checkpoint adds <= " + FlatSlackBytesPerOrder + " bytes per order to the walk's own",
                !checkpointed ? "pending (no -Checkpoint)" : without == null ? "not judged (no reference run)" : flat ? "met" : "NOT MET");
        }

        /// <summary>
        /// Growth per order: the median of the slopes between every two points (Theil-Sen), so one step of the baseline
        /// (pools trimmed, idle connections of an earlier sandbox closed mid-run) does not decide it.
        /// </summary>
        private static double Slope(SinkSample[] samples)
        {
            var slopes = new List<double>();
            for (var i = 0; i < samples.Length; i++)
            {
                for (var j = i + 1; j < samples.Length; j++)
                {
                    slopes.Add((samples[j].LiveBytes - samples[i].LiveBytes) / (double)(samples[j].Count - samples[i].Count));
                }
            }

            return Median(slopes);
        }

        /// <summary>Checks the pending state of a first run, completes it, and reads the file's size around Complete.</summary>
        private static CheckpointFacts CompleteAndMeasure(HostedPowerShell ps, string path, int expected)
        {
            var facts = Facts(ps, path);
            if (facts.State != "Complete")
            {
                throw new InvalidOperationException("The checkpoint " + path + " is " + facts.State + " after the run, not Complete: " + facts.Reason);
            }

            if (facts.Written + facts.Repeats != expected)
            {
                throw new InvalidOperationException("The checkpoint " + path + " counts " + facts.Written + " written and " + facts.Repeats + " repeats, expected " + expected + " in all.");
            }

            facts.SizeBeforeComplete = new FileInfo(path).Length;
            ps.Run("Complete-WxOrderCheckpoint -Path '" + path + "'");
            facts.SizeAfterComplete = new FileInfo(path).Length;
            var committed = ps.Run("(Get-WxOrderCheckpoint -Path '" + path + "').CommittedCount");
            facts.Kept = Convert.ToInt32(committed.Last().BaseObject, CultureInfo.InvariantCulture);
            return facts;
        }

        private static CheckpointFacts Facts(HostedPowerShell ps, string path)
        {
            var view = ps.Run("Get-WxOrderCheckpoint -Path '" + path + "'").Last();
            int Int(string name) => view.Properties[name].Value == null ? 0 : Convert.ToInt32(view.Properties[name].Value, CultureInfo.InvariantCulture);
            return new CheckpointFacts
            {
                State = Convert.ToString(view.Properties["PendingState"].Value, CultureInfo.InvariantCulture),
                Reason = Convert.ToString(view.Properties["PendingReason"].Value, CultureInfo.InvariantCulture),
                Written = Int("PendingWritten"),
                Repeats = Int("PendingRepeats"),
                Kept = Int("PendingCount"),
            };
        }

        /// <summary>The update times of a committed checkpoint's entries ([orderId, version] for union).</summary>
        private static List<DateTimeOffset> WindowTimes(string path)
        {
            using (var doc = JsonDocument.Parse(File.ReadAllBytes(path)))
            {
                return doc.RootElement.GetProperty("content").GetProperty("committed").GetProperty("seen").EnumerateArray()
                    .Select(e => DateTimeOffset.Parse(e[e.GetArrayLength() - 1].GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
                    .ToList();
            }
        }

        private static string LoadAverage()
        {
            try
            {
                var parts = File.ReadAllText("/proc/loadavg").Split(' ');
                return parts[0] + ", " + parts[1] + ", " + parts[2];
            }
            catch (IOException)
            {
                return "unknown";
            }
        }

        private sealed class CheckpointFacts
        {
            public string State { get; set; }

            public string Reason { get; set; }

            public int Written { get; set; }

            public int Repeats { get; set; }

            /// <summary>Entries the pending state keeps (before Complete), then the committed count (after).</summary>
            public int Kept { get; set; }

            public long SizeBeforeComplete { get; set; }

            public long SizeAfterComplete { get; set; }

            public override string ToString() =>
                N0(SizeBeforeComplete) + " bytes before Complete, " + N0(SizeAfterComplete) + " after (" + N0(Written) + " written, " + N0(Repeats) + " repeats, " + N0(Kept) + " kept)";
        }

        /// <summary>Fresh checkpoint paths in the part's temporary folder.</summary>
        private sealed class Files
        {
            private readonly string dir;
            private int n;

            public Files(string dir)
            {
                this.dir = dir;
            }

            public string Current { get; private set; }

            public string Next(string name)
            {
                Current = Path.Combine(dir, name + "-" + (++n).ToString(CultureInfo.InvariantCulture) + ".json");
                return Current;
            }
        }
    }
}
