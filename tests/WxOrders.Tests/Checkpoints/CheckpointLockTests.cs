using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using WxOrders.Checkpoints;
using Xunit;

namespace WxOrders.Tests.Checkpoints
{
    public class CheckpointLockTests
    {
        [Fact]
        public void ASecondSessionFailsAtOnceAndChangesNothing()
        {
            using (var kit = new CheckpointTestKit())
            {
                var other = new object();
                using (var run = kit.Begin())
                {
                    var before = kit.Bytes();
                    var watch = Stopwatch.StartNew();
                    var ex = Assert.Throws<CheckpointException>(() => kit.Begin(owner: other));
                    Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "the refusal must not wait");
                    Assert.Equal("WxOrders.CheckpointInUse", ex.ErrorId);
                    Assert.Contains("another PowerShell session", ex.Message);
                    Assert.Equal("WxOrders.CheckpointInUse", Assert.Throws<CheckpointException>(() => CheckpointStore.Complete(kit.FilePath, other)).ErrorId);
                    Assert.Equal(before, kit.Bytes());
                    run.Finish(true);
                }

                // Released with the run: the other session may go on.
                CheckpointStore.Complete(kit.FilePath, other);
            }
        }

        [Fact]
        public void TheOwnerOfAHoldRunsItsOwnSearchAndCompleteWhileOthersAreRefused()
        {
            using (var kit = new CheckpointTestKit())
            {
                var other = new object();
                using (var hold = CheckpointLock.Acquire(kit.FilePath, kit.Owner, operation: false))
                {
                    Assert.True(hold.IsHeld);
                    Assert.True(File.Exists(CheckpointLock.LockPathOf(Path.GetFullPath(kit.FilePath))));
                    using (var run = kit.Begin())
                    {
                        // One operation at a time within the owner, too: a Complete racing its own search is refused.
                        Assert.Equal("WxOrders.CheckpointInUse", Assert.Throws<CheckpointException>(() => kit.Complete()).ErrorId);
                        Assert.Equal("WxOrders.CheckpointInUse", Assert.Throws<CheckpointException>(() => kit.Begin()).ErrorId);
                        run.Finish(true);
                    }

                    Assert.Equal("WxOrders.CheckpointInUse", Assert.Throws<CheckpointException>(() => kit.Begin(owner: other)).ErrorId);
                    kit.Complete();
                    // Between the recipe's steps (search ended, Complete not yet run) another session still cannot get in.
                    Assert.Equal("WxOrders.CheckpointInUse", Assert.Throws<CheckpointException>(() => CheckpointStore.Complete(kit.FilePath, other)).ErrorId);
                    Assert.Equal("WxOrders.CheckpointInUse", Assert.Throws<CheckpointException>(() => CheckpointLock.Acquire(kit.FilePath, other, operation: false)).ErrorId);
                    // Holds nest.
                    CheckpointLock.Acquire(kit.FilePath, kit.Owner, operation: false).Dispose();
                    Assert.Equal("WxOrders.CheckpointInUse", Assert.Throws<CheckpointException>(() => kit.Begin(owner: other)).ErrorId);
                    hold.Dispose();
                    Assert.False(hold.IsHeld);
                    hold.Dispose(); // twice is harmless
                }

                kit.Now = CheckpointTestKit.T0.AddMinutes(15);
                kit.Begin(owner: other).Dispose();
            }
        }

        [Fact]
        public void SessionsRacingForTheLockLetExactlyOneIn()
        {
            using (var kit = new CheckpointTestKit())
            {
                for (var round = 0; round < 20; round++)
                {
                    var winners = 0;
                    var refused = 0;
                    var held = new System.Collections.Concurrent.ConcurrentBag<CheckpointLock>();
                    using (var start = new System.Threading.Barrier(8))
                    {
                        var threads = new System.Threading.Thread[8];
                        for (var i = 0; i < threads.Length; i++)
                        {
                            threads[i] = new System.Threading.Thread(() =>
                            {
                                start.SignalAndWait();
                                try
                                {
                                    held.Add(CheckpointLock.Acquire(kit.FilePath, new object(), operation: true));
                                    System.Threading.Interlocked.Increment(ref winners);
                                }
                                catch (CheckpointException ex) when (ex.ErrorId == "WxOrders.CheckpointInUse")
                                {
                                    System.Threading.Interlocked.Increment(ref refused);
                                }
                            });
                            threads[i].Start();
                        }

                        foreach (var t in threads)
                        {
                            t.Join();
                        }
                    }

                    Assert.Equal(1, winners);
                    Assert.Equal(7, refused);
                    foreach (var l in held)
                    {
                        l.Dispose();
                    }
                }
            }
        }

