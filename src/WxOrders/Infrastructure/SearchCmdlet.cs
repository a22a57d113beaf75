using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Checkpoints;
using WxOrders.Commands;
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
    /// <para>
    /// Checkpointed mode (-Checkpoint, -Since, -Lag, -Overlap; see docs/reliability.md): a search that overrides
    /// <see cref="CheckpointSource"/>, <see cref="CheckpointFilter"/>, <see cref="WindowParameters"/>,
    /// <see cref="ApplyCheckpointWindow"/> and <see cref="CheckpointKeyOf"/> gets it; the base refuses bad input
    /// before any request, begins the run (lock, file, window), writes each (order id, version) once across
    /// completed runs, and records the run as complete or incomplete before the walk's warnings are written.
    /// Inside a derived class the members CheckpointSource and CheckpointFilter hide the types of the same name:
    /// write <c>WxOrders.CheckpointSource.Union</c> and <c>Checkpoints.CheckpointFilter.Describe(...)</c>.
    /// </para>
    /// </summary>
    public abstract class SearchCmdlet<TItem, TResult> : ConnectedCmdlet
        where TItem : class
    {
        private static readonly string[] PagingNames = { "First", "Skip", "IncludeTotalCount" };
        private static readonly string[] CheckpointOnlyNames = { nameof(Since), nameof(Lag), nameof(Overlap) };

        private SearchRun<TResult> run;
        private CheckpointRun checkpoint;
        private int unversioned;
        private int outsideWindow;

        /// <summary>
        /// The checkpoint file: the search then chooses its own window, [end of the last completed window minus
        /// -Overlap, now minus -Lag], writes each (order id, update time) once across completed runs, and records where
        /// it got to for Complete-WxOrderCheckpoint.
        /// </summary>
        [Parameter]
        [ValidateNotBlank]
        public string Checkpoint { get; set; }

        /// <summary>Start of the first window, required when the checkpoint does not exist yet; ignored once it does.</summary>
        [Parameter]
        public DateTime Since { get; set; }

        /// <summary>How long before now each window ends (default 2 minutes), for orders that become visible late.</summary>
        [Parameter]
        public TimeSpan Lag { get; set; } = CheckpointDefaults.Lag;

        /// <summary>How far each window reaches back into the last completed one (default: the source's, see CheckpointDefaults).</summary>
        [Parameter]
        public TimeSpan Overlap { get; set; }

        /// <summary>The source a checkpoint of this search belongs to; null (the default): the search refuses -Checkpoint.</summary>
        internal virtual CheckpointSource? CheckpointSource => null;

        /// <summary>The non-window filter in canonical form (Checkpoints.CheckpointFilter.Describe), so a file made with another filter is refused.</summary>
        internal virtual string CheckpointFilter => Checkpoints.CheckpointFilter.Describe(new KeyValuePair<string, string>[0]);

        /// <summary>Names of the cmdlet's explicit window parameters, refused together with -Checkpoint (as are -First, -Skip and -IncludeTotalCount).</summary>
        internal virtual string[] WindowParameters => new string[0];

        /// <summary>
        /// Called once before any request with the run's window (UTC instants): set the query's window on the time the
        /// source filters by (union: commission update time; shop: creation time; Wshoto and Channels: update time).
        /// Items whose window time is before <paramref name="start"/> are not written (a query rounded to whole
        /// seconds may return them; the checkpoint no longer remembers them, and the last completed run covered them).
        /// </summary>
        internal virtual void ApplyCheckpointWindow(DateTimeOffset start, DateTimeOffset end)
        {
        }

        /// <summary>The de-duplication key of a written item (see <see cref="Infrastructure.CheckpointKey"/>).</summary>
        internal virtual CheckpointKey CheckpointKeyOf(TResult item) => throw new NotSupportedException(GetType().Name + " supports -Checkpoint: override CheckpointKeyOf.");

        /// <summary>True when this call is a checkpointed search (-Checkpoint given).</summary>
        internal bool IsCheckpointed => MyInvocation.BoundParameters.ContainsKey(nameof(Checkpoint));

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
        internal virtual Task<ApiPage<TItem>> FetchPageAsync(ApiClient client, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            throw new NotSupportedException(GetType().Name + " pages by number: override FetchPageAsync.");

        /// <summary>Cursor lists: fetches one page of a slice (the cursor is null for the slice's first page) on a worker thread.</summary>
        internal virtual Task<ApiPage<TItem>> FetchCursorPageAsync(ApiClient client, int slice, string cursor, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
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

        protected override void BeginProcessing()
        {
            ValidateCheckpointParameters();
            base.BeginProcessing();
        }

        protected override void EndProcessing()
        {
            PrepareSearch();
            BeginCheckpoint();
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
                        if (checkpoint == null || Admit(item))
                        {
                            WriteObject(item);
                        }
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

            var notices = run.Notices(ItemNoun, FixedSetAdvice);
            SearchWasComplete = run.IsComplete;

            // Recorded before any warning is written: a warning can end the pipeline (-WarningAction Stop), and a
            // complete walk must not be recorded as stopped because of what came after it.
            FinishCheckpoint(SearchWasComplete, notices);

            foreach (var remark in run.Remarks(ItemNoun))
            {
                WriteVerbose(remark);
            }

            foreach (var notice in notices)
            {
                WriteNotice(notice);
            }

            SearchEnded(SearchWasComplete);
        }

        /// <summary>Refuses, before the connection and any request, what a checkpointed search cannot take, and the checkpoint parameters without -Checkpoint.</summary>
        private void ValidateCheckpointParameters()
        {
            var bound = MyInvocation.BoundParameters;
            if (!IsCheckpointed)
            {
                var stray = CheckpointOnlyNames.Where(bound.ContainsKey).ToArray();
                if (stray.Length > 0)
                {
                    ThrowArgumentError(
                        Dashed(stray) + (stray.Length == 1 ? " belongs" : " belong") + " to a checkpointed search: add -Checkpoint <file> (the checkpoint file that remembers the last window), or leave " + (stray.Length == 1 ? "it" : "them") + " out.",
                        CheckpointException.ConflictId,
                        stray[0]);
                }

                return;
            }

            if (!CheckpointSource.HasValue)
            {
                ThrowArgumentError(
                    MyInvocation.MyCommand.Name + " has no checkpointed mode: leave out -Checkpoint, or use a search that has one (Search-UnionOrder, Search-ShopOrder, Search-WshotoOrder).",
                    CheckpointException.NotSupportedId,
                    Checkpoint);
            }

            var paging = PagingParameters;
            var conflicts = WindowParameters.Concat(PagingNames).Where(bound.ContainsKey).ToList();
            if (paging != null)
            {
                // Bound or not, a paging value that changes what is written conflicts.
                if (paging.First != ulong.MaxValue && !conflicts.Contains("First"))
                {
                    conflicts.Add("First");
                }

                if (paging.Skip != 0 && !conflicts.Contains("Skip"))
                {
                    conflicts.Add("Skip");
                }
            }

            if (conflicts.Count > 0)
            {
                ThrowArgumentError(
                    "-Checkpoint chooses the window itself (from the end of the last completed window minus -Overlap to now minus -Lag) and writes every order in it once, so it cannot be combined with " +
                    Dashed(conflicts) + ". Leave " + (conflicts.Count == 1 ? "it" : "them") + " out, or search without -Checkpoint.",
                    CheckpointException.ConflictId,
                    Checkpoint);
            }
        }

        /// <summary>Begins the checkpointed run (lock, file, window) before any request; every refusal is a terminating error.</summary>
        private void BeginCheckpoint()
        {
            if (!IsCheckpointed)
            {
                return;
            }

            var source = CheckpointSource.Value;
            var bound = MyInvocation.BoundParameters;
            var request = new CheckpointRequest
            {
                Path = CheckpointCmdlets.Resolve(this, Checkpoint),
                Source = source,
                AppId = AppId,
                Filter = CheckpointFilter,
                Since = bound.ContainsKey(nameof(Since)) ? Instants.FromParameter(Since) : (DateTimeOffset?)null,
                Lag = bound.ContainsKey(nameof(Lag)) ? Lag : CheckpointDefaults.Lag,
                Overlap = bound.ContainsKey(nameof(Overlap)) ? Overlap : CheckpointDefaults.OverlapFor(source),
                Owner = CheckpointCmdlets.SessionKey,
            };

            try
            {
                checkpoint = CheckpointRun.Begin(request);
            }
            catch (CheckpointException ex)
            {
                ThrowTerminatingError(CheckpointCmdlets.ToErrorRecord(ex, Checkpoint));
            }

            WriteVerbose(string.Format(
                CultureInfo.InvariantCulture,
                "Checkpoint '{0}', run {1}: window {2} to {3}{4}.",
                checkpoint.Path,
                checkpoint.RunId,
                CheckpointRun.Show(checkpoint.Start),
                CheckpointRun.Show(checkpoint.End),
                checkpoint.IsFirstRun ? " (the first: from -Since)" : string.Empty));
            if (checkpoint.Notice != null)
            {
                WriteNotice(checkpoint.Notice);
            }

            ApplyCheckpointWindow(checkpoint.Start, checkpoint.End);
        }

        /// <summary>Whether a checkpointed search writes this item: once per (order id, version) across completed runs.</summary>
        private bool Admit(TResult item)
        {
            var key = CheckpointKeyOf(item);
            if (string.IsNullOrEmpty(key.OrderId) || !key.Version.HasValue)
            {
                unversioned++;
                return true;
            }

            var windowTime = key.WindowTime ?? key.Version.Value;
            if (windowTime < checkpoint.Start)
            {
                outsideWindow++;
                return false;
            }

            return checkpoint.ShouldWrite(key.OrderId, key.Version.Value, windowTime);
        }

        private void FinishCheckpoint(bool complete, IReadOnlyList<string> notices)
        {
            if (checkpoint == null)
            {
                return;
            }

            var reason = complete ? null : notices.Count > 0 ? string.Join(" ", notices) : "the search did not read every page";
            try
            {
                checkpoint.Finish(complete, reason);
            }
            catch (CheckpointException ex)
            {
                ThrowTerminatingError(CheckpointCmdlets.ToErrorRecord(ex, Checkpoint));
            }

            WriteVerbose(string.Format(
                CultureInfo.InvariantCulture,
                "Checkpoint run {0} recorded as {1}: {2} written, {3} already written by an earlier completed run or in this one{4}{5}. {6}",
                checkpoint.RunId,
                complete ? "complete" : "incomplete",
                checkpoint.Written + unversioned,
                checkpoint.Repeats,
                outsideWindow > 0 ? ", " + outsideWindow.ToString(CultureInfo.InvariantCulture) + " before the window (covered by the last completed run)" : string.Empty,
                unversioned > 0 ? ", " + unversioned.ToString(CultureInfo.InvariantCulture) + " without an id or update time (written every time they are listed: they cannot be de-duplicated)" : string.Empty,
                complete ? "Complete-WxOrderCheckpoint commits it once the output is safe." : "Nothing to complete: the next search reads this window again."));
        }

        private static string Dashed(IEnumerable<string> names) => string.Join(", ", names.Select(n => "-" + n));

        private PageWalk<TItem> CreateWalk(PagingParameters paging)
        {
            var client = Client;
            var pageSize = RequestPageSize;
            var log = Log;
            if (PageStyle == PageStyle.Cursor)
            {
                return new CursorPageWalk<TItem>(
                    (slice, cursor, ct) => FetchCursorPageAsync(client, slice, cursor, pageSize, log, ct),
                    CursorSlices,
                    IdOf,
                    paging.Skip,
                    paging.First,
                    Cancellation);
            }

            return new NumberedPageWalk<TItem>(
                (page, ct) => FetchPageAsync(client, page, pageSize, log, ct),
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

                // Not finished (Ctrl+C, a terminating error, a pipeline stopped downstream): recorded as incomplete.
                checkpoint?.Dispose();
            }
        }
    }
}
