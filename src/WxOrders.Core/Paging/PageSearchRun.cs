using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Paging
{
    /// <summary>A search whose list holds the objects to write (union search, shop get_list): each page's items as it arrives.</summary>
    public sealed class PageSearchRun<T> : SearchRun<T>
        where T : class
    {
        private readonly PageWalk<T> walk;
        private readonly CancellationToken cancellationToken;
        private PendingPage<T> pending;

        public PageSearchRun(PageWalk<T> walk, CancellationToken cancellationToken)
        {
            this.walk = walk;
            this.cancellationToken = cancellationToken;
        }

        public override PageWalk Walk => walk;

        public override ulong Written => walk.Emitted;

        public override bool IsComplete => walk.IsComplete;

        public override bool TryNext(out Task wait)
        {
            wait = null;
            if (!walk.TryNext(out pending))
            {
                return false;
            }

            wait = pending.Task;
            return true;
        }

        public override SearchStep<T> Take()
        {
            if (StoppedBy(pending.Task, cancellationToken))
            {
                return SearchStep<T>.Stopped(pending.Number);
            }

            var outcome = walk.Complete(pending);
            pending = null;
            return new SearchStep<T>(outcome.Number, outcome.Items, outcome.Error, outcome.Error == null ? null : PageTarget(outcome.Number), retrying: outcome.Discarded);
        }

        public override void Dispose() => walk.Dispose();
    }
}
