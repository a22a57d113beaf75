using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using static WxOrders.Benchmarks.Stats;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// Parse: MB/s deserialising each API's response bodies into the typed model, against a bare JsonDocument parse
    /// of the same bytes (BenchmarkDotNet, short job, in-process; medians). Target: typed within 2x of JsonDocument.
    /// </summary>
    internal static class ParseBenchmark
    {
        private const double TargetRatio = 2.0;

        public static void Run(BenchOptions options, Report report)
        {
            var loaded = ParseCases.All.ToDictionary(c => c.Name, c => c.LoadBodies());
            var sizes = loaded.ToDictionary(p => p.Key, p => p.Value.Sum(b => (long)b.Length));
            var counts = loaded.ToDictionary(p => p.Key, p => p.Value.Length);
            var summary = BenchmarkRunner.Run<ParseBenchmarks>(new ParseConfig(options.Quick));
            if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0)
            {
                throw new InvalidOperationException("BenchmarkDotNet reported validation errors: " + string.Join("; ", summary.ValidationErrors.Select(v => v.Message)));
            }

            foreach (var parseCase in ParseCases.Known)
            {
                if (!parseCase.IsAvailable)
                {
                    report.Add(new Row("Parse", parseCase.Name + ": " + parseCase.Description, "pending: the " + parseCase.Name + " model is not in this build (" + parseCase.Missing + ")", "", "within 2x of JsonDocument", "pending"));
                    continue;
                }

                var bytes = sizes[parseCase.Name];
                double MBps(string method)
                {
                    var r = summary.Reports.Single(x => x.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && (string)x.BenchmarkCase.Parameters["Api"] == parseCase.Name);
                    if (r.ResultStatistics == null)
                    {
                        throw new InvalidOperationException(method + " " + parseCase.Name + " has no result.");
                    }

                    return bytes / (r.ResultStatistics.Median * 1e-9) / 1e6;
                }

                var doc = MBps(nameof(ParseBenchmarks.JsonDocumentParse));
                var typed = MBps(nameof(ParseBenchmarks.TypedFromBytes));
                var stream = MBps(nameof(ParseBenchmarks.TypedFromStream));
                report.Add(new Row(
                    "Parse",
                    parseCase.Name + ": " + parseCase.Description + " (" + counts[parseCase.Name] + " bodies, " + N1(bytes / 1024.0) + " KiB)",
                    "typed " + N0(typed) + " MB/s from bytes (as ApiClient reads), " + N0(stream) + " MB/s with DeserializeAsync from a stream",
                    "JsonDocument " + N0(doc) + " MB/s -> typed from bytes is " + N2(doc / typed) + "x slower (from a stream " + N2(doc / stream) + "x)",
                    "within 2x of JsonDocument",
                    doc / typed <= TargetRatio ? "met" : "NOT MET"));
            }
        }
    }

    /// <summary>A short BenchmarkDotNet job in this process: 4 warm-up and 15 measured iterations of about 200 ms per case.</summary>
    internal sealed class ParseConfig : ManualConfig
    {
        public ParseConfig(bool quick)
        {
            // Shorter than BenchmarkDotNet's default job, longer than ShortRun (3 iterations are too few on a shared
            // 2-core machine); the figures quoted are medians.
            var job = quick
                ? Job.Dry.WithId("Dry-InProcess")
                : Job.Default.WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(200)).WithId("Short15-InProcess");
            job = job.WithToolchain(InProcessEmitToolchain.Instance);
            AddJob(job);
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumnProvider(DefaultColumnProviders.Instance);
            AddLogger(ConsoleLogger.Default);
            WithOptions(ConfigOptions.DisableLogFile);
            WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(20));
        }
    }

    public class ParseBenchmarks
    {
        private ParseCase current;
        private byte[][] bodies;

        public static IEnumerable<string> Apis => ParseCases.All.Select(c => c.Name);

        [ParamsSource(nameof(Apis))]
        public string Api { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            current = ParseCases.Get(Api);
            bodies = current.LoadBodies();
        }

        [Benchmark(Baseline = true)]
        public int JsonDocumentParse()
        {
            var n = 0;
            foreach (var body in bodies)
            {
                using (var doc = JsonDocument.Parse(body))
                {
                    n += (int)doc.RootElement.ValueKind;
                }
            }

            return n;
        }

        [Benchmark]
        public object TypedFromBytes()
        {
            object last = null;
            foreach (var body in bodies)
            {
                last = current.FromBytes(body);
            }

            return last;
        }

        [Benchmark]
        public object TypedFromStream()
        {
            object last = null;
            foreach (var body in bodies)
            {
                last = current.FromStream(new MemoryStream(body, false));
            }

            return last;
        }
    }
}
