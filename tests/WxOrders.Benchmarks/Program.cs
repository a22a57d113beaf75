using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// The WxOrders performance benchmark. One command from the repository root:
    ///     dotnet run -c Release --project tests/WxOrders.Benchmarks -- all
    /// or one part: lookups, search, sync, channels, parse, import (several may be given). --quick runs fewer repetitions (a smoke
    /// test of the harness; its figures are not the ones to quote).
    /// Prints a Markdown table: the figures docs/performance.md quotes.
    /// </summary>
    internal static class Program
    {
        private static readonly string[] Parts = { "lookups", "search", "sync", "channels", "parse", "import" };

        private static int Main(string[] args)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

            var quick = args.Any(a => a.Equals("--quick", StringComparison.OrdinalIgnoreCase));
            var asked = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.ToLowerInvariant()).ToList();
            if (asked.Count == 0 || asked.Contains("all"))
            {
                asked = Parts.ToList();
            }

            var unknown = asked.Where(a => !Parts.Contains(a)).ToList();
            if (unknown.Count > 0 || args.Any(a => a == "-h" || a == "--help"))
            {
                Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/WxOrders.Benchmarks -- [all|lookups|search|sync|channels|parse|import ...] [--quick]");
                return unknown.Count > 0 ? 2 : 0;
            }

#if DEBUG
            Console.Error.WriteLine("This is a Debug build: run with -c Release for figures worth quoting.");
#endif
            var options = new BenchOptions(Repo.FindRoot(), quick);
            var report = new Report();
            var total = Stopwatch.StartNew();
            Console.WriteLine(Machine.Describe());
            Console.WriteLine();

            var failed = false;
            foreach (var part in Parts.Where(asked.Contains))
            {
                Console.WriteLine("== " + part + " ==");
                var watch = Stopwatch.StartNew();
                try
                {
                    switch (part)
                    {
                        case "lookups": LookupBenchmark.Run(options, report); break;
                        case "search": SearchBenchmark.Run(options, report); break;
                        case "sync": SyncBenchmark.Run(options, report); break;
                        case "channels": ChannelsBenchmark.Run(options, report); break;
                        case "parse": ParseBenchmark.Run(options, report); break;
                        case "import": ImportBenchmark.Run(options, report); break;
                    }
                }
                catch (Exception ex)
                {
                    failed = true;
                    Console.Error.WriteLine(part + " failed: " + ex);
                    report.Add(new Row(Title(part), "(harness)", "FAILED: " + ex.GetType().Name + ": " + ex.Message, "", "", "not measured"));
                }

                Console.WriteLine("   (" + part + " took " + watch.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s)");
                Console.WriteLine();
            }

            Console.WriteLine("## WxOrders performance, " + DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
            Console.WriteLine();
            Console.WriteLine(Machine.Describe());
            if (quick)
            {
                Console.WriteLine("QUICK RUN (--quick): fewer repetitions; do not quote these figures.");
            }

            Console.WriteLine();
            Console.WriteLine(report.ToMarkdown());
            Console.WriteLine();
            Console.WriteLine("Whole run: " + total.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s.");
            return failed ? 1 : 0;
        }

        internal static string Title(string part) => char.ToUpperInvariant(part[0]) + part.Substring(1);
    }

    internal sealed class BenchOptions
    {
        public BenchOptions(string root, bool quick)
        {
            Root = root;
            Quick = quick;
        }

        /// <summary>The repository root (where WxOrders.psd1 and WxOrders.sln are).</summary>
        public string Root { get; }

        public bool Quick { get; }

        public string Manifest => System.IO.Path.Combine(Root, "WxOrders.psd1");
    }
}
