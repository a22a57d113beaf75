using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using WxOrders.Checkpoints;

namespace WxOrders
{
    /// <summary>
    /// The exclusive lock on one checkpoint: <c>&lt;checkpoint&gt;.lock</c> opened with FileShare.None, which Windows
    /// enforces and .NET on Linux and macOS maps to flock(LOCK_EX), so the operating system releases it when the
    /// process dies, however it dies. The lock file itself stays (deleting it would let a third process lock a new
    /// file while a second still holds the old one).
    /// <para>
    /// Inside one process the lock belongs to an owner: the PowerShell session (runspace) that took it. A session
    /// can hold the lock for a whole recipe (Lock-WxOrderCheckpoint) and still run its own checkpointed searches and
    /// Complete-WxOrderCheckpoint calls on it, one at a time; every other session, in this process or another, gets
    /// WxOrders.CheckpointInUse at once. One operation at a time even within the owner: a Complete in the same
    /// pipeline as the search it would complete is refused rather than racing it.
    /// </para>
    /// </summary>
    public sealed class CheckpointLock : IDisposable
    {
        private static readonly Dictionary<string, Entry> Held = new Dictionary<string, Entry>(
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        private readonly Entry entry;
        private readonly bool operation;
        private bool released;

        private CheckpointLock(Entry entry, bool operation, string path)
        {
            this.entry = entry;
            this.operation = operation;
            Path = path;
            AcquiredAt = DateTimeOffset.Now;
        }

        /// <summary>The checkpoint file this lock is for (full path).</summary>
        public string Path { get; }

        /// <summary>When this hold was taken.</summary>
        public DateTimeOffset AcquiredAt { get; }

        /// <summary>False once released (Unlock-WxOrderCheckpoint or Dispose).</summary>
        public bool IsHeld
        {
            get
            {
                lock (Held)
                {
                    return !released;
                }
            }
        }

        internal static string LockPathOf(string checkpointPath) => checkpointPath + ".lock";

        /// <summary>
        /// Takes the lock for <paramref name="owner"/> (a session key; never null). <paramref name="operation"/>: a
        /// search or Complete (one at a time), otherwise a hold for a recipe (any number by the same owner).
        /// Throws WxOrders.CheckpointInUse when someone else has it.
        /// </summary>
        public static CheckpointLock Acquire(string checkpointPath, object owner, bool operation)
        {
            if (owner == null)
            {
                throw new ArgumentNullException(nameof(owner));
            }

            var full = System.IO.Path.GetFullPath(checkpointPath);
            lock (Held)
            {
                if (Held.TryGetValue(full, out var entry))
                {
                    if (!Equals(entry.Owner, owner))
                    {
                        throw InUse(full, "another PowerShell session in this process (a runspace, thread job or ForEach-Object -Parallel) holds it");
                    }

                    if (operation && entry.OperationActive)
                    {
                        throw InUse(full, "this session is already running a checkpointed search or Complete-WxOrderCheckpoint on it (for example earlier in the same pipeline); run them one after the other");
                    }
                }
                else
                {
                    FileStream stream;
                    try
                    {
                        stream = new FileStream(LockPathOf(full), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                    }
                    catch (DirectoryNotFoundException ex)
                    {
                        throw CheckpointFile.FileError(full, "cannot be used: its folder does not exist", ex);
                    }
                    catch (UnauthorizedAccessException ex)
                    {
                        throw CheckpointFile.FileError(full, "cannot be locked", ex);
                    }
                    catch (IOException)
                    {
                        // Windows: a sharing violation; Linux/macOS: flock refused. Either way another process has it.
                        throw InUse(full, "another process holds it (an earlier run of a scheduled task that has not ended, or another window)");
                    }

                    entry = new Entry(owner, stream);
                    Held.Add(full, entry);
                }

                if (operation)
                {
                    entry.OperationActive = true;
                }
                else
                {
                    entry.Holds++;
                }

                return new CheckpointLock(entry, operation, full);
            }
        }

        /// <summary>Releases this hold; the file lock goes when the session's last hold and operation have ended.</summary>
        public void Dispose()
        {
            lock (Held)
            {
                if (released)
                {
                    return;
                }

                released = true;
                if (operation)
                {
                    entry.OperationActive = false;
                }
                else
                {
                    entry.Holds--;
                }

                if (entry.Holds == 0 && !entry.OperationActive)
                {
                    entry.Stream.Dispose();
                    Held.Remove(Path);
                }
            }
        }

        private static CheckpointException InUse(string path, string who) => new CheckpointException(
            CheckpointException.InUseId,
            WxErrorCategory.ResourceUnavailable,
            path,
            "The checkpoint '" + path + "' is in use: " + who + ". Nothing was requested and the checkpoint is unchanged. " +
            "If a scheduled run overlaps the next one, let it finish, or schedule the task less often.");

        private sealed class Entry
        {
            public Entry(object owner, FileStream stream)
            {
                Owner = owner;
                Stream = stream;
            }

            public object Owner { get; }
            public FileStream Stream { get; }
            public int Holds { get; set; }
            public bool OperationActive { get; set; }
        }
    }
}
