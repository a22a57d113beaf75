using System;
using System.Collections.Generic;

namespace WxOrders.Paging
{
    /// <summary>One span of a search window in unix seconds, both ends inclusive, as a list request sends it.</summary>
    internal readonly struct TimeSlice : IEquatable<TimeSlice>
    {
        public TimeSlice(long start, long end)
        {
            Start = start;
            End = end;
        }

        public long Start { get; }

        public long End { get; }

        public bool Equals(TimeSlice other) => Start == other.Start && End == other.End;

        public override bool Equals(object obj) => obj is TimeSlice other && Equals(other);

        public override int GetHashCode() => Start.GetHashCode() ^ (End.GetHashCode() * 31);

        public override string ToString() => Start + ".." + End;
    }

    /// <summary>
    /// Splits a window into consecutive slices a list API accepts in one request (the WeChat Store order list takes
    /// at most 7 days per time range: https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getorderlist.html).
    /// Slices are oldest first, touch without overlapping (the next starts one second after the last ended) and cover
    /// every second of the window once; each has End - Start at most <c>maxSpanSeconds</c>.
    /// </summary>
    internal static class TimeSlices
    {
        public static List<TimeSlice> Split(long start, long end, long maxSpanSeconds)
        {
            if (end < start)
            {
                throw new ArgumentOutOfRangeException(nameof(end), "The window ends before it starts.");
            }

            if (maxSpanSeconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxSpanSeconds));
            }

            var slices = new List<TimeSlice>((int)Math.Min(1024, ((end - start) / (maxSpanSeconds + 1)) + 1));
            var from = start;
            while (true)
            {
                // end - from may exceed maxSpanSeconds by any amount; from + maxSpanSeconds cannot overflow for unix seconds.
                var to = end - from <= maxSpanSeconds ? end : from + maxSpanSeconds;
                slices.Add(new TimeSlice(from, to));
                if (to == end)
                {
                    return slices;
                }

                from = to + 1;
            }
        }
    }
}
