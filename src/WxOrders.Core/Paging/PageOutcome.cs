using System;
using System.Collections.Generic;

namespace WxOrders.Paging
{
    /// <summary>What to write for one page, in page order: its new items, or the failure of the page.</summary>
    internal sealed class PageOutcome<T>
    {
        public PageOutcome(int number, List<T> items, Exception error, bool discarded = false)
        {
            Number = number;
            Items = items;
            Error = error;
            Discarded = discarded;
        }

        public int Number { get; }

        /// <summary>Items to write (already skipped, de-duplicated and cut to -First); empty for a failed page.</summary>
        public List<T> Items { get; }

        /// <summary>Why the page failed; null for a page that arrived.</summary>
        public Exception Error { get; }

        /// <summary>
        /// True when the page is being fetched again and comes back from the next <see cref="PageWalk{T}.TryNext"/>:
        /// a numbered page whose answer predates the page before it (<see cref="NumberedPageWalk{T}"/>; Error null), or
        /// a cursor page whose attempt failed with an error that may not repeat (<see cref="CursorPageWalk{T}"/>; Error
        /// says why). Nothing of it is written, and it is not a failed page.
        /// </summary>
        public bool Discarded { get; }
    }
}
