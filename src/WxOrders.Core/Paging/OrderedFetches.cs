using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Paging
{
    /// <summary>What one fetch of <see cref="OrderedFetches{TKey, TResult}"/> came to, handed back in submission order.</summary>
    public readonly struct FetchOutcome<TKey, TResult>
    {
        internal FetchOutcome(TKey key, TResult result, Exception error, bool cancelled)
        {
            Key = key;
            Result = result;
            Error = error;
            Cancelled = cancelled;
        }

        public TKey Key { get; }

        /// <summary>The result; default when the fetch failed or was cancelled.</summary>
        public TResult Result { get; }

        /// <summary>Why the fetch failed; null when it succeeded or was cancelled.</summary>
        public Exception Error { get; }

        /// <summary>True when the fetch ended because the pipeline is stopping: nothing to write, stop.</summary>
        public bool Cancelled { get; }
    }

    /// <summary>
    /// Runs one fetch per key concurrently, at most <c>maxInFlight</c> at once, and hands the outcomes back in the
    /// order the keys were submitted. At most <see cref="WindowFactor"/> times <c>maxInFlight</c> keys are held at any
    /// time (in flight, waiting for a slot, or finished and waiting for an earlier one), so memory stays flat however
    /// many come in, while one slow fetch does not stall the others. The lookups (OrderLookupCmdlet) and the second
    /// stage of a search (<see cref="DetailedSearchRun{TItem, TResult}"/>) run on it.
    /// Not thread-safe: one consumer submits, waits for <see cref="Head"/> and takes.
    /// </summary>
    public sealed class OrderedFetches<TKey, TResult> : IDisposable
    {
        /// <summary>Keys held per allowed concurrent fetch: the bound on memory and on reordering.</summary>
        public const int WindowFactor = 4;

        private readonly Queue<Entry> window = new Queue<Entry>();
        private readonly Func<TKey, CancellationToken, Task<TResult>> fetch;
        private readonly SemaphoreSlim throttle;
        private readonly CancellationToken cancellationToken;

        /// <param name="fetch">Fetches one key on a worker thread.</param>
        /// <param name="maxInFlight">Fetches running at once (-ThrottleLimit).</param>
        /// <param name="cancellationToken">The pipeline's: passed to every fetch; a fetch that fails once it is cancelled counts as cancelled.</param>
        public OrderedFetches(Func<TKey, CancellationToken, Task<TResult>> fetch, int maxInFlight, CancellationToken cancellationToken)
        {
            this.fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            maxInFlight = Math.Max(1, maxInFlight);
            throttle = new SemaphoreSlim(maxInFlight, maxInFlight);
            Capacity = maxInFlight * WindowFactor;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>Keys held at most.</summary>
        public int Capacity { get; }

        /// <summary>Keys held now.</summary>
        public int Count => window.Count;

        /// <summary>True when the head must be taken before another key is submitted.</summary>
        public bool IsFull => window.Count >= Capacity;

        /// <summary>The fetch of the oldest key, to wait for before <see cref="Take"/>; null when none is held.</summary>
        public Task Head => window.Count == 0 ? null : window.Peek().Task;

        /// <summary>True when a key is held and its fetch is done.</summary>
        public bool HeadCompleted => window.Count > 0 && window.Peek().Task.IsCompleted;

        /// <summary>Keys submitted so far.</summary>
        public long Submitted { get; private set; }

        /// <summary>Fetches taken that had failed.</summary>
        public long Failed { get; private set; }

        /// <summary>Starts fetching a key (waiting for a free slot on a worker thread, never on the caller's).</summary>
        public void Submit(TKey key)
        {
            if (IsFull)
            {
                throw new InvalidOperationException("Take the head before submitting more than Capacity keys.");
            }

            Submitted++;
            window.Enqueue(new Entry(key, RunAsync(key)));
        }

        /// <summary>The outcome of the oldest key, once its fetch is done (<see cref="HeadCompleted"/>).</summary>
        public FetchOutcome<TKey, TResult> Take()
        {
            if (!HeadCompleted)
            {
                throw new InvalidOperationException("Take needs a completed head: wait for Head first.");
            }

            var head = window.Dequeue();
            var task = head.Task;
            if (task.IsCanceled || (task.IsFaulted && cancellationToken.IsCancellationRequested))
            {
                return new FetchOutcome<TKey, TResult>(head.Key, default(TResult), null, cancelled: true);
            }

            if (task.IsFaulted)
            {
                Failed++;
                var error = task.Exception.InnerExceptions.Count == 1 ? task.Exception.InnerException : task.Exception;
                return new FetchOutcome<TKey, TResult>(head.Key, default(TResult), error, cancelled: false);
            }

            return new FetchOutcome<TKey, TResult>(head.Key, task.Result, null, cancelled: false);
        }

        /// <summary>Lets go of the keys still held; their fetches end on the cancellation token, their failures observed.</summary>
        public void Dispose()
        {
            while (window.Count > 0)
            {
                window.Dequeue().Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            // The semaphore is not disposed: fetches still winding down release it.
        }

        private async Task<TResult> RunAsync(TKey key)
        {
            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A slot freed as the pipeline stopped: start nothing new.
                cancellationToken.ThrowIfCancellationRequested();
                return await fetch(key, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                throttle.Release();
            }
        }

        private readonly struct Entry
        {
            public Entry(TKey key, Task<TResult> task)
            {
                Key = key;
                Task = task;
            }

            public TKey Key { get; }

            public Task<TResult> Task { get; }
        }
    }
}
