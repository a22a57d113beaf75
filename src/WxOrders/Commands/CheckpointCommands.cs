using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using WxOrders.Checkpoints;
using WxOrders.Infrastructure;

namespace WxOrders.Commands
{
    /// <summary>What the checkpoint cmdlets (and the checkpointed searches) share: the session key and the error mapping.</summary>
    internal static class CheckpointCmdlets
    {
        private static readonly object NoRunspace = new object();

        /// <summary>
        /// The owner of a checkpoint lock: this PowerShell session (runspace). A recipe that holds the lock can run its
        /// own searches and Complete in the same session; other runspaces of the process are refused like other processes.
        /// </summary>
        public static object SessionKey => (object)Runspace.DefaultRunspace?.InstanceId ?? NoRunspace;

        /// <summary>A file-system path as PowerShell's current location sees it (not the process's current directory).</summary>
        public static string Resolve(PSCmdlet cmdlet, string path) => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        public static ErrorRecord ToErrorRecord(CheckpointException ex, object target) =>
            new ErrorRecord(ex, ex.ErrorId, WxOrdersCmdlet.Map(ex.Category), target ?? ex.Path);
    }

    /// <summary>Get-WxOrderCheckpoint: a read-only view of a checkpoint file, verified.</summary>
    [Cmdlet(VerbsCommon.Get, "WxOrderCheckpoint")]
    [OutputType(typeof(Checkpoint))]
    public sealed class GetWxOrderCheckpointCommand : WxOrdersCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotBlank]
        public string Path { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                WriteObject(CheckpointStore.Read(CheckpointCmdlets.Resolve(this, Path)));
            }
            catch (CheckpointException ex)
            {
                WriteError(CheckpointCmdlets.ToErrorRecord(ex, Path));
            }
        }
    }

    /// <summary>Complete-WxOrderCheckpoint: makes the last checkpointed search's pending state the committed one.</summary>
    [Cmdlet(VerbsLifecycle.Complete, "WxOrderCheckpoint")]
    [OutputType(typeof(Checkpoint))]
    public sealed class CompleteWxOrderCheckpointCommand : WxOrdersCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotBlank]
        public string Path { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var full = CheckpointCmdlets.Resolve(this, Path);
            try
            {
                var result = CheckpointStore.Complete(full, CheckpointCmdlets.SessionKey);
                WriteVerbose("Committed run " + result.CommittedRunId + " of '" + full + "': the next window starts at " +
                    CheckpointRun.Show(result.CommittedEnd.Value) + " minus -Overlap.");
                if (PassThru)
                {
                    WriteObject(result);
                }
            }
            catch (CheckpointException ex)
            {
                WriteError(CheckpointCmdlets.ToErrorRecord(ex, Path));
            }
        }
    }

    /// <summary>Lock-WxOrderCheckpoint: holds a checkpoint's lock for this session until Unlock-WxOrderCheckpoint.</summary>
    [Cmdlet(VerbsCommon.Lock, "WxOrderCheckpoint")]
    [OutputType(typeof(CheckpointLock))]
    public sealed class LockWxOrderCheckpointCommand : WxOrdersCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotBlank]
        public string Path { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                WriteObject(CheckpointLock.Acquire(CheckpointCmdlets.Resolve(this, Path), CheckpointCmdlets.SessionKey, operation: false));
            }
            catch (CheckpointException ex)
            {
                WriteError(CheckpointCmdlets.ToErrorRecord(ex, Path));
            }
        }
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
