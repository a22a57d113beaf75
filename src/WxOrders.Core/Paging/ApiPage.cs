using System;
using System.Collections.Generic;

namespace WxOrders.Paging
{
    /// <summary>
    /// One page of a list API, as a fetch returns it to a <see cref="PageWalk{T}"/>: its items (null entries the API
    /// sent may stay in place) and how many entries the API sent (which says whether the page was full), with either
    /// the total the API reported (numbered pages) or the cursor of the next page and whether there is one (cursor
    /// pages).
    /// </summary>
    public sealed class ApiPage<T>
    {
        /// <summary>A numbered page (from 1) and the total the API reported with it.</summary>
        public ApiPage(int number, List<T> items, long? totalCount, int? rawCount = null)
        {
            Number = number;
            Items = items ?? new List<T>(0);
            TotalCount = totalCount;
            RawCount = Math.Max(rawCount ?? Items.Count, Items.Count);
        }

        /// <summary>A cursor page: the cursor to send for the next page (next_key) and whether more follow (has_more).</summary>
        public ApiPage(List<T> items, string nextCursor, bool hasMore, int? rawCount = null)
            : this(0, items, null, rawCount)
        {
            NextCursor = nextCursor;
            HasMore = hasMore;
        }

        /// <summary>The page number a numbered page was asked for; 0 for a cursor page.</summary>
        public int Number { get; }

        public List<T> Items { get; }

        /// <summary>The total the API reported (numbered pages); null when it reported none.</summary>
        public long? TotalCount { get; }

        /// <summary>Entries the API sent on this page, null entries included (at least <see cref="Items"/>.Count).</summary>
        public int RawCount { get; }

        /// <summary>The cursor of the next page (cursor pages).</summary>
        public string NextCursor { get; }

        /// <summary>True when the API said more pages follow (cursor pages).</summary>
        public bool HasMore { get; }
    }
}
