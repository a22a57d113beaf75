using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Paging
{
    /// <summary>
    /// A search as its cmdlet consumes it, one step at a time on the pipeline thread: <see cref="TryNext"/> gives the
    /// task to wait for (the cmdlet waits, writing log lines and honouring Ctrl+C), then <see cref="Take"/> gives what
    /// to write. Either the list's own items (<see cref="PageSearchRun{T}"/>) or each listed item read in full by a
    /// second request (<see cref="DetailedSearchRun{TItem, TResult}"/>). The closing report and whether the search was
    /// complete come from the same place.
    /// </summary>
    public abstract class SearchRun<T> : IDisposable
    {
        private protected SearchRun()
        {
        }

        /// <summary>The list walk: its counters (total, pages) for progress and -IncludeTotalCount.</summary>
        public abstract PageWalk Walk { get; }

        /// <summary>Objects written so far.</summary>
        public abstract ulong Written { get; }

        /// <summary>True when the search wrote everything it was asked for (see <see cref="PageWalk.IsComplete"/>).</summary>
        public abstract bool IsComplete { get; }

        /// <summary>The task to wait for before <see cref="Take"/>; false when the search is over.</summary>
        public abstract bool TryNext(out Task wait);

        /// <summary>What to write next, once the task <see cref="TryNext"/> gave has completed.</summary>
        public abstract SearchStep<T> Take();

        /// <summary>The warnings the search ends with, in order.</summary>
        public virtual IReadOnlyList<string> Notices(string noun, string fixedSetAdvice) => Walk.Notices(noun, fixedSetAdvice);

        /// <summary>The verbose lines the search ends with.</summary>
        public IReadOnlyList<string> Remarks(string noun) => Walk.Remarks(noun);

        public abstract void Dispose();

        /// <summary>A page's task that ended because the pipeline is stopping (not a failure to report).</summary>
        private protected static bool StoppedBy(Task task, CancellationToken cancellationToken) =>
            task.IsCanceled || (task.IsFaulted && cancellationToken.IsCancellationRequested);

        private protected static string PageTarget(int number) => "page " + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
