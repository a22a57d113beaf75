using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;

namespace WxOrders.Paging
{
    /// <summary>
    /// The counters of a list walk, whatever its page style, and the closing report built from them: the notices
    /// (warnings) a search ends with, the remarks (verbose lines), and whether the walk was complete.
    /// </summary>
    public abstract class PageWalk
    {
        private protected PageWalk()
        {
        }

        /// <summary>Failures in a row (pages, or attempts at one cursor page) before the walk gives up on the rest.</summary>
        public const int MaxConsecutiveFailures = 3;

        /// <summary>Items the walk gave out to be written (after -Skip, de-duplication and -First).</summary>
        public ulong Emitted { get; private protected set; }

        public int PagesRequested { get; private protected set; }

        public int PagesRead { get; private protected set; }

        /// <summary>Pages given up on (a cursor page asked again after a failed attempt is not one until the last attempt).</summary>
        public int PagesFailed { get; private protected set; }

        /// <summary>Items left out because their id was already written.</summary>
        public long Duplicates { get; private protected set; }

        /// <summary>Null entries the API sent in place of items.</summary>
        public long NullEntries { get; private protected set; }

        /// <summary>Why the walk stopped before its end; null otherwise.</summary>
        public string StoppedBecause { get; private protected set; }

        /// <summary>
        /// True once the walk reached its end by itself (the last page, -First met, or stopped early by the walk's own
        /// rules); false while it runs and when it was cancelled or disposed first.
        /// </summary>
        public bool Finished { get; private protected set; }

        /// <summary>The total the API reported; null for a cursor walk and until a numbered page arrived.</summary>
        public virtual long? TotalCount => null;

        /// <summary>The last page as far as the total tells; null while unknown (and always for a cursor walk).</summary>
        public virtual long? LastPage => null;

        /// <summary>The first page this walk asks for.</summary>
        public virtual int StartPage => 1;

        /// <summary>
        /// True when the walk wrote everything it was asked for: it finished, no page failed, it did not stop early,
        /// and nothing in the closing report says items may be missing (a gap, a falling total). A checkpoint records
        /// nothing for an incomplete walk.
        /// </summary>
        public abstract bool IsComplete { get; }

        /// <summary>The warnings the search ends with, in order; empty when there is nothing to say.</summary>
        /// <param name="noun">Word for the items ("orders").</param>
        /// <param name="fixedSetAdvice">How to search a set that cannot change under the walk (ends a sentence).</param>
        public abstract IReadOnlyList<string> Notices(string noun, string fixedSetAdvice);

