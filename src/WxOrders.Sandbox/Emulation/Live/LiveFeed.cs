using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using WxOrders.Emulation.Data.Live;

namespace WxOrders.Emulation.Live
{
    /// <summary>
    /// Start-WxOrdersSandbox -Live: on a timer, each API gets about -ChangesPerSecond events a second, half of them
    /// new orders and half status changes of orders (recent arrivals, or any order of the data set; the shop only
    /// changes orders created within -ShopChangeAge), each at the real clock's time. An order changes at most once a
    /// second, so (order id, update time) names one version. Tests pause it and step it by hand.
    /// </summary>
    internal sealed class LiveFeed : IDisposable
    {
        private const int TickMilliseconds = 100;

        private readonly SandboxContext context;
        private readonly Dictionary<SandboxSource, LiveSource> sources;
        private readonly Dictionary<SandboxSource, List<int>> recent = new Dictionary<SandboxSource, List<int>>();
        private readonly Random random;
        private readonly object gate = new object();
        private readonly Timer timer;
        private double budget;
        private int paused;
        private long events;

        public LiveFeed(SandboxContext context, IEnumerable<LiveSource> sources)
        {
            this.context = context;
            this.sources = sources.ToDictionary(s => s.Source);
            foreach (var source in this.sources.Keys)
            {
                recent[source] = new List<int>();
            }

            random = new Random(context.Seed);
            var rate = context.Options.ChangesPerSecond;
            timer = rate > 0 ? new Timer(_ => Tick(rate), null, TickMilliseconds, TickMilliseconds) : null;
        }

        public bool IsPaused => Volatile.Read(ref paused) != 0;

        /// <summary>Events so far (new orders and changes, every API).</summary>
        public long EventCount => Interlocked.Read(ref events);

        public LiveSource Source(SandboxSource source) => sources[source];

        public void Pause() => Volatile.Write(ref paused, 1);

        public void Resume()
        {
            lock (gate)
            {
                budget = 0; // no burst of the events a pause held back
            }

            Volatile.Write(ref paused, 0);
        }

        /// <summary>
        /// Makes <paramref name="count"/> events on <paramref name="source"/> now, paused or not: a new order when
        /// <paramref name="arrival"/> is true, a change when false (a new order when no order can change), either when null.
        /// </summary>
        public void Step(SandboxSource source, int count, bool? arrival = null)
        {
            lock (gate)
            {
                for (var n = 0; n < count; n++)
                {
                    StepOne(sources[source], DateTimeOffset.UtcNow, arrival);
                }
            }
        }

        public void Dispose()
        {
            if (timer != null)
            {
                using (var done = new ManualResetEvent(false))
                {
                    if (timer.Dispose(done))
                    {
                        done.WaitOne(TimeSpan.FromSeconds(5)); // no tick runs once the sandbox has stopped
                    }
                }
            }
        }

        private void Tick(double rate)
        {
            if (IsPaused || !Monitor.TryEnter(gate))
            {
                return;
            }

            try
            {
                budget += rate * TickMilliseconds / 1000.0;
                while (budget >= 1 && !IsPaused)
                {
                    budget -= 1;
                    var now = DateTimeOffset.UtcNow;
                    foreach (var source in sources.Values)
                    {
                        StepOne(source, now, null);
                    }
                }
            }
            catch (Exception)
            {
                // A feed that fails stops changing orders; it must not take the process down from a timer thread.
                Pause();
            }
            finally
            {
                Monitor.Exit(gate);
            }
        }

        private void StepOne(LiveSource source, DateTimeOffset now, bool? arrival)
        {
            Interlocked.Increment(ref events);
            var ledger = source.Ledger;
            var t = ledger.Clock(now);
            if (arrival != true && (arrival == false || random.NextDouble() >= 0.5) && TryChange(source, now, t))
            {
                return;
            }

            var status = source.NewStatuses[random.Next(source.NewStatuses.Length)];
            recent[source.Source].Add(ledger.Arrive(status, now));
        }

        /// <summary>Moves one order on to its next status: a recent arrival, or (not for the shop) any order.</summary>
        private bool TryChange(LiveSource source, DateTimeOffset now, long t)
        {
            var latest = source.Ledger.Latest;
            var arrivals = recent[source.Source];
            if (source.ChangeAge.HasValue)
            {
                var oldest = t - (long)source.ChangeAge.Value.TotalSeconds;
                arrivals.RemoveAll(i => source.Version(i, latest).Create < oldest);
            }

            for (var attempt = 0; attempt < 24; attempt++)
            {
                int index;
                if (source.ChangeAge.HasValue || (attempt % 2 == 0 && arrivals.Count > 0))
                {
                    if (arrivals.Count == 0)
                    {
                        return false;
                    }

                    index = arrivals[random.Next(arrivals.Count)];
                }
                else
                {
                    index = random.Next(source.StaticCount);
                }

                var current = source.Version(index, latest);
                var status = source.Next(current.Status, random);
                if (status.HasValue && current.Update < t)
                {
                    source.Ledger.Change(index, current, status.Value, now);
                    return true;
                }
            }

            return false;
        }
    }
}
