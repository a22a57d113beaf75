using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// The PowerShell engine (System.Management.Automation 7.6.9) hosted in this process, with ./WxOrders.psd1
    /// imported from the repository exactly as a user imports it, and one extra command: Measure-BenchSink.
    /// </summary>
    internal sealed class HostedPowerShell : IDisposable
    {
        private readonly Runspace runspace;

        public HostedPowerShell(BenchOptions options)
        {
            if (!File.Exists(Path.Combine(options.Root, "bin", "WxOrders.dll")))
            {
                throw new InvalidOperationException("The module is not built: run dotnet build WxOrders.sln -c Release (dotnet run of this project builds it too).");
            }

            var state = InitialSessionState.CreateDefault2();
            state.Commands.Add(new SessionStateCmdletEntry("Measure-BenchSink", typeof(MeasureBenchSinkCommand), null));
            runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
            Run("Import-Module '" + options.Manifest.Replace("'", "''") + "' -ErrorAction Stop");
        }

        public void SetVariable(string name, object value) => runspace.SessionStateProxy.SetVariable(name, value);

        public object GetVariable(string name) => runspace.SessionStateProxy.GetVariable(name);

        /// <summary>Runs a script; any error record fails the benchmark (a figure from a failing run means nothing).</summary>
        public Collection<PSObject> Run(string script)
        {
            using (var ps = PowerShell.Create())
            {
                ps.Runspace = runspace;
                ps.AddScript(script);
                var result = ps.Invoke();
                if (ps.Streams.Error.Count > 0)
                {
                    var first = ps.Streams.Error[0];
                    throw new InvalidOperationException(ps.Streams.Error.Count + " error record(s) from: " + script + " -- first: " + first + " (" + first.FullyQualifiedErrorId + ", target " + first.TargetObject + ")");
                }

                return result;
            }
        }

        /// <summary>Runs a script whose last output is a number.</summary>
        public long RunCount(string script)
        {
            var result = Run(script);
            return Convert.ToInt64(result.Last().BaseObject, System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool HasCommand(string name) =>
            Run("@(Get-Command -Name '" + name + "' -ErrorAction SilentlyContinue).Count").Select(o => Convert.ToInt32(o.BaseObject, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault() > 0;

        /// <summary>True when the command exists and has the parameter (a feature of a branch not merged yet is absent).</summary>
        public bool HasParameter(string command, string parameter) =>
            HasCommand(command) &&
            Run("(Get-Command -Name '" + command + "').Parameters.ContainsKey('" + parameter + "')").Select(o => o.BaseObject is bool b && b).FirstOrDefault();

        public void Dispose()
        {
            try
            {
                Run("Stop-WxOrdersSandbox; Disconnect-WxOrders");
            }
            catch (Exception)
            {
                // Best effort: closing the runspace stops its sandboxes anyway.
            }

            runspace.Dispose();
        }
    }

    /// <summary>
    /// The end of a benchmark pipeline: counts what arrives, keeps nothing, and writes the count at the end.
    /// Cheaper than Measure-Object (not available to a hosted engine anyway) and neutral: it holds no object, so memory
    /// measured through it is the producer's.
    /// </summary>
    [Cmdlet("Measure", "BenchSink")]
    public sealed class MeasureBenchSinkCommand : Cmdlet
    {
        protected override void BeginProcessing()
        {
            if (CollectEvery > 0)
            {
                PeakLiveBytes = 0;
            }

            if (SampleAt != null)
            {
                sampleAt = new HashSet<long>(SampleAt);
                Samples = new List<SinkSample>();
                watch = Stopwatch.StartNew();
            }
        }

        private HashSet<long> sampleAt;
        private Stopwatch watch;

        private long count;
        private long wrongType;

        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>The .NET type full name every object must have.</summary>
        [Parameter]
        public string ExpectType { get; set; }

        /// <summary>
        /// Every this many objects, a full blocking garbage collection and a reading of the live managed heap
        /// (<see cref="PeakLiveBytes"/>): what the pipeline holds mid-stream. Slows the pipeline: memory runs only.
        /// </summary>
        [Parameter]
        public int CollectEvery { get; set; }

        /// <summary>The highest live heap (after a full collection) seen by the last run with -CollectEvery.</summary>
        public static long PeakLiveBytes { get; private set; }

        /// <summary>
        /// After these many objects (each count once), a full blocking collection and a reading of the live heap, the
        /// working set and the time since the sink began (<see cref="Samples"/>): memory at chosen points of a run.
        /// </summary>
        [Parameter]
        public long[] SampleAt { get; set; }

        /// <summary>The readings of the last run with -SampleAt.</summary>
        public static List<SinkSample> Samples { get; private set; } = new List<SinkSample>();

        protected override void ProcessRecord()
        {
            if (InputObject == null)
            {
                return;
            }

            count++;
            if (CollectEvery > 0 && count % CollectEvery == 0)
            {
                PeakLiveBytes = Math.Max(PeakLiveBytes, GC.GetTotalMemory(true));
            }

            if (sampleAt != null && sampleAt.Contains(count))
            {
                var elapsed = watch.Elapsed;
                Samples.Add(new SinkSample(count, elapsed, Memory.FullCollect(), Memory.WorkingSet()));
            }

            if (ExpectType != null && !string.Equals(InputObject.BaseObject.GetType().FullName, ExpectType, StringComparison.Ordinal))
            {
                wrongType++;
            }

            InputObject = null;
        }

        protected override void EndProcessing()
        {
            if (wrongType > 0)
            {
                WriteError(new ErrorRecord(new InvalidOperationException(wrongType + " object(s) were not " + ExpectType), "BenchSink.WrongType", ErrorCategory.InvalidResult, null));
            }

            WriteObject(count);
        }
    }

    /// <summary>One reading of Measure-BenchSink -SampleAt.</summary>
    public sealed class SinkSample
    {
        public SinkSample(long count, TimeSpan elapsed, long liveBytes, long workingSet)
        {
            Count = count;
            Elapsed = elapsed;
            LiveBytes = liveBytes;
            WorkingSet = workingSet;
        }

        /// <summary>Objects that had arrived.</summary>
        public long Count { get; }

        /// <summary>Time since the sink began (before the collection).</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Live managed heap after a full collection (absolute).</summary>
        public long LiveBytes { get; }

        /// <summary>Working set of the process (absolute).</summary>
        public long WorkingSet { get; }
    }
}