        /// <summary>Verbose lines the search ends with: what the walk left out on purpose.</summary>
        public virtual IReadOnlyList<string> Remarks(string noun)
        {
            if (Duplicates == 0)
            {
                return Array.Empty<string>();
            }

            return new[]
            {
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} {1} already written were left out: {2}",
                    Duplicates,
                    noun,
                    DuplicatesCause(noun)),
            };
        }

        /// <summary>Why ids came twice (ends the remark).</summary>
        private protected abstract string DuplicatesCause(string noun);
    }

    /// <summary>
    /// What both page styles share: pages requested in order (a window of pages in flight), written in order, each
    /// id at most once (bounded memory: <see cref="SeenIds"/>), null entries skipped and counted, -First cut, and the
    /// failure rules (whether a failure ends the walk is the error table's: <see cref="ErrorCatalog.EndsWalk"/>).
    /// A style decides which pages to ask for, what a failed page means, and when the walk ends:
    /// <see cref="NumberedPageWalk{T}"/> and <see cref="CursorPageWalk{T}"/>.
    /// Not thread-safe: one consumer (the pipeline thread) calls <see cref="TryNext"/> and <see cref="Complete"/>.
    /// </summary>
    public abstract class PageWalk<T> : PageWalk, IDisposable
        where T : class
    {
        private readonly Func<T, string> idOf;
        private readonly CancellationToken outer;
        private readonly SeenIds seen = new SeenIds();
        private long sequence;
        private bool ended;

        /// <param name="idOf">The id that de-duplicates an item (null: never a duplicate).</param>
        /// <param name="first">Items to write at most (-First; ulong.MaxValue for all).</param>
        /// <param name="cancellationToken">The pipeline's: cancelled, the walk stops and is not <see cref="PageWalk.Finished"/>.</param>
        private protected PageWalk(Func<T, string> idOf, ulong first, CancellationToken cancellationToken)
        {
            this.idOf = idOf;
            First = first;
            outer = cancellationToken;
            Cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>Pages requested and not yet completed, in page order (the head is the next to write).</summary>
        private protected LinkedList<PendingPage<T>> Window { get; } = new LinkedList<PendingPage<T>>();

        /// <summary>Cancelled when the walk ends (pages fetched ahead are stopped) or the pipeline stops.</summary>
        private protected CancellationTokenSource Cancellation { get; }

        private protected ulong First { get; }

        /// <summary>The sequence number of the latest request.</summary>
        private protected long Sequence => sequence;

        /// <summary>The next page in page order (requesting pages as the style allows); false when the walk is over.</summary>
        internal bool TryNext(out PendingPage<T> next)
        {
            next = null;
            if (ended)
            {
                return false;
            }

            Fill();
            if (Window.Count == 0)
            {
                // Nothing more to ask for: the end, unless the pipeline is stopping.
                MarkEnded();
                return false;
            }

            next = Window.First.Value;
            return true;
        }

        /// <summary>
        /// Takes the page <see cref="TryNext"/> returned, once its task has completed, and says what to write for it.
        /// A cancelled task is the caller's to handle (the pipeline is stopping): do not pass it here.
        /// </summary>
        internal PageOutcome<T> Complete(PendingPage<T> page)
        {
            if (Window.Count == 0 || !ReferenceEquals(Window.First.Value, page) || !page.Task.IsCompleted)
            {
                throw new InvalidOperationException("Complete takes the completed head page returned by TryNext.");
            }

            Window.RemoveFirst();
            if (page.Task.IsFaulted || page.Task.IsCanceled)
            {
                var error = page.Task.IsFaulted
                    ? (page.Task.Exception.InnerExceptions.Count == 1 ? page.Task.Exception.InnerException : page.Task.Exception)
                    : new OperationCanceledException();
                return Failed(page, error);
            }

            return Arrived(page, page.Task.Result);
        }

        public void Dispose()
        {
            // Not an end the walk reached: Finished stays as it is.
            ended = true;
            Abandon();
            Cancellation.Dispose();
        }

        /// <summary>Requests what the style allows now (into <see cref="Window"/>).</summary>
        private protected abstract void Fill();

        /// <summary>The head page failed (after the client's own retries): count it, and say what to write.</summary>
        private protected abstract PageOutcome<T> Failed(PendingPage<T> page, Exception error);

        /// <summary>The head page arrived: take its items (<see cref="Admit"/>), decide whether the walk goes on.</summary>
        private protected abstract PageOutcome<T> Arrived(PendingPage<T> page, ApiPage<T> result);

        /// <summary>Starts fetching a page and counts the request.</summary>
        private protected PendingPage<T> Request(int number, Func<CancellationToken, Task<ApiPage<T>>> fetch)
        {
            PagesRequested++;
            var ticket = ++sequence;
            Task<ApiPage<T>> task;
            try
            {
                task = fetch(Cancellation.Token);
            }
            catch (Exception ex)
            {
                var failed = new TaskCompletionSource<ApiPage<T>>();
                failed.SetException(ex);
                task = failed.Task;
            }

            return new PendingPage<T>(number, task, ticket);
        }

        /// <summary>
        /// The items of an arrived page to write: from <paramref name="skipHere"/> on, without null entries and ids
        /// already written, at most up to -First. Counts null entries, duplicates and what it gives out.
        /// </summary>
        private protected List<T> Admit(ApiPage<T> result, int skipHere)
        {
            var items = result.Items;
            NullEntries += result.RawCount - items.Count;
            var output = new List<T>(items.Count);
            for (var i = skipHere; i < items.Count; i++)
            {
                if (Emitted >= First)
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

            return output;
        }

        /// <summary>Whether a failure would repeat on every page (the error table decides).</summary>
        private protected static bool EndsWalk(Exception error) => ErrorCatalog.EndsWalk(error);

        private protected static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

        /// <summary>Ends the walk (with the reason it stopped early, or null for a normal end); pages in flight are abandoned.</summary>
        private protected void End(string reason)
        {
            if (reason != null && StoppedBecause == null)
            {
                StoppedBecause = reason;
            }

            MarkEnded();
            Abandon();
        }

        private void MarkEnded()
        {
            if (!ended)
            {
                ended = true;
                Finished = !outer.IsCancellationRequested;
            }
        }

        private void Abandon()
        {
            if (Window.Count == 0)
            {
                return;
            }

            // Pages fetched ahead that will not be written: stop them and observe their outcome.
            try
            {
                Cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }

            while (Window.Count > 0)
            {
                var abandoned = Window.First.Value;
                Window.RemoveFirst();
                abandoned.Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }
}
