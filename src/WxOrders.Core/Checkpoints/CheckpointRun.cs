using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace WxOrders.Checkpoints
{
    /// <summary>What a checkpointed search asks for: which file, whose search, and its window parameters.</summary>
    public sealed class CheckpointRequest
    {
        /// <summary>The checkpoint file (-Checkpoint).</summary>
        public string Path { get; set; }

        public CheckpointSource Source { get; set; }

        /// <summary>The connection's AppId: a file from another app is refused.</summary>
        public string AppId { get; set; }

        /// <summary>The canonical filter (<see cref="CheckpointFilter.Describe"/>): a file from another filter is refused.</summary>
        public string Filter { get; set; }

        /// <summary>-Since: the start of the first window; required when the file does not exist, ignored once it does.</summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>-Lag: the window ends this long before now, so orders that become visible late are still in it.</summary>
        public TimeSpan Lag { get; set; }

        /// <summary>-Overlap: each window starts this long before the last completed one ended.</summary>
        public TimeSpan Overlap { get; set; }

        /// <summary>The session that runs the search (the lock's owner); see <see cref="CheckpointLock"/>.</summary>
        public object Owner { get; set; }

        /// <summary>The clock the window end is taken from (the local clock; injected by tests).</summary>
        public Func<DateTimeOffset> Clock { get; set; }
    }

    /// <summary>Builds the canonical description of a search filter that a checkpoint is bound to.</summary>
    public static class CheckpointFilter
    {
        /// <summary>
        /// "key=value;key=value" sorted by key (ordinal), null or empty values left out; ';', '=' and '\' in values are
        /// escaped. Callers pass list values already sorted and joined, so the same filter always reads the same.
        /// </summary>
        public static string Describe(IEnumerable<KeyValuePair<string, string>> parts)
        {
            var sb = new StringBuilder();
            foreach (var p in parts.Where(p => !string.IsNullOrEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (sb.Length > 0)
                {
                    sb.Append(';');
                }

                sb.Append(Escape(p.Key)).Append('=').Append(Escape(p.Value));
            }

            return sb.ToString();
        }

        private static string Escape(string s) => s.Replace("\\", "\\\\").Replace(";", "\\;").Replace("=", "\\=");
    }

    /// <summary>
    /// Defaults for -Lag and -Overlap. The lag covers orders that become visible in a list some time after their
    /// time (none of the platforms documents how long); lag + overlap bounds how late an order may become visible,
    /// plus how far the local clock may run ahead, without being missed.
    /// </summary>
    public static class CheckpointDefaults
    {
        public static readonly TimeSpan Lag = TimeSpan.FromMinutes(2);

        /// <summary>Union, Wshoto, Channels: windows on the update time, so the overlap only covers late visibility.</summary>
        public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(15);

        /// <summary>
        /// Shop: the list filters on the creation time only, so a change is seen only while its order's creation time
        /// is inside the window: the overlap is how long after creation changes are still delivered. Seven days covers
        /// payment, shipping and the usual confirmation of receipt; each run then reads seven days of creations again
        /// (about 7 × orders-per-day ÷ 100 requests per run). Longer after-sales need a larger -Overlap.
        /// </summary>
        public static readonly TimeSpan ShopOverlap = TimeSpan.FromDays(7);

        public static TimeSpan OverlapFor(CheckpointSource source) => source == CheckpointSource.Shop ? ShopOverlap : Overlap;
    }

    /// <summary>
    /// One checkpointed search: holds the checkpoint's lock from <see cref="Begin"/> to <see cref="Finish"/> (or
    /// <see cref="Dispose"/>), gives
    /// the window, decides which orders to write, and records the pending state at the end.
    /// <code>
    /// using (var run = CheckpointRun.Begin(request))     // before any request: may throw CheckpointException
    /// {
    ///     query window = run.Start .. run.End;            // on the source's window time
    ///     foreach order: if (run.ShouldWrite(id, updateTime, windowTime)) WriteObject(order);
    ///     run.Finish(walkComplete, reasonIfNot);         // records pending (Complete-WxOrderCheckpoint commits it)
    /// }                                                  // not finished (Ctrl+C, error): recorded as incomplete
    /// </code>
    /// </summary>
    public sealed class CheckpointRun : IDisposable
    {
        private readonly object gate = new object();
        private readonly CheckpointLock held;
        private readonly CheckpointData data;
        private readonly HashSet<(string, long)> written = new HashSet<(string, long)>();
        private readonly List<SeenOrder> mine = new List<SeenOrder>();
        private readonly Func<DateTimeOffset> clock;
        private bool finished;

        private CheckpointRun(CheckpointRequest request, CheckpointLock held, CheckpointData data, DateTimeOffset start, DateTimeOffset end, bool firstRun, string notice)
        {
            Path = held.Path;
            this.held = held;
            this.data = data;
            clock = request.Clock;
            Overlap = request.Overlap;
            Start = start;
            End = end;
            IsFirstRun = firstRun;
            Notice = notice;
            RunId = data.Pending.RunId;
            foreach (var s in data.Committed.Seen)
            {
                written.Add((s.OrderId, s.Version.UtcTicks));
            }
        }

        public string Path { get; }

        /// <summary>Versions this run holds for its pending state: only those inside the next overlap (flat memory).</summary>
        internal int Remembered
        {
            get
            {
                lock (gate)
                {
                    return mine.Count;
                }
            }
        }

        /// <summary>This run's id, recorded in the file from the start (name output after it to repair after a kill).</summary>
        public Guid RunId { get; }

        /// <summary>Window start (UTC instant): the end of the last completed window minus the overlap, never before -Since.</summary>
        public DateTimeOffset Start { get; }

        /// <summary>Window end (UTC instant): now minus the lag.</summary>
        public DateTimeOffset End { get; }

        public TimeSpan Overlap { get; }

        /// <summary>True when no window was completed yet (the window starts at -Since).</summary>
        public bool IsFirstRun { get; }

        /// <summary>A warning for the cmdlet to write (the clock went back), or null.</summary>
        public string Notice { get; }

        /// <summary>Orders this run decided to write.</summary>
        public int Written { get; private set; }

        /// <summary>Orders left out: this version was written by a completed run or earlier in this one.</summary>
        public int Repeats { get; private set; }

        /// <summary>
        /// Validates the parameters, takes the lock, reads and verifies the file (or starts one from -Since), computes
        /// the window and records this run as running (so a kill from here on leaves nothing to complete). Everything
        /// that can be refused is refused here, before any request.
        /// </summary>
        public static CheckpointRun Begin(CheckpointRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var path = System.IO.Path.GetFullPath(request.Path);
            var clock = request.Clock ?? (() => DateTimeOffset.UtcNow);
            request.Clock = clock;
            if (request.Lag < TimeSpan.Zero)
            {
                throw CheckpointException.InvalidArgument(path, "-Lag is negative (" + request.Lag.ToString("c", CultureInfo.InvariantCulture) + "). Give a lag of zero or more: how long before now each window ends.");
            }

            if (request.Overlap < TimeSpan.Zero)
            {
                throw CheckpointException.InvalidArgument(path, "-Overlap is negative (" + request.Overlap.ToString("c", CultureInfo.InvariantCulture) + "). Give an overlap of zero or more: how far each window reaches back into the last completed one.");
            }

            var now = clock();
            if (request.Since.HasValue && request.Since.Value > now)
            {
                throw CheckpointException.InvalidArgument(path, "-Since (" + Show(request.Since.Value) + ") is in the future (now is " + Show(now) + " by this computer's clock). Give the time the first window starts, in the past.");
            }

            var held = CheckpointLock.Acquire(path, request.Owner, operation: true);
            try
            {
                CheckpointFile.DeleteLeftovers(path);
                var data = CheckpointFile.TryRead(path, out _);
                var firstRun = data == null || !data.Committed.End.HasValue;
                if (data == null)
                {
                    if (!request.Since.HasValue)
                    {
                        throw new CheckpointException(
                            CheckpointException.SinceRequiredId,
                            WxErrorCategory.InvalidArgument,
                            path,
                            "The checkpoint '" + path + "' does not exist yet, so the first window needs a start: add -Since (for example -Since (Get-Date).AddDays(-1)). " +
                            "Once the file exists -Since is ignored, so a scheduled command line can always pass it.");
                    }

                    data = new CheckpointData { Source = request.Source, AppId = request.AppId ?? string.Empty, Filter = request.Filter ?? string.Empty, Since = request.Since.Value.ToUniversalTime() };
                }
                else
                {
                    CheckIdentity(path, data, request);
                }

                var end = now - request.Lag;
                var start = data.Committed.End.HasValue ? data.Committed.End.Value - request.Overlap : data.Since;
                if (start < data.Since)
                {
                    start = data.Since;
                }

                if (end < start)
                {
                    throw new CheckpointException(
                        CheckpointException.InvalidWindowId,
                        WxErrorCategory.InvalidArgument,
                        path,
                        data.Committed.End.HasValue
                            ? "The window would end (" + Show(end) + ", now minus -Lag) before it starts (" + Show(start) + ", the last completed window's end minus -Overlap): this computer's clock is behind the time the last run completed, or -Lag grew. Correct the clock (time synchronisation), or lower -Lag, then run again. Nothing was requested."
                            : "The first window would end (" + Show(end) + ", now minus -Lag) before it starts (-Since " + Show(start) + "). Give an earlier -Since or a smaller -Lag. Nothing was requested.");
                }

                string notice = null;
                if (data.Committed.End.HasValue && end < data.Committed.End.Value)
                {
                    notice = "This window ends at " + Show(end) + ", before the last completed window's end (" + Show(data.Committed.End.Value) +
                        "): this computer's clock went back, or -Lag grew. Nothing is lost (the windows still overlap); check the clock's time synchronisation.";
                }

                data.Pending = new PendingRun { RunId = Guid.NewGuid(), Start = start.ToUniversalTime(), End = end.ToUniversalTime(), StartedAt = now.ToUniversalTime() };
                CheckpointFile.Write(path, data);
                return new CheckpointRun(request, held, data, data.Pending.Start, data.Pending.End, firstRun, notice);
            }
            catch
            {
                held.Dispose();
                throw;
            }
        }

        /// <summary>
        /// True when the order should be written: this (order id, update time) was not written by a completed run
        /// (inside the overlap) nor earlier in this run. The caller writes it when true. Thread-safe.
        /// </summary>
        public bool ShouldWrite(string orderId, DateTimeOffset updateTime, DateTimeOffset windowTime)
        {
            if (string.IsNullOrEmpty(orderId))
            {
                throw new ArgumentException("An order without an id cannot be de-duplicated.", nameof(orderId));
            }

            var seen = new SeenOrder(orderId, updateTime, windowTime);
            var key = (orderId, seen.Version.UtcTicks);
            lock (gate)
            {
                // Only what the next overlap can see again is remembered: the pending state keeps nothing older
                // (Finish prunes at End - Overlap), so holding it through the run would only make memory grow with
                // the run's size. An older version is still checked against what completed runs wrote; within one
                // run the walk itself writes each order once.
                var remembered = seen.WindowTime >= End - Overlap;
                if (remembered ? !written.Add(key) : written.Contains(key))
                {
                    Repeats++;
                    return false;
                }

                if (remembered)
                {
                    mine.Add(seen);
                }

                Written++;
                return true;
            }
        }

        /// <summary>
        /// Records where the run ended as the pending state. Complete (every page read, no gap): its window end and
        /// the orders inside the next overlap, for Complete-WxOrderCheckpoint to commit. Incomplete: nothing to
        /// commit, with <paramref name="reason"/> for Complete's error; the next search repeats the window.
        /// </summary>
        public void Finish(bool complete, string reason = null)
        {
            lock (gate)
            {
                if (finished)
                {
                    throw new InvalidOperationException("This checkpointed run has already recorded its end.");
                }

                finished = true;
                var p = data.Pending;
                p.RecordedAt = clock().ToUniversalTime();
                p.Complete = complete;
                p.Written = Written;
                p.Repeats = Repeats;
                p.Reason = complete ? null : (string.IsNullOrEmpty(reason) ? "the search did not read every page" : reason);
                p.Seen = complete ? Prune(data.Committed.Seen.Concat(mine), End - Overlap) : null;
                try
                {
                    CheckpointFile.Write(Path, data);
                }
                finally
                {
                    // The run is over: the session may Complete (or search) next, while a recipe's hold, if any, stays.
                    held.Dispose();
                }
            }
        }

        /// <summary>A run that did not Finish is recorded as incomplete (best effort: a kill leaves it as running); releases the lock.</summary>
        public void Dispose()
        {
            try
            {
                var unfinished = false;
                lock (gate)
                {
                    unfinished = !finished;
                }

                if (unfinished)
                {
                    try
                    {
                        Finish(false, "the search was stopped before its walk ended (Ctrl+C, a terminating error, or the pipeline stopped)");
                    }
                    catch (CheckpointException)
                    {
                        // The run stays recorded as running, which Complete refuses just the same.
                    }
                }
            }
            finally
            {
                held.Dispose();
            }
        }

        /// <summary>The entries whose window time is at or after the cutoff: the only ones the next window can return again.</summary>
        internal static List<SeenOrder> Prune(IEnumerable<SeenOrder> seen, DateTimeOffset cutoff)
        {
            return seen.Where(s => s.WindowTime >= cutoff)
                .OrderBy(s => s.WindowTime).ThenBy(s => s.OrderId, StringComparer.Ordinal).ThenBy(s => s.Version)
                .ToList();
        }

        private static void CheckIdentity(string path, CheckpointData data, CheckpointRequest request)
        {
            string what = null;
            if (data.Source != request.Source)
            {
                what = "it belongs to " + data.Source + " orders, not " + request.Source + " orders";
            }
            else if (!string.Equals(data.AppId, request.AppId ?? string.Empty, StringComparison.Ordinal))
            {
                what = "it belongs to the AppId '" + data.AppId + "', not '" + request.AppId + "'";
            }
            else if (!string.Equals(data.Filter, request.Filter ?? string.Empty, StringComparison.Ordinal))
            {
                what = "it was made with the filter '" + Describe(data.Filter) + "', not '" + Describe(request.Filter) + "'";
            }

            if (what != null)
            {
                throw new CheckpointException(
                    CheckpointException.MismatchId,
                    WxErrorCategory.InvalidArgument,
                    path,
                    "The checkpoint '" + path + "' is for another search: " + what + ". Each search needs its own checkpoint file: give another -Checkpoint path, or run the search that made this one. Nothing was requested.");
            }
        }

        private static string Describe(string filter) => string.IsNullOrEmpty(filter) ? "(none)" : filter;

        public static string Show(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Reading and completing checkpoints (Get-WxOrderCheckpoint, Complete-WxOrderCheckpoint).</summary>
    public static class CheckpointStore
    {
        /// <summary>Reads and verifies a checkpoint without taking its lock (a replace is atomic, so a reader sees one whole file).</summary>
        public static Checkpoint Read(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            var data = CheckpointFile.TryRead(full, out var size);
            if (data == null)
            {
                throw NotFound(full);
            }

            return View(full, data, size);
        }

        /// <summary>
        /// Makes the pending state the committed one. Throws WxOrders.NothingToComplete, saying why, when the last
        /// search did not finish or was incomplete or no search ran since the last Complete.
        /// </summary>
        public static Checkpoint Complete(string path, object owner, Func<DateTimeOffset> clock = null)
        {
            var full = System.IO.Path.GetFullPath(path);
            using (CheckpointLock.Acquire(full, owner, operation: true))
            {
                var data = CheckpointFile.TryRead(full, out _);
                if (data == null)
                {
                    throw NotFound(full);
                }

                var p = data.Pending;
                string why = null;
                switch (p?.State ?? CheckpointPendingState.None)
                {
                    case CheckpointPendingState.None:
                        why = "no checkpointed search ran since the last Complete" + (data.Committed.End.HasValue ? " (committed up to " + CheckpointRun.Show(data.Committed.End.Value) + ")" : string.Empty) + ". Run the search first, then Complete once its output is safe.";
                        break;
                    case CheckpointPendingState.Running:
                        why = "the last search (run " + p.RunId + ", started " + CheckpointRun.Show(p.StartedAt) + ") has not recorded its end: it is still running, or it was stopped or killed. Its output may be incomplete; run the search again.";
                        break;
                    case CheckpointPendingState.Incomplete:
                        why = "the last search (run " + p.RunId + ") was incomplete: " + p.Reason.TrimEnd('.') + ". Its orders are not committed; run the search again (it repeats the same window).";
                        break;
                }

                if (why != null)
                {
                    throw new CheckpointException(CheckpointException.NothingToCompleteId, WxErrorCategory.InvalidOperation, full, "Nothing to complete in '" + full + "': " + why);
                }

                data.Committed = new CommittedState
                {
                    End = p.End,
                    CompletedAt = (clock ?? (() => DateTimeOffset.UtcNow))().ToUniversalTime(),
                    RunId = p.RunId,
                    Seen = p.Seen ?? new List<SeenOrder>(),
                };
                data.Pending = null;
                CheckpointFile.Write(full, data);
                return Read(full);
            }
        }

        private static CheckpointException NotFound(string path) => new CheckpointException(
            CheckpointException.NotFoundId,
            WxErrorCategory.ObjectNotFound,
            path,
            "There is no checkpoint file '" + path + "'. A checkpointed search (-Checkpoint with -Since) makes it; check the path.");

        internal static Checkpoint View(string path, CheckpointData data, long size)
        {
            var china = TimeSpan.FromHours(8);
            DateTimeOffset? Local(DateTimeOffset? t) => t?.ToOffset(china);
            var p = data.Pending;
            return new Checkpoint
            {
                Path = path,
                FormatVersion = CheckpointData.CurrentFormat,
                Source = data.Source,
                AppId = data.AppId,
                Filter = data.Filter,
                Since = data.Since.ToOffset(china),
                CommittedEnd = Local(data.Committed.End),
                CommittedAt = Local(data.Committed.CompletedAt),
                CommittedRunId = data.Committed.RunId,
                CommittedCount = data.Committed.Seen.Count,
                PendingState = p?.State ?? CheckpointPendingState.None,
                PendingRunId = p?.RunId,
                PendingStart = Local(p?.Start),
                PendingEnd = Local(p?.End),
                PendingStartedAt = Local(p?.StartedAt),
                PendingRecordedAt = Local(p?.RecordedAt),
                PendingWritten = p?.Written,
                PendingRepeats = p?.Repeats,
                PendingCount = p?.Seen?.Count,
                PendingReason = p?.Reason,
                FileSize = size,
            };
        }
    }
}
