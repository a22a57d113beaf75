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
    /// -ThrottleLimit at once, and still written in page order without repeating an id (a page fetched ahead that
    /// predates items the page before it saw is fetched again: see PageWalk). A failed page is one non-terminating
    /// ErrorRecord (TargetObject "page N") and the walk goes on where that makes sense. The call ends with at most
    /// one warning each for failed pages (read / failed / not fetched), a total that changed during the walk, and
    /// fewer items than the total called for with no failure to explain it.
    /// </summary>
    public abstract class PagedSearchCmdlet<TItem> : ConnectedCmdlet
        where TItem : class
    {
        private PageWalk<TItem> walk;

        /// <summary>Items per request (the cmdlet's -PageSize).</summary>
        internal abstract int RequestPageSize { get; }

        /// <summary>Word for progress and warnings ("orders").</summary>
        internal virtual string ItemNoun => "orders";

        /// <summary>How to search a set that cannot change under the walk (ends a warning sentence).</summary>
        internal virtual string FixedSetAdvice => "search a window that is already over";

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
                    if (outcome.Discarded)
                    {
                        continue; // fetched again: it comes back from TryNext
                    }

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
                WriteNotice(FailedPagesNotice(walk, ItemNoun));
            }

            var totalNotice = TotalChangeNotice(walk, ItemNoun, FixedSetAdvice);
            if (totalNotice != null)
            {
                WriteNotice(totalNotice);
            }

            var gapNotice = GapNotice(walk, ItemNoun, FixedSetAdvice, RequestPageSize);
            if (gapNotice != null)
            {
                WriteNotice(gapNotice);
            }
        }

        /// <summary>How many pages failed, out of how many the search needed: read, failed and not fetched.</summary>
        internal static string FailedPagesNotice(PageWalk<TItem> walk, string noun)
        {
            var notRead = walk.PagesNotRead;
            var stopped = walk.StoppedBecause == null ? string.Empty : "; the search stopped early: " + walk.StoppedBecause;
            string counts;
            if (notRead.HasValue)
            {
                counts = string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} of {1} pages could not be retrieved ({2} read, {0} failed, {3} not fetched{4})",
                    walk.PagesFailed,
                    walk.PagesRead + walk.PagesFailed + notRead.Value,
                    walk.PagesRead,
                    notRead.Value,
                    stopped);
            }
            else
            {
                counts = string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} pages could not be retrieved ({1} read, {0} failed; how many more the search needed is unknown{2})",
                    walk.PagesFailed,
                    walk.PagesRead,
                    stopped);
            }

            return counts + string.Format(
                CultureInfo.InvariantCulture,
                ", so {0} are missing from the output. The error records name each failed page (TargetObject); run the command again (with -Skip to start at a page).",
                noun);
        }

        /// <summary>One warning when the total changed during the walk; null when it did not.</summary>
        internal static string TotalChangeNotice(PageWalk<TItem> walk, string noun, string advice)
        {
            if (!walk.FirstTotalCount.HasValue || walk.LowestTotalCount == walk.HighestTotalCount)
            {
                return null;
            }

            if (walk.TotalDecreased)
            {
                return string.Format(
                    CultureInfo.InvariantCulture,
                    "The number of matching {0} went down from {1} to {2} during the search (lowest {3}): {0} left the filter while it ran, so some {0} may have shifted past the walk and be missing from the output. Run the search again; to make it stable, {4}.",
                    noun,
                    walk.FirstTotalCount.Value,
                    walk.TotalCount.Value,
                    walk.LowestTotalCount.Value,
                    advice);
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "The number of matching {0} rose from {1} to {2} during the search: new {0} arrived while it ran and shifted the pages. None of the {0} there at the start was skipped{3}; {0} that arrived during the search may be missing. For a fixed set, {4}.",
                noun,
                walk.FirstTotalCount.Value,
                walk.HighestTotalCount.Value,
                walk.PagesRefetched == 0 ? string.Empty : string.Format(CultureInfo.InvariantCulture, " ({0} page(s) fetched ahead of the new {1} were read again)", walk.PagesRefetched, noun),
                advice);
        }

        /// <summary>
        /// A warning when fewer items were written than the first total called for (totalNum minus -Skip, at most
        /// -First) and no failed page or falling total explains it; null otherwise.
        /// </summary>
        internal static string GapNotice(PageWalk<TItem> walk, string noun, string advice, int pageSize)
        {
            var expected = walk.ExpectedCount;
            if (!expected.HasValue || walk.Emitted >= expected.Value || walk.PagesFailed > 0 || walk.StoppedBecause != null || walk.TotalDecreased)
            {
                return null;
            }

            string why;
            if (walk.ShortPageNumber > 0)
            {
                why = string.Format(
                    CultureInfo.InvariantCulture,
                    "page {0} came back with {1} {2} where {3} were asked for, although the total called for more: the API seems to answer at most {1} per page. Run the search again with -PageSize {1}.",
                    walk.ShortPageNumber,
                    walk.ShortPageCount,
                    noun,
                    pageSize);
            }
            else if (walk.NullEntries > 0)
            {
                why = string.Format(
                    CultureInfo.InvariantCulture,
                    "the API sent {0} empty (null) entries in place of {1}. Run the search again later; if the gap stays, the API is losing those {1}.",
                    walk.NullEntries,
                    noun);
            }
            else
            {
                why = "the API sent fewer than its total called for. Run the search again; to make it stable, " + advice + ".";
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "{0} of the {1} {2} the API reported were not written ({3} written) and no page failed: {4}",
                expected.Value - walk.Emitted,
                expected.Value,
                noun,
                walk.Emitted,
                why);
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
