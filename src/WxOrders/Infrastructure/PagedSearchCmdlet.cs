using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Paging;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// The shape of a search over a numbered-page API (declare SupportsPaging = true on the cmdlet): every page is
    /// walked in order and its items written as soon as it arrives; -First, -Skip and -IncludeTotalCount work and
    /// -First fetches no more pages than it needs; once the total is known, pages are fetched ahead, at most
    /// -ThrottleLimit at once, and still written in page order without repeating an id. A failed page is one
    /// non-terminating ErrorRecord (TargetObject "page N") and the walk goes on where that makes sense.
    /// </summary>
    public abstract class PagedSearchCmdlet<TItem> : ConnectedCmdlet
        where TItem : class
    {
        private PageWalk<TItem> walk;

        /// <summary>Items per request (the cmdlet's -PageSize).</summary>
        internal abstract int RequestPageSize { get; }

        /// <summary>Word for progress and warnings ("orders").</summary>
        internal virtual string ItemNoun => "orders";

        /// <summary>Fetches one page (numbered from 1) on a worker thread.</summary>
        internal abstract Task<ApiPage<TItem>> FetchPageAsync(ApiClient client, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken);

        /// <summary>The id that identifies an item, so one already written is not written again.</summary>
        internal abstract string IdOf(TItem item);

        /// <summary>Called before any request, after the connection is resolved: validate and build the query here.</summary>
        internal virtual void PrepareSearch()
        {
        }

        protected override void EndProcessing()
        {
            PrepareSearch();
            var paging = PagingParameters;
            var client = Client;
            var pageSize = RequestPageSize;
            var log = Log;
            walk = new PageWalk<TItem>(
                (page, ct) => FetchPageAsync(client, page, pageSize, log, ct),
                IdOf,
                pageSize,
                paging.Skip,
                paging.First,
                ThrottleLimit,
                paging.IncludeTotalCount.IsPresent,
                Cancellation);

            var activity = MyInvocation.MyCommand.Name;
            var progress = new ProgressRecord(Math.Abs(activity.GetHashCode() % 100000) + 1, activity, "Requesting page " + walk.StartPage.ToString(CultureInfo.InvariantCulture) + ".");
            var totalWritten = false;
            try
            {
                WriteProgress(progress);
                while (walk.TryNext(out var pending))
                {
                    WaitFor(pending.Task);
                    if (pending.Task.IsCanceled || (pending.Task.IsFaulted && Cancellation.IsCancellationRequested))
                    {
                        throw new PipelineStoppedException();
                    }

                    var outcome = walk.Complete(pending);
                    if (!totalWritten && walk.TotalCount.HasValue && paging.IncludeTotalCount.IsPresent)
                    {
                        totalWritten = true;
                        WriteObject(paging.NewTotalCount((ulong)walk.TotalCount.Value, 1.0));
                    }

                    if (outcome.Error != null)
                    {
                        WriteError(ToErrorRecord(outcome.Error, "page " + outcome.Number.ToString(CultureInfo.InvariantCulture)));
                    }

                    foreach (var item in outcome.Items)
                    {
                        WriteObject(item);
                    }

                    Report(progress, outcome.Number);
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                try
                {
                    WriteProgress(progress);
                }
                catch (PipelineStoppedException)
                {
                }
                catch (InvalidOperationException)
                {
                }
            }

            if (!totalWritten && paging.IncludeTotalCount.IsPresent)
            {
                // No page arrived: the total is not known.
                WriteObject(paging.NewTotalCount(0, 0.0));
            }

            if (walk.Duplicates > 0)
            {
                WriteVerbose(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} {1} already written were left out: new {1} shifted the pages while the walk was under way.",
                    walk.Duplicates,
                    ItemNoun));
            }

            if (walk.PagesFailed > 0)
            {
                WriteNotice(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} of {1} pages could not be retrieved{2}, so {3} are missing from the output. The error records name each page (TargetObject); run the command again (with -Skip to start at a page).",
                    walk.PagesFailed,
                    walk.PagesRequested,
                    walk.StoppedBecause == null ? string.Empty : " and the search stopped early (" + walk.StoppedBecause + ")",
                    ItemNoun));
            }
        }

        private void Report(ProgressRecord progress, int page)
        {
            var total = walk.TotalCount;
            var last = walk.LastPage;
            if (total.HasValue)
            {
                progress.StatusDescription = string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} of {1} {2} (page {3} of {4})",
                    walk.Emitted,
                    total.Value,
                    ItemNoun,
                    page,
                    last ?? 0);
                var span = (last ?? page) - walk.StartPage + 1;
                progress.PercentComplete = span <= 0 ? 100 : (int)Math.Min(100, Math.Max(0, 100L * (page - walk.StartPage + 1) / span));
            }
            else
            {
                progress.StatusDescription = string.Format(CultureInfo.InvariantCulture, "{0} {1} (page {2})", walk.Emitted, ItemNoun, page);
            }

            WriteProgress(progress);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                walk?.Dispose();
            }
        }
    }
}
