using System;

namespace WxOrders.Emulation.Data
{
    /// <summary>The one binary search of the sandbox: data sets are sorted, so a filter is an index range.</summary>
    internal static class SortedSearch
    {
        /// <summary>
        /// The first index in [0, <paramref name="count"/>) at which <paramref name="reached"/> holds, when it is false
        /// up to some index and true from there on; <paramref name="count"/> when it never holds.
        /// </summary>
        public static int First(int count, Func<int, bool> reached)
        {
            int lo = 0, hi = count;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (reached(mid))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }
    }
}
