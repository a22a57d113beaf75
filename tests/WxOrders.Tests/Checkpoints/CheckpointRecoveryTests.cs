using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using WxOrders.Checkpoints;
using Xunit;
using Xunit.Abstractions;

namespace WxOrders.Tests.Checkpoints
{
    /// <summary>
    /// The sync recipe's steps against the engine, killed at every step: hold the lock, repair (complete a pending
    /// run whose output was published), search, write the output to a temporary file, publish it under the run id
    /// (an atomic rename), Complete. A kill is simulated exactly: the checkpoint file is put back to the bytes it
    /// held at that instant (atomic replace: a write is either all there or not at all), the lock released as the OS
    /// does for a dead process, unpublished output dropped.
    /// </summary>
    public class CheckpointRecoveryTests
    {
        public enum Step { BeforeBegin, AfterBegin, MidWalk, AfterFinish, AfterPublish, AfterComplete, None }

        private readonly ITestOutputHelper output;

        public CheckpointRecoveryTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Theory]
        [InlineData(Step.BeforeBegin)]
        [InlineData(Step.AfterBegin)]
        [InlineData(Step.MidWalk)]
        [InlineData(Step.AfterFinish)]
        [InlineData(Step.AfterPublish)]
        [InlineData(Step.AfterComplete)]
        public void AKillAtThisStepIsRepairedByTheNextRunExactlyOnce(Step kill)
        {
            var world = new World(seed: (int)kill + 1);
            using (var kit = new CheckpointTestKit())
            {
                // Every run is killed at this step, except every third, then two clean runs.
                for (var r = 1; r <= 24; r++)
                {
                    RunRecipe(kit, world, r, r % 3 == 0 ? Step.None : kill);
                }

                // Two clean runs after the last change (changes go on for up to eight hours).
                RunRecipe(kit, world, 40, Step.None);
                RunRecipe(kit, world, 41, Step.None);
                world.Check(output, kill.ToString());
            }
        }

        [Fact]
        public void KillsAtRandomStepsAcrossManyRunsLoseAndRepeatNothing()
        {
            var rng = new Random(42);
            var world = new World(seed: 99);
            using (var kit = new CheckpointTestKit())
            {
                for (var r = 1; r <= 40; r++)
                {
                    RunRecipe(kit, world, r, rng.Next(3) == 0 ? (Step)rng.Next(6) : Step.None);
                }

                RunRecipe(kit, world, 45, Step.None);
                RunRecipe(kit, world, 46, Step.None);
                world.Check(output, "random");
            }
        }

        [Fact]
        public void AfterAKillThePendingRunIdAndWindowSayWhatToRepair()
        {
            using (var kit = new CheckpointTestKit())
            {
                Guid id;
                DateTimeOffset start, end;
                using (var run = kit.Begin())
                {
                    id = run.RunId;
                    start = run.Start;
                    end = run.End;
                    var killed = kit.Bytes(); // killed mid-walk
                    run.Finish(true);
                    File.WriteAllBytes(kit.FilePath, killed);
                }

                var view = kit.Read();
                Assert.Equal(CheckpointPendingState.Running, view.PendingState);
                Assert.Equal(id, view.PendingRunId);
                Assert.Equal(start, view.PendingStart);
                Assert.Equal(end, view.PendingEnd);
                Assert.False(view.CanComplete);
                var ex = Assert.Throws<CheckpointException>(() => kit.Complete());
                Assert.Equal("WxOrders.NothingToComplete", ex.ErrorId);
                Assert.Contains("stopped or killed", ex.Message);
            }
        }

        [Fact]
        public void NothingToCompleteSaysWhyInEachCase()
        {
            using (var kit = new CheckpointTestKit())
            {
                Assert.Equal("WxOrders.CheckpointNotFound", Assert.Throws<CheckpointException>(() => kit.Complete()).ErrorId);
                using (var run = kit.Begin())
                {
                    run.Finish(false, "2 of 9 pages could not be retrieved");
                }

                var incomplete = Assert.Throws<CheckpointException>(() => kit.Complete());
                Assert.Equal("WxOrders.NothingToComplete", incomplete.ErrorId);
                Assert.Contains("2 of 9 pages could not be retrieved", incomplete.Message);
                Assert.Null(kit.Read().CommittedEnd);

                using (kit.Begin())
                {
                    // Ctrl+C: disposed without Finish.
                }

                Assert.Equal(CheckpointPendingState.Incomplete, kit.Read().PendingState);
                Assert.Contains("stopped before its walk ended", Assert.Throws<CheckpointException>(() => kit.Complete()).Message);

                using (var run = kit.Begin())
                {
                    run.Finish(true);
                }

                Assert.True(kit.Read().CanComplete);
                kit.Complete();
                var none = Assert.Throws<CheckpointException>(() => kit.Complete());
                Assert.Contains("no checkpointed search ran since the last Complete", none.Message);
            }
        }