        [Fact]
        public void ShouldWriteIsSafeFromManyThreads()
        {
            using (var kit = new CheckpointTestKit())
            using (var run = kit.Begin())
            {
                var t = CheckpointTestKit.T0.AddMinutes(-5);
                var yes = 0;
                System.Threading.Tasks.Parallel.For(0, 20000, i =>
                {
                    if (run.ShouldWrite((i % 5000).ToString(), t, t))
                    {
                        System.Threading.Interlocked.Increment(ref yes);
                    }
                });
                Assert.Equal(5000, yes);
                Assert.Equal(5000, run.Written);
                Assert.Equal(15000, run.Repeats);
            }
        }

        [Fact]
        public void AnotherProcessHoldingTheLockRefusesTheSearchAndASearchRefusesAnotherProcess()
        {
            // .NET maps FileShare.None to flock(LOCK_EX) on Linux and macOS; flock(1) takes the same lock from a
            // separate process, so this proves the lock crosses processes and dies with its holder. (Windows: the
            // sharing violation is the OS's own; the Pester tests cover two pwsh processes there.)
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || !File.Exists("/usr/bin/flock"))
            {
                return;
            }

            using (var kit = new CheckpointTestKit())
            {
                var lockFile = CheckpointLock.LockPathOf(Path.GetFullPath(kit.FilePath));
                using (var run = kit.Begin())
                {
                    Assert.Equal(1, Flock("-n", lockFile, "true")); // refused: we hold it
                    run.Finish(true);
                }

                Assert.Equal(0, Flock("-n", lockFile, "true"));

                // A holder in another process (flock -o: the lock is flock's own descriptor, not its child's), killed
                // while it holds the lock: the OS releases it.
                var info = new ProcessStartInfo("/usr/bin/flock") { UseShellExecute = false };
                foreach (var a in new[] { "-o", lockFile, "sleep", "20" })
                {
                    info.ArgumentList.Add(a);
                }

                using (var holder = Process.Start(info))
                {
                    var deadline = DateTime.UtcNow.AddSeconds(10);
                    while (Flock("-n", lockFile, "true") == 0 && DateTime.UtcNow < deadline)
                    {
                        System.Threading.Thread.Sleep(50);
                    }

                    var before = kit.Bytes();
                    var ex = Assert.Throws<CheckpointException>(() => kit.Begin());
                    Assert.Equal("WxOrders.CheckpointInUse", ex.ErrorId);
                    Assert.Contains("another process", ex.Message);
                    Assert.Equal(before, kit.Bytes());
                    var children = "/proc/" + holder.Id + "/task/" + holder.Id + "/children";
                    var sleeper = File.Exists(children) ? File.ReadAllText(children).Trim() : string.Empty;
                    holder.Kill();
                    holder.WaitForExit();
                    if (int.TryParse(sleeper.Split(' ')[0], out var pid))
                    {
                        try
                        {
                            Process.GetProcessById(pid).Kill();
                        }
                        catch (ArgumentException)
                        {
                        }
                    }
                }

                kit.Now = CheckpointTestKit.T0.AddMinutes(15);
                kit.Begin().Dispose();
            }
        }

        private static int Flock(params string[] args)
        {
            var info = new ProcessStartInfo("/usr/bin/flock") { UseShellExecute = false };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            using (var p = Process.Start(info))
            {
                p.WaitForExit();
                return p.ExitCode;
            }
        }
    }
}
