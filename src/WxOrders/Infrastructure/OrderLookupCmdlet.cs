using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// The shape of every lookup cmdlet: keys come in (parameters or pipeline), requests run concurrently on the
    /// connection's pooled client, at most -ThrottleLimit at once, and results are written on the pipeline thread in
    /// input order. At most four times -ThrottleLimit keys are held at any time (in flight or finished and waiting for
    /// an earlier one), so memory stays flat however many come in, while one slow request does not stall the rest.
    /// A failure is one non-terminating ErrorRecord per order, and the call ends with one warning counting them.
    /// </summary>
    public abstract class OrderLookupCmdlet<TKey, TResult> : ConnectedCmdlet
    {
        /// <summary>Keys held per allowed concurrent request: the bound on memory and on reordering.</summary>
        internal const int WindowFactor = 4;

        private readonly Queue<Pending> window = new Queue<Pending>();
        private SemaphoreSlim throttle;
        private long requested;
        private long failed;

        /// <summary>Word for the closing warning ("orders").</summary>
        internal virtual string ItemNoun => "orders";

        /// <summary>Fetches one key (an order, or a batch of ids) on a worker thread.</summary>
        internal abstract Task<TResult> FetchAsync(ApiClient client, TKey key, IOperationLog log, CancellationToken cancellationToken);

        /// <summary>The TargetObject of an ErrorRecord about this key.</summary>
        internal abstract object TargetOf(TKey key);

        /// <summary>Writes a fetched result (on the pipeline thread). Override to write several objects or per-id errors.</summary>
        internal virtual void Emit(TKey key, TResult result)
        {
            WriteObject(result);
        }

        /// <summary>Writes the failure of a whole key (on the pipeline thread). Override when a key stands for several orders.</summary>
        internal virtual void EmitFailure(TKey key, Exception exception)
        {
            ReportFailure(exception, TargetOf(key));
        }

        /// <summary>Writes one non-terminating ErrorRecord and counts one order as not retrieved.</summary>
        internal void ReportFailure(Exception exception, object target)
        {
            failed++;
            WriteError(ToErrorRecord(exception, target));
        }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            throttle = new SemaphoreSlim(ThrottleLimit, ThrottleLimit);
        }

        /// <summary>Queues a key standing for <paramref name="orders"/> orders; writes whatever is ready in order.</summary>
        internal void Submit(TKey key, int orders = 1)
        {
            while (window.Count >= ThrottleLimit * WindowFactor)
            {
                EmitHead();
            }

            requested += orders;
            window.Enqueue(new Pending(key, RunAsync(key)));
            while (window.Count > 0 && window.Peek().Task.IsCompleted)
            {
                EmitHead();
            }

            Log.Drain(this);
        }

        protected override void EndProcessing()
        {
            while (window.Count > 0)
            {
                EmitHead();
            }

            if (failed > 0)
            {
                WriteNotice(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} of {1} {2} could not be retrieved. The error records name each one (TargetObject); run the command again for those.",
                    failed,
                    requested,
                    ItemNoun));
            }
        }

        private async Task<TResult> RunAsync(TKey key)
        {
            var token = Cancellation;
            await throttle.WaitAsync(token).ConfigureAwait(false);
            try
            {
                return await FetchAsync(Client, key, Log, token).ConfigureAwait(false);
            }
            finally
            {
                throttle.Release();
            }
        }

        private void EmitHead()
        {
            var head = window.Peek();
            WaitFor(head.Task);
            window.Dequeue();
            if (head.Task.IsCanceled || (head.Task.IsFaulted && Cancellation.IsCancellationRequested))
            {
                throw new PipelineStoppedException();
            }

            if (head.Task.IsFaulted)
            {
                var ex = head.Task.Exception.InnerExceptions.Count == 1 ? head.Task.Exception.InnerException : head.Task.Exception;
                EmitFailure(head.Key, ex);
            }
            else
            {
                Emit(head.Key, head.Task.Result);
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                window.Clear();
            }
        }

        private readonly struct Pending
        {
            public Pending(TKey key, Task<TResult> task)
            {
                Key = key;
                Task = task;
            }

            public TKey Key { get; }

            public Task<TResult> Task { get; }
        }
    }
}
