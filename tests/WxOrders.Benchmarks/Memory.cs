using System;
using System.Diagnostics;
using System.Threading;

namespace WxOrders.Benchmarks
{
    /// <summary>Memory readings the parts share: a full collection's baseline, the working set, a peak sampler.</summary>
    internal static class Memory
    {
        /// <summary>Forces a full blocking, compacting collection and returns the live managed heap after it.</summary>
        public static long FullCollect()
        {
            // Twice: objects kept alive only by finalizers (sockets of a stopped sandbox) go in the second pass.
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            return GC.GetTotalMemory(true);
        }

        /// <summary>The process's working set now (the OS's view: managed heap, native memory, code).</summary>
        public static long WorkingSet()
        {
            using (var self = Process.GetCurrentProcess())
            {
                return self.WorkingSet64;
            }
        }
    }

    /// <summary>
    /// Samples GC.GetTotalMemory(false) (live objects plus garbage not yet collected) and the working set every 2 ms
    /// on a background thread; the peaks are against the baseline given.
    /// </summary>
    internal sealed class PeakSampler : IDisposable
    {
        private readonly long baseline;
        private readonly long workingSetBaseline;
        private readonly Thread thread;
        private readonly int gcStart;
        private volatile bool stop;
        private long peak;
        private long peakWorkingSet;

        public PeakSampler(long baseline)
        {
            this.baseline = baseline;
            peak = baseline;
            workingSetBaseline = Memory.WorkingSet();
            peakWorkingSet = workingSetBaseline;
            gcStart = GC.CollectionCount(0);
            thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler" };
            thread.Start();
        }

        /// <summary>The highest managed heap (incl. garbage) minus the baseline.</summary>
        public long PeakGrowth => Math.Max(0, Interlocked.Read(ref peak) - baseline);

        /// <summary>The highest working set seen (absolute).</summary>
        public long PeakWorkingSet => Interlocked.Read(ref peakWorkingSet);

        /// <summary>The highest working set minus the one at the start.</summary>
        public long PeakWorkingSetGrowth => Math.Max(0, PeakWorkingSet - workingSetBaseline);

        public int Samples { get; private set; }

        public int Collections { get; private set; }

        public void Stop()
        {
            if (!stop)
            {
                stop = true;
                thread.Join();
                Collections = GC.CollectionCount(0) - gcStart;
            }
        }

        public void Dispose() => Stop();

        private void Loop()
        {
            using (var self = Process.GetCurrentProcess())
            {
                while (!stop)
                {
                    var now = GC.GetTotalMemory(false);
                    if (now > Interlocked.Read(ref peak))
                    {
                        Interlocked.Exchange(ref peak, now);
                    }

                    // The working set is read less often: Refresh re-reads /proc (about 50 µs).
                    if (Samples % 10 == 0)
                    {
                        self.Refresh();
                        var ws = self.WorkingSet64;
                        if (ws > Interlocked.Read(ref peakWorkingSet))
                        {
                            Interlocked.Exchange(ref peakWorkingSet, ws);
                        }
                    }

                    Samples++;
                    Thread.Sleep(2);
                }
            }
        }
    }
}
