using System;
using System.Collections.Generic;

namespace WxOrders.Paging
{
    /// <summary>
    /// One thing a search writes, on the pipeline thread, in order: the objects of a page (or of one item read in
    /// full), a failure with its TargetObject ("page N", or the item's id), or a page being asked for again.
    /// </summary>
    public sealed class SearchStep<T>
    {
        private static readonly T[] None = new T[0];

        internal SearchStep(int page, IReadOnlyList<T> items, Exception error, string target, bool retrying = false, bool cancelled = false)
        {
            Page = page;
            Items = items ?? None;
            Error = error;
            Target = target;
            Retrying = retrying;
            Cancelled = cancelled;
        }

        /// <summary>The latest page of the list read (for progress); 0 before any.</summary>
        public int Page { get; }

        /// <summary>Objects to write, in order.</summary>
        public IReadOnlyList<T> Items { get; }

        /// <summary>A failure to write as a non-terminating error (or, when <see cref="Retrying"/>, as a verbose line); null otherwise.</summary>
        public Exception Error { get; }

        /// <summary>The TargetObject of <see cref="Error"/>: "page N", or the id of the item that could not be read.</summary>
        public string Target { get; }

        /// <summary>The page is being asked for again: nothing to write (an <see cref="Error"/> says why, for the verbose stream).</summary>
        public bool Retrying { get; }

        /// <summary>The pipeline is stopping: write nothing, stop.</summary>
        public bool Cancelled { get; }

        internal static SearchStep<T> Stopped(int page) => new SearchStep<T>(page, null, null, null, cancelled: true);
    }
}
