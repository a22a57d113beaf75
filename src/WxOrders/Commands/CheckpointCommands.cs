using System.Management.Automation;
using System.Management.Automation.Runspaces;
using WxOrders.Checkpoints;
using WxOrders.Infrastructure;

namespace WxOrders.Commands
{
    /// <summary>What the checkpoint cmdlets (and the checkpointed searches) share: the session key and the error mapping.</summary>
    internal static class CheckpointCmdlets
    {
        /// <summary>
        /// The owner of a checkpoint lock: this PowerShell session (runspace). A recipe that holds the lock can run its
        /// own searches and Complete in the same session; other runspaces of the process are refused like other processes.
        /// Read it on the pipeline thread: elsewhere there is no default runspace, and the key is then a new object
        /// that matches no other (never re-entrant), rather than one shared by every caller without a runspace.
        /// </summary>
        public static object SessionKey => (object)Runspace.DefaultRunspace?.InstanceId ?? new object();

        /// <summary>A file-system path as PowerShell's current location sees it (not the process's current directory).</summary>
        public static string Resolve(PSCmdlet cmdlet, string path) => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        public static ErrorRecord ToErrorRecord(CheckpointException ex, object target) =>
            new ErrorRecord(ex, ex.ErrorId, WxOrdersCmdlet.Map(ex.Category), target ?? ex.Path);
    }

    /// <summary>
    /// A cmdlet over one checkpoint file per input: -Path (resolved against the PowerShell location), and each
    /// CheckpointException as a non-terminating error whose TargetObject is the path given.
    /// </summary>
    public abstract class CheckpointPathCmdlet : WxOrdersCmdlet
    {
        /// <summary>The checkpoint file, as given to -Checkpoint on the search.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotBlank]
        public string Path { get; set; }

        internal abstract void Process(string fullPath);

        protected override void ProcessRecord()
        {
            try
            {
                Process(CheckpointCmdlets.Resolve(this, Path));
            }
            catch (CheckpointException ex)
            {
                WriteError(CheckpointCmdlets.ToErrorRecord(ex, Path));
            }
        }
    }

    /// <summary>Get-WxOrderCheckpoint: a read-only view of a checkpoint file, verified.</summary>
    [Cmdlet(VerbsCommon.Get, "WxOrderCheckpoint")]
    [OutputType(typeof(Checkpoint))]
    public sealed class GetWxOrderCheckpointCommand : CheckpointPathCmdlet
    {
        internal override void Process(string fullPath) => WriteObject(CheckpointStore.Read(fullPath));
    }

    /// <summary>Complete-WxOrderCheckpoint: makes the last checkpointed search's pending state the committed one.</summary>
    [Cmdlet(VerbsLifecycle.Complete, "WxOrderCheckpoint")]
    [OutputType(typeof(Checkpoint))]
    public sealed class CompleteWxOrderCheckpointCommand : CheckpointPathCmdlet
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override void Process(string fullPath)
        {
            var result = CheckpointStore.Complete(fullPath, CheckpointCmdlets.SessionKey);
            WriteVerbose("Committed run " + result.CommittedRunId + " of '" + fullPath + "': the next window starts at " +
                CheckpointRun.Show(result.CommittedEnd.Value) + " minus -Overlap.");
            if (PassThru)
            {
                WriteObject(result);
            }
        }
    }

    /// <summary>Lock-WxOrderCheckpoint: holds a checkpoint's lock for this session until Unlock-WxOrderCheckpoint.</summary>
    [Cmdlet(VerbsCommon.Lock, "WxOrderCheckpoint")]
    [OutputType(typeof(CheckpointLock))]
    public sealed class LockWxOrderCheckpointCommand : CheckpointPathCmdlet
    {
        internal override void Process(string fullPath) =>
            WriteObject(CheckpointLock.Acquire(fullPath, CheckpointCmdlets.SessionKey, operation: false));
    }

    /// <summary>Unlock-WxOrderCheckpoint: releases a hold taken by Lock-WxOrderCheckpoint.</summary>
    [Cmdlet(VerbsCommon.Unlock, "WxOrderCheckpoint")]
    public sealed class UnlockWxOrderCheckpointCommand : WxOrdersCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public CheckpointLock[] Lock { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var l in Lock)
            {
                l.Dispose();
            }
        }
    }
}
