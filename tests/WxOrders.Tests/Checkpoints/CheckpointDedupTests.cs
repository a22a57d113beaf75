using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using WxOrders.Checkpoints;
using Xunit;
using Xunit.Abstractions;

namespace WxOrders.Tests.Checkpoints
{
    public class CheckpointDedupTests
    {
        private readonly ITestOutputHelper output;

        public CheckpointDedupTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Fact]
        public void AVersionWrittenByACompletedRunIsNotWrittenAgainButANewVersionIs()
        {
            using (var kit = new CheckpointTestKit())
            {
                var t = CheckpointTestKit.T0.AddMinutes(-6);
                using (var run = kit.Begin(lag: TimeSpan.Zero))
                {
                    Assert.True(run.ShouldWrite("3700000000000000001", t, t));
                    Assert.True(run.ShouldWrite("3700000000000000002", t, t));
                    Assert.False(run.ShouldWrite("3700000000000000001", t, t)); // a page shift within the run
                    Assert.Equal(2, run.Written);
                    Assert.Equal(1, run.Repeats);
                    run.Finish(true);
                }

                Assert.Equal(2, kit.Complete().CommittedCount);
                kit.Now = CheckpointTestKit.T0.AddMinutes(15);
                using (var run = kit.Begin(lag: TimeSpan.Zero, overlap: TimeSpan.FromMinutes(15)))
                {
                    Assert.False(run.ShouldWrite("3700000000000000001", t, t));           // same version, in the overlap
                    Assert.True(run.ShouldWrite("3700000000000000002", t.AddMinutes(10), t.AddMinutes(10))); // changed since
                    Assert.True(run.ShouldWrite("3700000000000000003", t.AddMinutes(11), t.AddMinutes(11)));
                    // The same instant in another offset is the same version.
                    Assert.False(run.ShouldWrite("3700000000000000003", t.AddMinutes(11).ToOffset(TimeSpan.FromHours(8)), t.AddMinutes(11)));
                    Assert.Equal(2, run.Written);
                    Assert.Equal(2, run.Repeats);
                }
            }
        }

        [Fact]
        public void ASearchOverAnUncompletedStateWorksFromTheCommittedOneAndReplacesIt()
        {
            using (var kit = new CheckpointTestKit())
            {
                var t = CheckpointTestKit.T0.AddMinutes(-30);
                Guid first;
                using (var run = kit.Begin())
                {
                    first = run.RunId;
                    Assert.True(run.ShouldWrite("1", t, t));
                    run.Finish(true);
                }

                // Not completed (the output was lost): the next search writes the same order again (at least once).
                kit.Now = CheckpointTestKit.T0.AddMinutes(15);
                using (var run = kit.Begin())
                {
                    Assert.NotEqual(first, run.RunId);
                    Assert.Equal(CheckpointTestKit.T0.AddHours(-1), run.Start); // still from -Since: nothing committed
                    Assert.Equal(run.RunId, kit.Read().PendingRunId);
                    Assert.True(run.ShouldWrite("1", t, t));
                    run.Finish(true);
                }

                var done = kit.Complete();
                Assert.Equal(CheckpointTestKit.T0.AddMinutes(13), done.CommittedEnd);
                Assert.Equal(CheckpointPendingState.None, done.PendingState);
            }
        }

        [Fact]
        public void PruningKeepsOnlyWhatTheNextWindowCanReturnByTheWindowTime()
        {
            using (var kit = new CheckpointTestKit())
            {
                kit.Now = CheckpointTestKit.T0;
                using (var run = kit.Begin(since: CheckpointTestKit.T0.AddDays(-3), lag: TimeSpan.Zero, overlap: TimeSpan.FromHours(1), source: CheckpointSource.Shop))
                {
                    // Shop: the window time is the creation time. An order created two days ago and paid a minute ago
                    // cannot come back in a window that starts an hour ago: pruned, although its update is recent.
                    Assert.True(run.ShouldWrite("old", CheckpointTestKit.T0.AddMinutes(-1), CheckpointTestKit.T0.AddDays(-2)));
                    // Created 40 minutes ago and not changed since: the next window returns it again, so it is kept.
                    Assert.True(run.ShouldWrite("recent", CheckpointTestKit.T0.AddMinutes(-40), CheckpointTestKit.T0.AddMinutes(-40)));
                    // Exactly at the cutoff: kept (the next window starts there, inclusive).
                    Assert.True(run.ShouldWrite("edge", CheckpointTestKit.T0.AddMinutes(-5), CheckpointTestKit.T0.AddHours(-1)));
                    run.Finish(true);
                }

                var view = kit.Read();
                Assert.Equal(2, view.PendingCount);
                var text = File.ReadAllText(kit.FilePath);
                Assert.DoesNotContain("\"old\"", text);
                Assert.Contains("[\"recent\",\"2026-02-28T23:20:00Z\"]", text);              // window time = version: two fields
                Assert.Contains("[\"edge\",\"2026-02-28T23:55:00Z\",\"2026-02-28T23:00:00Z\"]", text); // differs: three
                kit.Complete();
                kit.Now = CheckpointTestKit.T0.AddMinutes(15);
                using (var run = kit.Begin(lag: TimeSpan.Zero, overlap: TimeSpan.FromHours(1), source: CheckpointSource.Shop))
                {
                    Assert.False(run.ShouldWrite("recent", CheckpointTestKit.T0.AddMinutes(-40), CheckpointTestKit.T0.AddMinutes(-40)));
                    run.Finish(true);
                }

                // Committed entries age out too: "edge" (created at T0-1h) is before the new cutoff T0+15m-1h.
                Assert.Equal(1, kit.Read().PendingCount);
            }
        }

