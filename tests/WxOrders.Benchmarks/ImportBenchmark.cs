using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
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
            var engineCpu = new List<double>();
            var importedCpu = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var e = Pwsh(options, Baseline);
                engine.Add(e.Ms);
                engineCpu.Add(e.CpuMs);
                var m = Pwsh(options, WithImport);
                imported.Add(m.Ms);
                importedCpu.Add(m.CpuMs);
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
            Console.WriteLine("   CPU time (user+sys) of the process without / with the import (ms): " + List(engineCpu, N0) + " / " + List(importedCpu, N0));
            var cost = Median(imported) - Median(engine);
            var cpuCost = Median(importedCpu) - Median(engineCpu);
            var own = Median(inside);
            report.Add(new Row(
                "Import",
                "cold Import-Module ./WxOrders.psd1 in a fresh dotnet pwsh, minus the engine start",
                N0(cost) + " ms (" + N0(Median(imported)) + " - " + N0(Median(engine)) + " ms, medians of " + runs + ")",
                "Stopwatch around Import-Module in a fresh process: " + N0(own) + " ms; CPU time added by the import: " + (double.IsNaN(cpuCost) ? "n/a" : N0(cpuCost) + " ms") + " (medians)",
                "< 200 ms",
                // Both wall-clock figures must be under the target: process start times are noisy on a shared machine.
                cost < TargetMs && own < TargetMs ? "met" : "NOT MET"));
        }

        private static (double Ms, double CpuMs, string Output) Pwsh(BenchOptions options, string command)
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

            var cpuBefore = ChildCpu.Milliseconds();
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

                return (watch.Elapsed.TotalMilliseconds, ChildCpu.Milliseconds() - cpuBefore, stdout.Result);
            }
        }
    }

    /// <summary>
    /// CPU time (user + system) of this process's finished children, from getrusage(RUSAGE_CHILDREN): unlike wall
    /// time, hardly moved by other work on the machine. NaN where there is no such call (Windows).
    /// </summary>
    internal static class ChildCpu
    {
        private const int RusageChildren = -1;

        public static double Milliseconds()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return double.NaN;
            }

            try
            {
                if (getrusage(RusageChildren, out var usage) != 0)
                {
                    return double.NaN;
                }

                return (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                return double.NaN;
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int getrusage(int who, out Rusage usage);

        [StructLayout(LayoutKind.Sequential)]
        private struct Rusage
        {
            public long UserSeconds;
            public long UserMicroseconds;
            public long SystemSeconds;
            public long SystemMicroseconds;
            public long MaxRss;
            public long IxRss;
            public long IdRss;
            public long IsRss;
            public long MinFlt;
            public long MajFlt;
            public long NSwap;
            public long InBlock;
            public long OuBlock;
            public long MsgSnd;
            public long MsgRcv;
            public long NSignals;
            public long NVcsw;
            public long NIvcsw;
        }
    }
}
