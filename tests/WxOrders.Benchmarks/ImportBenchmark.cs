using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using static WxOrders.Benchmarks.Stats;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// Import: a cold Import-Module ./WxOrders.psd1 in a fresh dotnet pwsh, minus the engine's own start:
    /// median(dotnet pwsh -NoProfile -c "Import-Module ./WxOrders.psd1; exit") - median(dotnet pwsh -NoProfile -c exit),
    /// the two interleaved. Cross-check: a Stopwatch around Import-Module inside fresh processes. Target: under 200 ms.
    /// </summary>
    internal static class ImportBenchmark
    {
        private const double TargetMs = 200;

        public static void Run(BenchOptions options, Report report)
        {
            const string Baseline = "exit";
            const string WithImport = "Import-Module ./WxOrders.psd1; exit";
            const string Inside = "$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module ./WxOrders.psd1; [Console]::Out.WriteLine('IMPORT-MS ' + $w.Elapsed.TotalMilliseconds.ToString([Globalization.CultureInfo]::InvariantCulture)); exit";

            // Warm-up: the OS file cache and the dotnet tool shim's own first-run work; not counted.
            for (var i = 0; i < 2; i++)
            {
                Pwsh(options, Baseline);
                Pwsh(options, WithImport);
            }

            var runs = options.Quick ? 3 : 9;
            var engine = new List<double>();
            var imported = new List<double>();
            var inside = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                engine.Add(Pwsh(options, Baseline).Ms);
                imported.Add(Pwsh(options, WithImport).Ms);
                var line = Pwsh(options, Inside).Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("IMPORT-MS ", StringComparison.Ordinal));
                if (line == null)
                {
                    throw new InvalidOperationException("The in-process import timing printed nothing.");
                }

                inside.Add(double.Parse(line.Substring(10), CultureInfo.InvariantCulture));
            }

            Console.WriteLine("   dotnet pwsh -NoProfile -c exit (ms): " + List(engine, N0));
            Console.WriteLine("   ... with Import-Module (ms):         " + List(imported, N0));
            Console.WriteLine("   Stopwatch around Import-Module (ms): " + List(inside, N0));
            var cost = Median(imported) - Median(engine);
            report.Add(new Row(
                "Import",
                "cold Import-Module ./WxOrders.psd1 in a fresh dotnet pwsh, minus the engine start",
                N0(cost) + " ms (" + N0(Median(imported)) + " - " + N0(Median(engine)) + " ms, medians of " + runs + ")",
                "Stopwatch around Import-Module in a fresh process: " + N0(Median(inside)) + " ms (median)",
                "< 200 ms",
                cost < TargetMs ? "met" : "NOT MET"));
        }

        private static (double Ms, string Output) Pwsh(BenchOptions options, string command)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = options.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "pwsh", "-NoProfile", "-c", command })
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
            start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            var watch = Stopwatch.StartNew();
            using (var process = Process.Start(start))
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(60000))
                {
                    process.Kill(true);
                    throw new TimeoutException("dotnet pwsh -c \"" + command + "\" did not exit within 60 s.");
                }

                process.WaitForExit();
                watch.Stop();
                if (process.ExitCode != 0 || stderr.Result.Trim().Length > 0)
                {
                    throw new InvalidOperationException("dotnet pwsh -c \"" + command + "\" exited with " + process.ExitCode + ": " + stderr.Result.Trim() + " " + stdout.Result.Trim() + " (run dotnet tool restore in the repository first)");
                }

                return (watch.Elapsed.TotalMilliseconds, stdout.Result);
            }
        }
    }
}