        [Fact]
        public void ARunRemembersOnlyWhatTheNextOverlapCanSeeSoItsMemoryStaysFlat()
        {
            using (var kit = new CheckpointTestKit())
            {
                // A first run over 30 days of changes, one a minute: 43,200 written, but only the last overlap's
                // (15 minutes: 16 at one a minute, both ends inclusive) are held for the pending state.
                kit.Now = CheckpointTestKit.T0;
                var since = CheckpointTestKit.T0.AddDays(-30);
                using (var run = kit.Begin(since: since, lag: TimeSpan.Zero, overlap: TimeSpan.FromMinutes(15)))
                {
                    for (var m = 0; m <= 30 * 24 * 60; m++)
                    {
                        var t = since.AddMinutes(m);
                        Assert.True(run.ShouldWrite("o" + m.ToString(System.Globalization.CultureInfo.InvariantCulture), t, t));
                    }

                    Assert.Equal((30 * 24 * 60) + 1, run.Written);
                    Assert.Equal(16, run.Remembered);
                    run.Finish(true);
                }

                Assert.Equal(16, kit.Read().PendingCount);
                kit.Complete();

                // The next run still refuses a committed version, whether it falls inside its own overlap or not.
                kit.Now = CheckpointTestKit.T0.AddMinutes(15);
                using (var run = kit.Begin(lag: TimeSpan.Zero, overlap: TimeSpan.FromMinutes(15)))
                {
                    var committed = CheckpointTestKit.T0.AddMinutes(-10);
                    Assert.False(run.ShouldWrite("o" + ((30 * 24 * 60) - 10).ToString(System.Globalization.CultureInfo.InvariantCulture), committed, committed));
                    Assert.Equal(1, run.Repeats);
                    Assert.Equal(0, run.Remembered);
                    run.Finish(true);
                }
            }
        }

        [Fact]
        public void TheFileStaysUnderOneMegabyteAtTenThousandChangesAnHourWithAFifteenMinuteOverlap()
        {
            // A scheduled task every 15 minutes, lag 2 min, overlap 15 min; 10,000 changes an hour spread evenly over
            // 19-digit ids (union: window time = update time). Measured at the largest point: after a search recorded
            // its pending state and before Complete, when the file holds both states.
            using (var kit = new CheckpointTestKit())
            {
                var rng = new Random(13);
                var changes = new List<(string Id, DateTimeOffset At)>();
                var start = CheckpointTestKit.T0.AddHours(-1);
                for (var i = 0; i < 10000 * 4; i++)
                {
                    var at = start.AddSeconds(i * 0.36);
                    at = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
                    changes.Add(((3700000000000000000L + rng.Next(0, 5000000) * 1000L + i % 1000).ToString(CultureInfo.InvariantCulture), at));
                }

                long largest = 0;
                kit.Now = start;
                for (var r = 1; r <= 12; r++)
                {
                    kit.Now = start.AddMinutes(15 * r);
                    using (var run = kit.Begin(since: start, lag: TimeSpan.FromMinutes(2), overlap: TimeSpan.FromMinutes(15)))
                    {
                        foreach (var c in changes.Where(c => c.At >= run.Start && c.At <= run.End))
                        {
                            run.ShouldWrite(c.Id, c.At, c.At);
                        }

                        run.Finish(true);
                    }

                    largest = Math.Max(largest, new FileInfo(kit.FilePath).Length);
                    kit.Complete();
                }

                output.WriteLine("largest checkpoint: {0:N0} bytes ({1} committed entries at the end)", largest, kit.Read().CommittedCount);
                Assert.InRange(largest, 100_000, 1_000_000);
            }
        }
    }
}
