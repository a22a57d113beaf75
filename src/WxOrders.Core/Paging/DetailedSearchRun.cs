using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Paging
{
    /// <summary>
    /// A search in two stages: the list names the items (Wshoto order codes, WeChat Store order ids), and each is
    /// read in full by a second request (Wshoto's detail, the store's order/get), concurrently, at most
    /// <c>maxInFlight</c> at once (<see cref="OrderedFetches{TKey, TResult}"/>), written in list order. A listed item
    /// that cannot be read is a failure carrying its id (the cmdlet's TargetObject); the walk goes on. -Skip and -First
    /// apply to the list (the walk stops at -First, so no item beyond it is read); the pipeline stopping stops both
    /// stages. Pages of the list are read while items are being read, as the walk allows, up to one page's items
    /// waiting plus the fetch window, so memory stays flat.
    /// </summary>
    public sealed class DetailedSearchRun<TItem, TResult> : SearchRun<TResult>
        where TItem : class
    {
        private enum Next
        {
            None,
            Page,
            Item,
            Either,
        }

        private readonly PageWalk<TItem> walk;
        private readonly OrderedFetches<TItem, TResult> fetches;
        private readonly Func<TItem, string> idOf;
        private readonly CancellationToken cancellationToken;
        private readonly Queue<TItem> waiting = new Queue<TItem>();
        private PendingPage<TItem> pending;
        private bool walkOver;
        private bool finished;
        private int lastPage;
        private ulong written;
        private Next next;

        /// <param name="walk">The list walk (either page style).</param>
        /// <param name="fetch">Reads one listed item in full (on a worker thread); throws when it cannot.</param>
        /// <param name="idOf">The id of a listed item: the TargetObject of its failure.</param>
        /// <param name="maxInFlight">Reads at once (-ThrottleLimit).</param>
        public DetailedSearchRun(PageWalk<TItem> walk, Func<TItem, CancellationToken, Task<TResult>> fetch, Func<TItem, string> idOf, int maxInFlight, CancellationToken cancellationToken)
        {
            this.walk = walk ?? throw new ArgumentNullException(nameof(walk));
            this.idOf = idOf ?? throw new ArgumentNullException(nameof(idOf));
            this.cancellationToken = cancellationToken;
            fetches = new OrderedFetches<TItem, TResult>(fetch, maxInFlight, cancellationToken);
        }

        public override PageWalk Walk => walk;

        public override ulong Written => written;

        /// <summary>Listed items whose read was started.</summary>
        public long ItemsRequested => fetches.Submitted;

        /// <summary>Listed items that could not be read.</summary>
        public long ItemsFailed => fetches.Failed;

        /// <summary>Also incomplete: any listed item that could not be read, or a run that did not reach its end.</summary>
        public override bool IsComplete => finished && fetches.Failed == 0 && walk.IsComplete;

        public override bool TryNext(out Task wait)
        {
            wait = null;
            next = Next.None;
            while (true)
            {
                Feed();
                if (fetches.HeadCompleted)
                {
                    next = Next.Item;
                    wait = fetches.Head;
                    return true;
                }

                if (pending == null && !walkOver && waiting.Count == 0 && !cancellationToken.IsCancellationRequested)
                {
                    if (!walk.TryNext(out pending))
                    {
                        walkOver = true;
                        pending = null;
                    }
                }

                if (pending != null)
                {
                    if (pending.Task.IsCompleted || fetches.Count == 0)
                    {
                        next = Next.Page;
                        wait = pending.Task;
                    }
                    else
                    {
                        // A page and reads in flight: whichever is first.
                        next = Next.Either;
                        wait = Task.WhenAny(fetches.Head, pending.Task);
                    }

                    return true;
                }

                if (fetches.Count > 0)
                {
                    next = Next.Item;
                    wait = fetches.Head;
                    return true;
                }

                if (waiting.Count > 0 && !cancellationToken.IsCancellationRequested)
                {
                    continue;
                }

                finished = walkOver && waiting.Count == 0 && !cancellationToken.IsCancellationRequested;
                return false;
            }
        }

        public override SearchStep<TResult> Take()
        {
            var what = next;
            next = Next.None;
            if (what == Next.Either)
            {
                what = fetches.HeadCompleted ? Next.Item : Next.Page;
            }

            if (what == Next.Item)
            {
                var outcome = fetches.Take();
                if (outcome.Cancelled)
                {
                    return SearchStep<TResult>.Stopped(lastPage);
                }

                if (outcome.Error != null)
                {
                    return new SearchStep<TResult>(lastPage, null, outcome.Error, idOf(outcome.Key));
                }

                written++;
                return new SearchStep<TResult>(lastPage, new[] { outcome.Result }, null, null);
            }

            if (what != Next.Page)
            {
                throw new InvalidOperationException("Take follows a TryNext that returned true.");
            }

            if (StoppedBy(pending.Task, cancellationToken))
            {
                return SearchStep<TResult>.Stopped(lastPage);
            }

            var page = walk.Complete(pending);
            pending = null;
            if (!page.Discarded)
            {
                lastPage = page.Number;
                foreach (var item in page.Items)
                {
                    waiting.Enqueue(item);
                }

                Feed();
            }

            return new SearchStep<TResult>(lastPage, null, page.Error, page.Error == null ? null : PageTarget(page.Number), retrying: page.Discarded);
        }

        /// <summary>The walk's warnings, then one for the listed items that could not be read.</summary>
        public override IReadOnlyList<string> Notices(string noun, string fixedSetAdvice)
        {
            var notices = new List<string>(walk.Notices(noun, fixedSetAdvice));
            var failed = LookupNotice.NotRetrieved(fetches.Failed, fetches.Submitted, noun);
            if (failed != null)
            {
                notices.Add(failed);
            }

            return notices;
        }

        public override void Dispose()
        {
            walk.Dispose();
            fetches.Dispose();
        }

        private void Feed()
        {
            while (waiting.Count > 0 && !fetches.IsFull && !cancellationToken.IsCancellationRequested)
            {
                fetches.Submit(waiting.Dequeue());
            }
        }
    }
}
