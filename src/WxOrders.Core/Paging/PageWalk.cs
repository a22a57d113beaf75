using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Paging
{
    /// <summary>One page of a numbered-page API: its number (from 1), its items and the total the API reported.</summary>
    internal sealed class ApiPage<T>
    {
        public ApiPage(int number, List<T> items, long? totalCount)
        {
            Number = number;
            Items = items ?? new List<T>(0);
            TotalCount = totalCount;
        }

        public int Number { get; }

        public List<T> Items { get; }

        public long? TotalCount { get; }
    }

    /// <summary>A requested page: its number and the task that fetches it.</summary>
    internal sealed class PendingPage<T>
    {
        public PendingPage(int number, Task<ApiPage<T>> task)
        {
            Number = number;
            Task = task;
        }

        public int Number { get; }

        public Task<ApiPage<T>> Task { get; }
    }

    /// <summary>What to write for one page, in page order: its new items, or the failure of the page.</summary>
    internal sealed class PageOutcome<T>
    {
        public PageOutcome(int number, List<T> items, Exception error)
        {
            Number = number;
            Items = items;
            Error = error;
        }

        public int Number { get; }

        /// <summary>Items to write (already skipped, de-duplicated and cut to -First); empty for a failed page.</summary>
        public List<T> Items { get; }

        /// <summary>Why the page failed; null for a page that arrived.</summary>
        public Exception Error { get; }
    }

    /// <summary>
    /// Walks a numbered-page API (page, pageSize, totalNum) in page order, with the -Skip/-First arithmetic of
    /// SupportsPaging. The first page is fetched alone; once the total is known, following pages are fetched ahead,
    /// at most <c>maxInFlight</c> at once, and never beyond the page -First needs. Items come out in page order, each
    /// id at most once (new orders shift pages during a walk). At most <c>maxInFlight</c> pages are held at a time.
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
        private readonly Queue<PendingPage<T>> window = new Queue<PendingPage<T>>();
        private readonly SeenIds seen = new SeenIds();
        private int nextPage;
        private long lastPage = -1;
        private bool ended;
        private int consecutiveFailures;

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

            // The last page -First can need, if no id repeats: pages beyond it are fetched one at a time, only when
            // duplicates left -First unmet.
            var needed = first == ulong.MaxValue ? ulong.MaxValue : (first + (ulong)skipInStartPage + (ulong)pageSize - 1) / (ulong)pageSize;
            lastNeededPage = needed > (ulong)int.MaxValue ? long.MaxValue : startPage + Math.Max(1, (long)needed) - 1;
            if (first == 0 && !needTotal)
            {
                ended = true;
            }
        }

        /// <summary>The total the API reported (the latest page's totalNum); null until a page arrived.</summary>
        public long? TotalCount { get; private set; }

        /// <summary>The first page this walk asks for (from -Skip).</summary>
        public int StartPage => startPage;

        /// <summary>The last page as far as the total tells; null while unknown.</summary>
        public long? LastPage => lastPage < 0 ? (long?)null : lastPage;

        public ulong Emitted { get; private set; }

        public int PagesRequested { get; private set; }

        public int PagesRead { get; private set; }

        public int PagesFailed { get; private set; }

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

            next = window.Peek();
            return true;
        }

        /// <summary>
        /// Takes the page <see cref="TryNext"/> returned, once its task has completed, and says what to write for it.
        /// A cancelled task is the caller's to handle (the pipeline is stopping): do not pass it here.
        /// </summary>
        public PageOutcome<T> Complete(PendingPage<T> page)
        {
            if (window.Count == 0 || !ReferenceEquals(window.Peek(), page) || !page.Task.IsCompleted)
            {
                throw new InvalidOperationException("Complete takes the completed head page returned by TryNext.");
            }

            window.Dequeue();
            if (page.Task.IsFaulted || page.Task.IsCanceled)
            {
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

            consecutiveFailures = 0;
            PagesRead++;
            var result = page.Task.Result;
            var items = result.Items;
            if (result.TotalCount.HasValue && result.TotalCount.Value >= 0)
            {
                TotalCount = result.TotalCount.Value;
                var pages = (result.TotalCount.Value + pageSize - 1) / pageSize;
                // New orders can raise the total during a walk: the walk follows it, never shrinks (a short page ends it).
                lastPage = Math.Max(lastPage, pages);
            }

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

            if (items.Count < pageSize || Emitted >= first || (lastPage >= 0 && page.Number >= lastPage))
            {
                // A short page is the end of the data; -First is met; or the total says there is nothing more.
                End(null);
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
                var number = nextPage++;
                PagesRequested++;
                window.Enqueue(new PendingPage<T>(number, Start(number)));
            }
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
                    window.Dequeue().Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
