using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Paging
{
    /// <summary>
    /// One page of a numbered-page API: its number (from 1), its items (null entries the API sent may stay in place),
    /// the total the API reported and how many entries the API sent (which says whether the page was full).
    /// </summary>
    internal sealed class ApiPage<T>
    {
        public ApiPage(int number, List<T> items, long? totalCount, int? rawCount = null)
        {
            Number = number;
            Items = items ?? new List<T>(0);
            TotalCount = totalCount;
            RawCount = Math.Max(rawCount ?? Items.Count, Items.Count);
        }

        public int Number { get; }

        public List<T> Items { get; }

        public long? TotalCount { get; }

        /// <summary>Entries the API sent on this page, null entries included (at least <see cref="Items"/>.Count).</summary>
        public int RawCount { get; }
    }

    /// <summary>A requested page: its number, the task that fetches it and when it was asked for.</summary>
    internal sealed class PendingPage<T>
    {
        public PendingPage(int number, Task<ApiPage<T>> task, long sequence = 0)
        {
            Number = number;
            Task = task;
            Sequence = sequence;
        }

        public int Number { get; }

        public Task<ApiPage<T>> Task { get; }

        /// <summary>1 for the walk's first request, 2 for the next, and so on (a page asked for again gets a new one).</summary>
        public long Sequence { get; }
    }

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
        /// True when the answer was left unused because it predates the page before it (see <see cref="PageWalk{T}"/>):
        /// the page is being fetched again and comes back from the next <see cref="PageWalk{T}.TryNext"/>.
        /// </summary>
        public bool Discarded { get; }
    }

    /// <summary>
    /// Walks a numbered-page API (page, pageSize, totalNum) in page order, with the -Skip/-First arithmetic of
    /// SupportsPaging. The first page is fetched alone; once the total is known, following pages are fetched ahead,
    /// at most <c>maxInFlight</c> at once, and never beyond the page -First needs. Items come out in page order, each
    /// id at most once (new orders shift pages during a walk). At most <c>maxInFlight</c> pages are held at a time.
    /// <para>
    /// Items that arrive at the top of the list during a walk push every item down. Two pages answered in page order
    /// then overlap (the overlap is de-duplicated), but a page answered before the page in front of it, with arrivals
    /// in between, starts too far down: the items at the boundary would fall into neither page. Each page carries the
    /// total it saw, and arrivals raise the total, so such a page shows a lower total than the page written before it.
    /// Its answer is then discarded and the page fetched again (once: a page asked for after the page before it was
    /// answered cannot predate it). A lower total from a page asked for later is a real decrease (items left the
    /// list): <see cref="TotalDecreased"/>.
    /// </para>
    /// <para>
    /// A page with fewer entries than asked for ends the walk only when it is the last page by the total it reports
    /// (or no total is reported): a server that caps the page size, or null entries, must not end the walk early.
    /// </para>
    /// Not thread-safe: one consumer (the pipeline thread) calls <see cref="TryNext"/> and <see cref="Complete"/>.
    /// </summary>
    internal sealed class PageWalk<T> : IDisposable
        where T : class
    {
        /// <summary>Pages that failed in a row before the walk gives up on the rest.</summary>
        public const int MaxConsecutiveFailures = 3;

        private readonly Func<int, CancellationToken, Task<ApiPage<T>>> fetch;
        private readonly Func<T, string> idOf;
        private readonly int pageSize;
        private readonly int maxInFlight;
        private readonly ulong first;
        private readonly int skipInStartPage;
        private readonly int startPage;
        private readonly long lastNeededPage;
        private readonly CancellationTokenSource cancellation;
        private readonly LinkedList<PendingPage<T>> window = new LinkedList<PendingPage<T>>();
        private readonly SeenIds seen = new SeenIds();
        private int nextPage;
        private long lastPage = -1;
        private bool ended;
        private int consecutiveFailures;
        private long sequence;
        private long sequenceAtLastWritten = -1;
        private long? lastWrittenTotal;
        private int lastDonePage;

        /// <param name="fetch">Fetches one page (page number, cancellation).</param>
        /// <param name="idOf">The id that de-duplicates an item (null: never a duplicate).</param>
        /// <param name="pageSize">Items per page the API is asked for.</param>
        /// <param name="skip">Items to skip from the start of the result (-Skip).</param>
        /// <param name="first">Items to write at most (-First; ulong.MaxValue for all).</param>
        /// <param name="maxInFlight">Pages requested at once (-ThrottleLimit).</param>
        /// <param name="needTotal">With -First 0: still read one page, for the total (-IncludeTotalCount).</param>
        public PageWalk(Func<int, CancellationToken, Task<ApiPage<T>>> fetch, Func<T, string> idOf, int pageSize, ulong skip, ulong first, int maxInFlight, bool needTotal, CancellationToken cancellationToken)
        {
            if (pageSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize));
            }

            this.fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            this.idOf = idOf;
            this.pageSize = pageSize;
            this.first = first;
            this.maxInFlight = Math.Max(1, maxInFlight);
            cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            var startIndex = skip / (ulong)pageSize;
            startPage = startIndex >= int.MaxValue ? int.MaxValue : (int)startIndex + 1;
            skipInStartPage = (int)(skip % (ulong)pageSize);
            nextPage = startPage;
            lastDonePage = startPage - 1;

            // The last page -First can need, if no id repeats: pages beyond it are fetched one at a time, only when
            // duplicates left -First unmet.
            var needed = first == ulong.MaxValue ? ulong.MaxValue : (first + (ulong)skipInStartPage + (ulong)pageSize - 1) / (ulong)pageSize;
            lastNeededPage = needed > (ulong)int.MaxValue ? long.MaxValue : startPage + Math.Max(1, (long)needed) - 1;
            if (first == 0 && !needTotal)
            {
                ended = true;
            }
        }

        /// <summary>The total the API reported (the totalNum of the latest page used); null until a page arrived.</summary>
        public long? TotalCount { get; private set; }

        /// <summary>The totalNum of the first page used; null until a page arrived.</summary>
        public long? FirstTotalCount { get; private set; }

        /// <summary>The lowest and highest totalNum of the pages used.</summary>
        public long? LowestTotalCount { get; private set; }

        public long? HighestTotalCount { get; private set; }

        /// <summary>True when a page asked for after the page before it was answered reported a lower total: items left the list.</summary>
        public bool TotalDecreased { get; private set; }

        /// <summary>Pages fetched again because their answer predated the page before them.</summary>
        public int PagesRefetched { get; private set; }

        /// <summary>Null entries the API sent in place of items.</summary>
        public long NullEntries { get; private set; }

        /// <summary>The first page that came back with fewer entries than asked for although the total called for more; 0 if none.</summary>
        public int ShortPageNumber { get; private set; }

        /// <summary>The entries of <see cref="ShortPageNumber"/>.</summary>
        public int ShortPageCount { get; private set; }

        /// <summary>The first page this walk asks for (from -Skip).</summary>
        public int StartPage => startPage;

        /// <summary>The last page as far as the total tells; null while unknown.</summary>
        public long? LastPage => lastPage < 0 ? (long?)null : lastPage;

        public ulong Emitted { get; private set; }

        public int PagesRequested { get; private set; }

        public int PagesRead { get; private set; }

        public int PagesFailed { get; private set; }

        /// <summary>
        /// Pages of the walk (as far as the total and -First tell) never read because the walk stopped early after
        /// failures (<see cref="StoppedBecause"/>), pages fetched ahead and abandoned included; null when the total is unknown.
        /// </summary>
        public long? PagesNotRead
        {
            get
            {
                if (StoppedBecause == null)
                {
                    return 0;
                }

                if (lastPage < 0)
                {
                    return null;
                }

                return Math.Max(0, Math.Min(lastPage, lastNeededPage) - lastDonePage);
            }
        }

        /// <summary>
        /// How many items the walk should write as the first total tells: totalNum minus -Skip, at most -First;
        /// null while no total is known.
        /// </summary>
        public ulong? ExpectedCount
        {
            get
            {
                if (!FirstTotalCount.HasValue)
                {
                    return null;
                }

                var skipped = ((ulong)(startPage - 1) * (ulong)pageSize) + (ulong)skipInStartPage;
                var total = (ulong)FirstTotalCount.Value;
                var available = total > skipped ? total - skipped : 0;
                return Math.Min(available, first);
            }
        }

        /// <summary>Items left out because their id was already written.</summary>
        public long Duplicates { get; private set; }

        /// <summary>Why the walk stopped before its end after failures; null otherwise.</summary>
        public string StoppedBecause { get; private set; }

        /// <summary>The next page in page order (requesting pages ahead as allowed); false when the walk is over.</summary>
        public bool TryNext(out PendingPage<T> next)
        {
            next = null;
            if (ended)
            {
                return false;
            }

            Fill();
            if (window.Count == 0)
            {
                ended = true;
                return false;
            }

            next = window.First.Value;
            return true;
        }

        /// <summary>
        /// Takes the page <see cref="TryNext"/> returned, once its task has completed, and says what to write for it.
        /// A cancelled task is the caller's to handle (the pipeline is stopping): do not pass it here.
        /// </summary>
        public PageOutcome<T> Complete(PendingPage<T> page)
        {
            if (window.Count == 0 || !ReferenceEquals(window.First.Value, page) || !page.Task.IsCompleted)
            {
                throw new InvalidOperationException("Complete takes the completed head page returned by TryNext.");
            }

            window.RemoveFirst();
            if (page.Task.IsFaulted || page.Task.IsCanceled)
            {
                lastDonePage = page.Number;
                var error = page.Task.IsFaulted
                    ? (page.Task.Exception.InnerExceptions.Count == 1 ? page.Task.Exception.InnerException : page.Task.Exception)
                    : new OperationCanceledException();
                PagesFailed++;
                consecutiveFailures++;
                if (StopsWalk(error))
                {
                    End("page " + page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " failed with an error that would repeat on every page");
                }
                else if (consecutiveFailures >= MaxConsecutiveFailures)
                {
                    End(MaxConsecutiveFailures.ToString(System.Globalization.CultureInfo.InvariantCulture) + " pages in a row failed");
                }

                return new PageOutcome<T>(page.Number, new List<T>(0), error);
            }

            var result = page.Task.Result;
            var total = result.TotalCount.HasValue && result.TotalCount.Value >= 0 ? result.TotalCount : null;
            if (total.HasValue && lastWrittenTotal.HasValue && total.Value < lastWrittenTotal.Value)
            {
                if (page.Sequence > sequenceAtLastWritten)
                {
                    // Asked for after the page before it was answered: the list really shrank.
                    TotalDecreased = true;
                }
                else if (!cancellation.IsCancellationRequested)
                {
                    // Asked for before the page in front of it was answered, and answered before items arrived that
                    // page saw: the items at the boundary would be in neither. Ask again, at the head of the window.
                    PagesRefetched++;
                    window.AddFirst(Request(page.Number));
                    return new PageOutcome<T>(page.Number, new List<T>(0), null, discarded: true);
                }
            }

            consecutiveFailures = 0;
            PagesRead++;
            lastDonePage = page.Number;
            sequenceAtLastWritten = sequence;
            var items = result.Items;
            long pagesByThisTotal = -1;
            if (total.HasValue)
            {
                TotalCount = total.Value;
                lastWrittenTotal = total.Value;
                FirstTotalCount = FirstTotalCount ?? total.Value;
                LowestTotalCount = Math.Min(LowestTotalCount ?? long.MaxValue, total.Value);
                HighestTotalCount = Math.Max(HighestTotalCount ?? long.MinValue, total.Value);
                pagesByThisTotal = (total.Value + pageSize - 1) / pageSize;
                // New orders can raise the total during a walk: the walk follows it and never shrinks.
                lastPage = Math.Max(lastPage, pagesByThisTotal);
            }

            NullEntries += result.RawCount - items.Count;

            var output = new List<T>(items.Count);
            var start = page.Number == startPage ? skipInStartPage : 0;
            for (var i = start; i < items.Count; i++)
            {
                if (Emitted >= first)
                {
                    break;
                }

                var item = items[i];
                if (item == null)
                {
                    NullEntries++;
                    continue;
                }

                var id = idOf?.Invoke(item);
                if (id != null && !seen.Add(id))
                {
                    Duplicates++;
                    continue;
                }

                output.Add(item);
                Emitted++;
            }

            var isShort = result.RawCount < pageSize;
            var lastByItsTotal = pagesByThisTotal < 0 || page.Number >= pagesByThisTotal;
            if (Emitted >= first || (isShort && lastByItsTotal) || (lastPage >= 0 && page.Number >= lastPage))
            {
                // -First is met; a short page that is the last by its total (or without one); or the total says
                // there is nothing more.
                End(null);
            }
            else if (isShort && ShortPageNumber == 0)
            {
                // Short, yet the total calls for more pages: the server caps the page size, or lost entries.
                ShortPageNumber = page.Number;
                ShortPageCount = result.RawCount;
            }

            return new PageOutcome<T>(page.Number, output, null);
        }

        public void Dispose()
        {
            End(null);
            cancellation.Dispose();
        }

        private void Fill()
        {
            while (window.Count < maxInFlight && nextPage <= int.MaxValue - 1 && CanRequest(nextPage))
            {
                window.AddLast(Request(nextPage++));
            }
        }

        private PendingPage<T> Request(int number)
        {
            PagesRequested++;
            var ticket = ++sequence;
            return new PendingPage<T>(number, Start(number), ticket);
        }

        private bool CanRequest(int number)
        {
            if (cancellation.IsCancellationRequested)
            {
                return false;
            }

            if (lastPage < 0)
            {
                // Total unknown: one page at a time.
                return window.Count == 0;
            }

            if (number > lastPage)
            {
                return false;
            }

            // Beyond what -First needs: only when everything before it is done and -First is still unmet.
            return number <= lastNeededPage || window.Count == 0;
        }

        private Task<ApiPage<T>> Start(int number)
        {
            try
            {
                return fetch(number, cancellation.Token);
            }
            catch (Exception ex)
            {
                var failed = new TaskCompletionSource<ApiPage<T>>();
                failed.SetException(ex);
                return failed.Task;
            }
        }

        private void End(string reason)
        {
            if (reason != null && StoppedBecause == null)
            {
                StoppedBecause = reason;
            }

            ended = true;
            if (window.Count > 0)
            {
                // Pages fetched ahead that will not be written: stop them and observe their outcome.
                try
                {
                    cancellation.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }

                while (window.Count > 0)
                {
                    var abandoned = window.First.Value;
                    window.RemoveFirst();
                    abandoned.Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }

        /// <summary>Failures that would repeat on every page: credentials, permissions, quotas, a refused query, bugs.</summary>
        private static bool StopsWalk(Exception error)
        {
            if (error is WxApiException api)
            {
                switch (api.Category)
                {
                    case WxErrorCategory.AuthenticationError:
                    case WxErrorCategory.PermissionDenied:
                    case WxErrorCategory.LimitsExceeded:
                    case WxErrorCategory.InvalidArgument:
                        return true;
                    default:
                        return false;
                }
            }

            return !(error is OperationCanceledException);
        }
    }

    /// <summary>
    /// The ids a walk has written. Numeric ids (the usual case: order ids of up to 18 digits) are kept as longs,
    /// a fraction of the memory of strings; anything else as strings.
    /// </summary>
    internal sealed class SeenIds
    {
        private readonly HashSet<long> numbers = new HashSet<long>();
        private HashSet<string> texts;

        public int Count => numbers.Count + (texts?.Count ?? 0);

        /// <summary>True when the id is new (and remembers it).</summary>
        public bool Add(string id)
        {
            if (TryNumber(id, out var n))
            {
                return numbers.Add(n);
            }

            return (texts ?? (texts = new HashSet<string>(StringComparer.Ordinal))).Add(id);
        }

        private static bool TryNumber(string s, out long value)
        {
            value = 0;
            // 1 to 18 digits, no leading zero (so "007" and "7" stay different ids), nothing else.
            if (s.Length == 0 || s.Length > 18 || (s[0] == '0' && s.Length > 1))
            {
                return false;
            }

            for (var i = 0; i < s.Length; i++)
            {
                var d = s[i] - '0';
                if ((uint)d > 9)
                {
                    return false;
                }

                value = (value * 10) + d;
            }

            return true;
        }
    }
}
