using System;

namespace WxOrders.Checkpoints
{
    /// <summary>
    /// A checkpoint that cannot be used as asked: damaged, from another search, in use, or a window that cannot be
    /// computed. Thrown before any request; the cmdlet layer makes it a terminating ErrorRecord with
    /// <see cref="ErrorId"/> and <see cref="Category"/>, the checkpoint path as TargetObject.
    /// </summary>
    [Serializable]
    public sealed class CheckpointException : Exception
    {
        internal const string CorruptId = "WxOrders.CheckpointCorrupt";
        internal const string MismatchId = "WxOrders.CheckpointMismatch";
        internal const string SinceRequiredId = "WxOrders.CheckpointSinceRequired";
        internal const string InvalidWindowId = "WxOrders.CheckpointInvalidWindow";
        internal const string InUseId = "WxOrders.CheckpointInUse";
        internal const string NothingToCompleteId = "WxOrders.NothingToComplete";
        internal const string NotFoundId = "WxOrders.CheckpointNotFound";
        internal const string FileErrorId = "WxOrders.CheckpointFileError";
        internal const string InvalidArgumentId = "WxOrders.InvalidArgument";

        /// <summary>-Checkpoint with an explicit window, -First or -Skip; or -Since, -Lag, -Overlap without -Checkpoint.</summary>
        internal const string ConflictId = "WxOrders.CheckpointConflict";

        /// <summary>-Checkpoint on a search that has no checkpointed mode.</summary>
        internal const string NotSupportedId = "WxOrders.CheckpointNotSupported";

        internal CheckpointException(string errorId, WxErrorCategory category, string path, string message, Exception inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
            Path = path;
        }

        /// <summary>The stable error id, e.g. WxOrders.CheckpointCorrupt.</summary>
        public string ErrorId { get; }

        /// <summary>The PowerShell error category, by name.</summary>
        public WxErrorCategory Category { get; }

        /// <summary>The checkpoint file the error is about.</summary>
        public string Path { get; }

        internal static CheckpointException Corrupt(string path, string what, Exception inner = null) => new CheckpointException(
            CorruptId,
            WxErrorCategory.InvalidData,
            path,
            "The checkpoint file '" + path + "' is damaged or was edited (" + what + "). WxOrders does not start over " +
            "silently, because that would either repeat or skip orders. Restore the file from a backup, or delete it and run " +
            "the search again with -Since (orders since then are written again). Nothing was requested.",
            inner);

        internal static CheckpointException InvalidArgument(string path, string message) =>
            new CheckpointException(InvalidArgumentId, WxErrorCategory.InvalidArgument, path, message);
    }
}
