using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Paging;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// The shape of every lookup cmdlet: keys come in (parameters or pipeline), requests run concurrently on the
    /// connection's pooled client, at most -ThrottleLimit at once, and results are written on the pipeline thread in
    /// input order (engine: OrderedFetches). At most four times -ThrottleLimit keys are held at any time (in flight or
    /// finished and waiting for an earlier one), so memory stays flat however many come in, while one slow request
    /// does not stall the rest.
    /// A failure is one non-terminating ErrorRecord per order, and the call ends with one warning counting them.
    /// </summary>
    public abstract class OrderLookupCmdlet<TKey, TResult> : ConnectedCmdlet
    {
        private OrderedFetches<TKey, TResult> fetches;
        private long requested;
        private long failed;

        /// <summary>Word for the closing warning ("orders").</summary>
        internal virtual string ItemNoun => "orders";

        /// <summary>Fetches one key (an order, or a batch of ids) on a worker thread.</summary>
        internal abstract Task<TResult> FetchAsync(ApiConnection connection, TKey key, IOperationLog log, CancellationToken cancellationToken);

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
            var connection = Api;
            var log = Log;
            fetches = new OrderedFetches<TKey, TResult>((key, ct) => FetchAsync(connection, key, log, ct), ThrottleLimit, Cancellation);
        }

        /// <summary>Queues a key standing for <paramref name="orders"/> orders; writes whatever is ready in order.</summary>
        internal void Submit(TKey key, int orders = 1)
        {
            while (fetches.IsFull)
            {
                EmitHead();
            }

            requested += orders;
            fetches.Submit(key);
            while (fetches.HeadCompleted)
            {
                EmitHead();
            }

            Log.Drain(this);
        }

        protected override void EndProcessing()
        {
            while (fetches.Count > 0)
            {
                EmitHead();
            }

            var notice = LookupNotice.NotRetrieved(failed, requested, ItemNoun);
            if (notice != null)
            {
                WriteNotice(notice);
            }
        }

        private void EmitHead()
        {
            WaitFor(fetches.Head);
            var outcome = fetches.Take();
            if (outcome.Cancelled)
            {
                throw new PipelineStoppedException();
            }

            if (outcome.Error != null)
            {
                EmitFailure(outcome.Key, outcome.Error);
            }
            else
            {
                Emit(outcome.Key, outcome.Result);
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                fetches?.Dispose();
            }
        }
    }
}
