using System;

namespace WxOrders
{
    /// <summary>The order sources a checkpoint can belong to.</summary>
    public enum CheckpointSource
    {
        /// <summary>WeChat Union promoter orders, windowed on the commission-status update time.</summary>
        Union = 0,
        /// <summary>Mini Program shop orders, windowed on the creation time (the list has no update filter).</summary>
        Shop,
        /// <summary>Wshoto mall orders, windowed on the update time.</summary>
        Wshoto,
        /// <summary>WeChat Store (Channels) orders, windowed on the update time.</summary>
        Channels,
    }

    /// <summary>Where the last checkpointed search stands.</summary>
    public enum CheckpointPendingState
    {
        /// <summary>No search ran since the last Complete-WxOrderCheckpoint: nothing to complete.</summary>
        None = 0,
        /// <summary>A search started and has not finished: it is still running, or it was stopped or killed.</summary>
        Running,
        /// <summary>The last search ended without reading every page: nothing to complete; the next search repeats its window.</summary>
        Incomplete,
        /// <summary>The last search read every page: Complete-WxOrderCheckpoint makes its state the committed one.</summary>
        Complete,
    }

    /// <summary>
    /// A read-only view of a checkpoint file (Get-WxOrderCheckpoint, Complete-WxOrderCheckpoint). Times are
    /// instants shown in China time (+08:00); the file stores them in UTC. Holds no secret: the file has none.
    /// </summary>
    public sealed class Checkpoint
    {
        /// <summary>The checkpoint file (full path).</summary>
        public string Path { get; internal set; }

        /// <summary>The file format version.</summary>
        public int FormatVersion { get; internal set; }

        /// <summary>The source the checkpoint belongs to.</summary>
        public CheckpointSource Source { get; internal set; }

        /// <summary>The AppId of the connection the searches used.</summary>
        public string AppId { get; internal set; }

        /// <summary>The search filter, canonical ("" for none): a search with another filter refuses the file.</summary>
        public string Filter { get; internal set; }

        /// <summary>The -Since of the first run: the start of the first window.</summary>
        public DateTimeOffset Since { get; internal set; }

        /// <summary>End of the last completed window; empty before the first Complete.</summary>
        public DateTimeOffset? CommittedEnd { get; internal set; }

        /// <summary>When the last Complete ran.</summary>
        public DateTimeOffset? CommittedAt { get; internal set; }

        /// <summary>The run the committed state came from.</summary>
        public Guid? CommittedRunId { get; internal set; }

        /// <summary>Orders (id and version) remembered from completed runs, inside the overlap.</summary>
        public int CommittedCount { get; internal set; }

        /// <summary>Where the last search stands: None, Running, Incomplete or Complete.</summary>
        public CheckpointPendingState PendingState { get; internal set; }

        /// <summary>True when Complete-WxOrderCheckpoint has something to complete.</summary>
        public bool CanComplete => PendingState == CheckpointPendingState.Complete;

        /// <summary>The id of the last search run (name output files after it to tell whether they were kept).</summary>
        public Guid? PendingRunId { get; internal set; }

        /// <summary>Start of the last search's window.</summary>
        public DateTimeOffset? PendingStart { get; internal set; }

        /// <summary>End of the last search's window.</summary>
        public DateTimeOffset? PendingEnd { get; internal set; }

        /// <summary>When the last search started.</summary>
        public DateTimeOffset? PendingStartedAt { get; internal set; }

        /// <summary>When the last search recorded its end; empty while it runs or when it was killed.</summary>
        public DateTimeOffset? PendingRecordedAt { get; internal set; }

        /// <summary>Orders the last search wrote.</summary>
        public int? PendingWritten { get; internal set; }

        /// <summary>Orders the last search left out because an earlier completed run (or itself) had written that version.</summary>
        public int? PendingRepeats { get; internal set; }

        /// <summary>Orders (id and version) the pending state remembers for the next overlap.</summary>
        public int? PendingCount { get; internal set; }

        /// <summary>Why the last search is incomplete; empty otherwise.</summary>
        public string PendingReason { get; internal set; }

        /// <summary>Size of the file in bytes.</summary>
        public long FileSize { get; internal set; }
    }
}
