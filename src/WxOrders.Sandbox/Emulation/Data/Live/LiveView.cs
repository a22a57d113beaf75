using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace WxOrders.Emulation.Data.Live
{
    /// <summary>
    /// An immutable snapshot of a live data set: the latest version of every order that arrived or changed, among the
    /// first <see cref="Length"/> events of its log. The list endpoints read the snapshot of the events visible now,
    /// the lookups the snapshot of all events; a snapshot never changes once built, so a request reads one consistent
    /// state while the feed goes on writing.
    /// </summary>
    internal sealed class LiveView
    {
        private readonly Dictionary<int, OrderVersion> versions;
        private readonly Dictionary<string, KeyValuePair<int, OrderVersion>[]> sorted = new Dictionary<string, KeyValuePair<int, OrderVersion>[]>(StringComparer.Ordinal);

        public LiveView(int length, int arrivals, Dictionary<int, OrderVersion> versions)
        {
            Length = length;
            Arrivals = arrivals;
            this.versions = versions;
        }

        /// <summary>How many events of the log this snapshot holds.</summary>
        public int Length { get; }

        /// <summary>How many new orders arrived among those events (their indexes follow the static data set's).</summary>
        public int Arrivals { get; }

        public int Count => versions.Count;

        public bool TryGet(int index, out OrderVersion version) => versions.TryGetValue(index, out version);

        public bool Contains(int index) => versions.ContainsKey(index);

        public IEnumerable<KeyValuePair<int, OrderVersion>> All => versions;

        /// <summary>The orders of this snapshot in the order of <paramref name="key"/> (ties by index), built once per key name.</summary>
        public KeyValuePair<int, OrderVersion>[] SortedBy(string name, Func<OrderVersion, long> key, bool descending)
        {
            lock (sorted)
            {
                if (!sorted.TryGetValue(name, out var list))
                {
                    list = versions.ToArray();
                    Array.Sort(list, (a, b) => LiveMerge.Compare(key(a.Value), a.Key, key(b.Value), b.Key, descending));
                    sorted[name] = list;
                }

                return list;
            }
        }
    }
}
