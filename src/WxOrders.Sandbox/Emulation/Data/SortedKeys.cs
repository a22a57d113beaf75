using System;
using System.Threading;

namespace WxOrders.Emulation.Data
{
    /// <summary>
    /// The indexes of a data set in ascending order of one time (ties by index), built once on first use, so a time
    /// window of a list endpoint is a range found by binary search (<see cref="SortedSearch"/>), as the union search
    /// does with its commission-update order. Orders without that time (key <see cref="None"/>) sort first and are
    /// outside every window.
    /// </summary>
    internal sealed class SortedKeys
    {
        /// <summary>The key of an order that has no such time (not completed yet, for example).</summary>
        public const long None = long.MinValue;

        private readonly int count;
        private readonly Func<int, long> key;
        private readonly object gate = new object();
        private int[] order;
        private long[] keys;

        public SortedKeys(int count, Func<int, long> key)
        {
            this.count = count;
            this.key = key;
        }

        /// <summary>The orders whose key is in [<paramref name="from"/>, <paramref name="to"/>] (inclusive; null: unbounded), ascending.</summary>
        public OrderSelection Window(long? from, long? to)
        {
            Ensure();
            var sorted = Volatile.Read(ref keys);
            var lo = SortedSearch.First(count, k => sorted[k] >= (from ?? None + 1));
            var hi = to.HasValue ? SortedSearch.First(count, k => sorted[k] > to.Value) : count;
            return new OrderSelection(order, lo, Math.Max(0, hi - lo));
        }

        private void Ensure()
        {
            if (Volatile.Read(ref keys) != null)
            {
                return;
            }

            lock (gate)
            {
                if (keys != null)
                {
                    return;
                }

                var k = new long[count];
                var o = new int[count];
                for (var i = 0; i < count; i++)
                {
                    k[i] = key(i);
                    o[i] = i;
                }

                // Stable on the index: Array.Sort is not stable, so ties are ordered by a second pass.
                Array.Sort(k, o);
                var start = 0;
                for (var p = 1; p <= count; p++)
                {
                    if (p == count || k[p] != k[start])
                    {
                        if (p - start > 1)
                        {
                            Array.Sort(o, start, p - start);
                        }

                        start = p;
                    }
                }

                order = o;
                Volatile.Write(ref keys, k);
            }
        }
    }
}