        private static void RunRecipe(CheckpointTestKit kit, World world, int r, Step kill)
        {
            kit.Now = CheckpointTestKit.T0.AddMinutes(15 * r);
            byte[] snapshot = null;
            var killed = false;
            void At(Step step)
            {
                if (!killed && step == kill)
                {
                    snapshot = File.Exists(kit.FilePath) ? kit.Bytes() : null;
                    killed = true;
                }
            }

            var temp = new List<(string, DateTimeOffset)>();
            using (var hold = CheckpointLock.Acquire(kit.FilePath, kit.Owner, operation: false))
            {
                // Repair: a pending run whose output made it is completed; any other pending state is replaced by the search.
                if (File.Exists(kit.FilePath))
                {
                    var view = kit.Read();
                    if (view.CanComplete && world.Published.ContainsKey(view.PendingRunId.Value))
                    {
                        kit.Complete();
                    }
                }

                At(Step.BeforeBegin);
                if (!killed)
                {
                    using (var run = CheckpointRun.Begin(kit.Request(since: CheckpointTestKit.T0, lag: TimeSpan.FromMinutes(2), overlap: TimeSpan.FromMinutes(10))))
                    {
                        At(Step.AfterBegin);
                        var visible = world.Visible(kit.Now, run.Start, run.End).ToList();
                        for (var i = 0; i < visible.Count && !killed; i++)
                        {
                            if (i == visible.Count / 2)
                            {
                                At(Step.MidWalk);
                            }

                            if (!killed && run.ShouldWrite(visible[i].Id, visible[i].Version, visible[i].Version))
                            {
                                temp.Add((visible[i].Id, visible[i].Version));
                            }
                        }

                        if (visible.Count == 0)
                        {
                            At(Step.MidWalk);
                        }

                        if (!killed)
                        {
                            run.Finish(true);
                            At(Step.AfterFinish);
                        }

                        if (!killed)
                        {
                            world.Published.Add(run.RunId, temp);
                            At(Step.AfterPublish);
                        }

                        if (!killed)
                        {
                            kit.Complete();
                            At(Step.AfterComplete);
                        }
                    }
                }
            }

            if (killed)
            {
                // The process died at that instant: the file is what it was then (plus a half-written temporary file).
                if (snapshot == null)
                {
                    File.Delete(kit.FilePath);
                }
                else
                {
                    File.WriteAllBytes(kit.FilePath, snapshot);
                    File.WriteAllBytes(kit.FilePath + "." + Guid.NewGuid().ToString("N") + ".tmp", snapshot.Take(snapshot.Length / 2).ToArray());
                }
            }
        }

        /// <summary>Orders that change over eight hours (created in the first six), visible up to a minute after their time (lag 2 min covers it).</summary>
        private sealed class World
        {
            private readonly List<(string Id, DateTimeOffset[] Changes)> orders = new List<(string, DateTimeOffset[])>();

            public World(int seed)
            {
                var rng = new Random(seed);
                for (var i = 0; i < 300; i++)
                {
                    var first = CheckpointTestKit.T0.AddSeconds(rng.Next(60, 6 * 3600));
                    var changes = Enumerable.Range(0, rng.Next(1, 4)).Select(k => first.AddSeconds(k * rng.Next(30, 3600))).ToArray();
                    orders.Add(((3700000000000000000L + i).ToString(), changes));
                }
            }

            public Dictionary<Guid, List<(string, DateTimeOffset)>> Published { get; } = new Dictionary<Guid, List<(string, DateTimeOffset)>>();

            /// <summary>What the list returns at platform time now: each order's current version, if visible and in the window.</summary>
            public IEnumerable<(string Id, DateTimeOffset Version)> Visible(DateTimeOffset now, DateTimeOffset start, DateTimeOffset end)
            {
                foreach (var o in orders)
                {
                    var visible = o.Changes.Where(c => c.AddSeconds(Math.Abs(o.Id.GetHashCode() % 60)) <= now).ToList();
                    if (visible.Count > 0)
                    {
                        var current = visible.Max();
                        if (current >= start && current <= end)
                        {
                            yield return (o.Id, current);
                        }
                    }
                }
            }

            public void Check(ITestOutputHelper output, string what)
            {
                var all = Published.Values.SelectMany(v => v).ToList();
                var duplicated = all.GroupBy(p => p).Count(g => g.Count() > 1);
                var missing = orders.Count(o => !all.Contains((o.Id, o.Changes.Max())));
                output.WriteLine("{0}: {1} files, {2} rows, missing {3}, duplicated {4}", what, Published.Count, all.Count, missing, duplicated);
                Assert.Equal(0, missing);
                Assert.Equal(0, duplicated);
            }
        }
    }
}
