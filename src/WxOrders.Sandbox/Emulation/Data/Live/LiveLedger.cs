using System;
using System.Collections.Generic;
using System.Threading;

namespace WxOrders.Emulation.Data.Live
{
    /// <summary>
    /// The live part of one API's data set (Start-WxOrdersSandbox -Live): an append-only log of new orders and
    /// changes, each stamped with the real clock (unix seconds, never going back) and visible to the lists from that
    /// time plus the visibility delay. As the delay is the same for every event and the times never go back, the
    /// events visible at any moment are a prefix of the log, so a snapshot is named by its length and built once.
    /// Writers take the lock; readers take an immutable <see cref="LiveView"/>.
    /// </summary>
    internal sealed class LiveLedger
    {
        private static readonly LiveView Empty = new LiveView(0, 0, new Dictionary<int, OrderVersion>());

        private readonly object gate = new object();
        private readonly List<Event> log = new List<Event>();
        private readonly int staticCount;
        private readonly long delayTicks;
        private LiveView latest = Empty;
        private LiveView visible = Empty;
        private long lastTime;
        private int arrivals;

        public LiveLedger(int staticCount, TimeSpan visibilityDelay)
        {
            this.staticCount = staticCount;
            delayTicks = Math.Max(0, visibilityDelay.Ticks);
        }

        /// <summary>Every event so far: what lookups by id answer.</summary>
        public LiveView Latest => Volatile.Read(ref latest);

        /// <summary>The events visible to the lists now (older than the visibility delay).</summary>
        public LiveView Visible() => VisibleAt(DateTimeOffset.UtcNow);

        public LiveView VisibleAt(DateTimeOffset now)
        {
            var cached = Volatile.Read(ref visible);
            lock (gate)
            {
                var length = cached.Length;
                while (length < log.Count && log[length].VisibleAtTicks <= now.UtcTicks)
                {
                    length++;
                }

                if (length == cached.Length)
                {
                    return cached;
                }

                if (visible.Length >= length)
                {
                    return visible; // another request built it meanwhile
                }

                var view = Build(visible, length);
                Volatile.Write(ref visible, view);
                return view;
            }
        }

        /// <summary>The time of an event now: the real clock in unix seconds, never before the previous event's.</summary>
        public long Clock(DateTimeOffset now)
        {
            lock (gate)
            {
                return Math.Max(lastTime, now.ToUnixTimeSeconds());
            }
        }

        /// <summary>Records a new order (index: the next after the static data set and earlier arrivals).</summary>
        public int Arrive(int status, DateTimeOffset now, Func<long, OrderVersion> version = null)
        {
            lock (gate)
            {
                var index = staticCount + arrivals;
                var t = Math.Max(lastTime, now.ToUnixTimeSeconds());
                Append(index, version != null ? version(t) : new OrderVersion(status, t, t), now, arrival: true);
                return index;
            }
        }

        /// <summary>Records a change of order <paramref name="index"/> to <paramref name="status"/>, at the clock's time.</summary>
        public void Change(int index, OrderVersion current, int status, DateTimeOffset now)
        {
            lock (gate)
            {
                var t = Math.Max(lastTime, now.ToUnixTimeSeconds());
                Append(index, current.Changed(status, t), now, arrival: false);
            }
        }

        private void Append(int index, OrderVersion version, DateTimeOffset now, bool arrival)
        {
            lastTime = version.Update;
            if (arrival)
            {
                arrivals++;
            }

            log.Add(new Event { Index = index, Version = version, VisibleAtTicks = now.UtcTicks + delayTicks, Arrival = arrival });
            Volatile.Write(ref latest, Build(latest, log.Count));
        }

        /// <summary>A snapshot of the first <paramref name="length"/> events: <paramref name="from"/> plus the events after it.</summary>
        private LiveView Build(LiveView from, int length)
        {
            var versions = new Dictionary<int, OrderVersion>(from.Count + (length - from.Length));
            foreach (var pair in from.All)
            {
                versions[pair.Key] = pair.Value;
            }

            var newArrivals = from.Arrivals;
            for (var k = from.Length; k < length; k++)
            {
                versions[log[k].Index] = log[k].Version;
                if (log[k].Arrival)
                {
                    newArrivals++;
                }
            }

            return new LiveView(length, newArrivals, versions);
        }

        private struct Event
        {
            public int Index;
            public OrderVersion Version;
            public long VisibleAtTicks;
            public bool Arrival;
        }
    }
}
