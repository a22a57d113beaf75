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
    /// The shape of a search over a list API (declare SupportsPaging = true on the cmdlet): every page is walked in
    /// order and what it yields written as soon as it arrives; -First, -Skip and -IncludeTotalCount work and -First
    /// fetches no more than it needs. The list pages by number with a total (override <see cref="FetchPageAsync"/>;
    /// pages are fetched ahead, at most -ThrottleLimit at once: see NumberedPageWalk) or by a cursor (set
    /// <see cref="PageStyle"/> to Cursor and override <see cref="FetchCursorPageAsync"/>). A failed page is one
    /// non-terminating ErrorRecord (TargetObject "page N"). The call ends with the walk's closing report (engine:
    /// <see cref="SearchRun{T}.Notices"/>), each warning once. Single-stage searches derive from
    /// <see cref="PagedSearchCmdlet{TItem}"/>, two-stage ones (list, then read each) from
    /// <see cref="DetailedSearchCmdlet{TItem, TResult}"/>.
    /// </summary>
    public abstract class SearchCmdlet<TItem, TResult> : ConnectedCmdlet
        where TItem : class
    {
        private SearchRun<TResult> run;

        /// <summary>Items per request (the cmdlet's -PageSize).</summary>
        internal abstract int RequestPageSize { get; }

        /// <summary>How the list pages.</summary>
        internal virtual PageStyle PageStyle => PageStyle.Numbered;

        /// <summary>Cursor lists: how many slices (spans of the window the API allows) to walk one after the other.</summary>
        internal virtual int CursorSlices => 1;

        /// <summary>Word for progress and warnings ("orders").</summary>
        internal virtual string ItemNoun => "orders";

        /// <summary>How to search a set that cannot change under the walk (ends a warning sentence).</summary>
        internal virtual string FixedSetAdvice => "search a window that is already over";

        /// <summary>True once the search ended and was complete (no failure, no early stop, nothing the report says may be missing).</summary>
        internal bool SearchWasComplete { get; private set; }

        /// <summary>Numbered lists: fetches one page (numbered from 1) on a worker thread.</summary>
        internal virtual Task<ApiPage<TItem>> FetchPageAsync(ApiConnection connection, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            throw new NotSupportedException(GetType().Name + " pages by number: override FetchPageAsync.");

        /// <summary>Cursor lists: fetches one page of a slice (the cursor is null for the slice's first page) on a worker thread.</summary>
        internal virtual Task<ApiPage<TItem>> FetchCursorPageAsync(ApiConnection connection, int slice, string cursor, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            throw new NotSupportedException(GetType().Name + " pages by cursor: override FetchCursorPageAsync.");

        /// <summary>The id that identifies an item, so one already written is not written again.</summary>
        internal abstract string IdOf(TItem item);

        /// <summary>Called before any request, after the connection is resolved: validate and build the query here.</summary>
        internal virtual void PrepareSearch()
        {
        }

        /// <summary>Called at the very end with whether the search was complete (a checkpoint records only a complete one).</summary>
        internal virtual void SearchEnded(bool complete)
        {
        }

        /// <summary>The run over the walk: the list's items as they are, or each read in full.</summary>
        internal abstract SearchRun<TResult> CreateRun(PageWalk<TItem> walk);

        protected override void EndProcessing()
        {
            PrepareSearch();
            var paging = PagingParameters;
            run = CreateRun(CreateWalk(paging));
            var walk = run.Walk;

            var activity = MyInvocation.MyCommand.Name;
            var progress = new ProgressRecord(Math.Abs(activity.GetHashCode() % 100000) + 1, activity, "Requesting page " + walk.StartPage.ToString(CultureInfo.InvariantCulture) + ".");
            var totalWritten = false;
            try
            {
                WriteProgress(progress);
                while (run.TryNext(out var wait))
                {
                    WaitFor(wait);
                    var step = run.Take();
                    if (step.Cancelled)
                    {
                        throw new PipelineStoppedException();
                    }

                    if (step.Retrying)
                    {
                        // Asked for again (a cursor page whose attempt failed, or a page whose answer predated the one before it).
                        if (step.Error != null)
                        {
                            WriteVerbose(step.Target + " failed and is asked for again: " + ToErrorRecord(step.Error, step.Target).Exception.Message);
                        }

                        continue;
                    }

                    if (!totalWritten && walk.TotalCount.HasValue && paging.IncludeTotalCount.IsPresent)
                    {
                        totalWritten = true;
                        WriteObject(paging.NewTotalCount((ulong)walk.TotalCount.Value, 1.0));
                    }

                    if (step.Error != null)
                    {
                        WriteError(ToErrorRecord(step.Error, step.Target));
                    }

                    foreach (var item in step.Items)
                    {
                        WriteObject(item);
                    }

                    Report(progress, step.Page);
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
                // No page arrived, or the list reports no total: the total is not known.
                WriteObject(paging.NewTotalCount(0, 0.0));
            }

            foreach (var remark in run.Remarks(ItemNoun))
            {
                WriteVerbose(remark);
            }

            foreach (var notice in run.Notices(ItemNoun, FixedSetAdvice))
            {
                WriteNotice(notice);
            }

            SearchWasComplete = run.IsComplete;
            SearchEnded(SearchWasComplete);
        }

        private PageWalk<TItem> CreateWalk(PagingParameters paging)
        {
            var connection = Api;
            var pageSize = RequestPageSize;
            var log = Log;
            if (PageStyle == PageStyle.Cursor)
            {
                return new CursorPageWalk<TItem>(
                    (slice, cursor, ct) => FetchCursorPageAsync(connection, slice, cursor, pageSize, log, ct),
                    CursorSlices,
                    IdOf,
                    paging.Skip,
                    paging.First,
                    Cancellation);
            }

            return new NumberedPageWalk<TItem>(
                (page, ct) => FetchPageAsync(connection, page, pageSize, log, ct),
                IdOf,
                pageSize,
                paging.Skip,
                paging.First,
                ThrottleLimit,
                paging.IncludeTotalCount.IsPresent,
                Cancellation);
        }

        private void Report(ProgressRecord progress, int page)
        {
            var walk = run.Walk;
            var total = walk.TotalCount;
            var last = walk.LastPage;
            if (total.HasValue)
            {
                progress.StatusDescription = string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} of {1} {2} (page {3} of {4})",
                    run.Written,
                    total.Value,
                    ItemNoun,
                    page,
                    last ?? 0);
                var span = (last ?? page) - walk.StartPage + 1;
                progress.PercentComplete = span <= 0 ? 100 : (int)Math.Min(100, Math.Max(0, 100L * (page - walk.StartPage + 1) / span));
            }
            else
            {
                progress.StatusDescription = string.Format(CultureInfo.InvariantCulture, "{0} {1} (page {2})", run.Written, ItemNoun, page);
            }

            WriteProgress(progress);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                run?.Dispose();
            }
        }
    }
}
