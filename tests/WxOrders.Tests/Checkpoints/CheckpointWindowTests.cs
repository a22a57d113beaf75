using System;
using System.IO;
using WxOrders.Checkpoints;
using Xunit;

namespace WxOrders.Tests.Checkpoints
{
    public class CheckpointWindowTests
    {
        [Fact]
        public void FirstRunWithoutSinceIsRefusedAndCreatesNothing()
        {
            using (var kit = new CheckpointTestKit())
            {
                var ex = Assert.Throws<CheckpointException>(() => CheckpointRun.Begin(kit.Request(since: null)));
                Assert.Equal("WxOrders.CheckpointSinceRequired", ex.ErrorId);
                Assert.Contains("-Since", ex.Message);
                Assert.False(File.Exists(kit.FilePath));
                // The refused run left no lock behind.
                CheckpointRun.Begin(kit.Request(since: CheckpointTestKit.T0.AddHours(-1), owner: new object())).Dispose();
            }
        }

        [Fact]
        public void FirstRunGoesFromSinceToNowMinusLagAndIsRecordedAsRunning()
        {
            using (var kit = new CheckpointTestKit())
            {
                var since = CheckpointTestKit.T0.AddDays(-1);
                using (var run = kit.Begin(since: since, lag: TimeSpan.FromMinutes(5)))
                {
                    Assert.True(run.IsFirstRun);
                    Assert.Equal(since, run.Start);
                    Assert.Equal(CheckpointTestKit.T0.AddMinutes(-5), run.End);
                    var view = kit.Read();
                    Assert.Equal(CheckpointPendingState.Running, view.PendingState);
                    Assert.Equal(run.RunId, view.PendingRunId);
                    Assert.Equal(since, view.Since);
                    Assert.Null(view.CommittedEnd);
                    Assert.Equal(TimeSpan.FromHours(8), view.PendingEnd.Value.Offset);
                }
            }
        }

        [Fact]
        public void LaterRunsStartAtTheCommittedEndMinusOverlapAndIgnoreSince()
        {
            using (var kit = new CheckpointTestKit())
            {
                using (var run = kit.Begin(since: CheckpointTestKit.T0.AddDays(-1)))
                {
                    run.Finish(true);
                }

                kit.Complete();
                kit.Now = CheckpointTestKit.T0.AddMinutes(15);
                // Another -Since (a scheduled command line computing it each time) changes nothing once the file exists.
                using (var run = kit.Begin(since: CheckpointTestKit.T0.AddDays(-30), lag: TimeSpan.FromMinutes(2), overlap: TimeSpan.FromMinutes(10)))
                {
                    Assert.False(run.IsFirstRun);
                    Assert.Equal(CheckpointTestKit.T0.AddMinutes(-2 - 10), run.Start);
                    Assert.Equal(CheckpointTestKit.T0.AddMinutes(13), run.End);
                }
            }
        }

        [Fact]
        public void AStartBeforeSinceIsClampedToSince()
        {
            using (var kit = new CheckpointTestKit())
            {
                var since = CheckpointTestKit.T0.AddMinutes(-5);
                using (var run = kit.Begin(since: since, lag: TimeSpan.Zero))
                {
                    run.Finish(true);
                }

                kit.Complete();
                kit.Now = CheckpointTestKit.T0.AddMinutes(1);
                using (var run = kit.Begin(lag: TimeSpan.Zero, overlap: TimeSpan.FromHours(1)))
                {
                    Assert.Equal(since, run.Start);
                }
            }
        }

        [Fact]
        public void BadParametersAreRefusedBeforeAnythingIsWritten()
        {
            using (var kit = new CheckpointTestKit())
            {
                var lag = Assert.Throws<CheckpointException>(() => CheckpointRun.Begin(kit.Request(since: CheckpointTestKit.T0.AddHours(-1), lag: TimeSpan.FromSeconds(-1))));
                Assert.Equal("WxOrders.InvalidArgument", lag.ErrorId);
                Assert.Contains("-Lag", lag.Message);
                var overlap = Assert.Throws<CheckpointException>(() => CheckpointRun.Begin(kit.Request(since: CheckpointTestKit.T0.AddHours(-1), overlap: TimeSpan.FromSeconds(-1))));
                Assert.Contains("-Overlap", overlap.Message);
                var future = Assert.Throws<CheckpointException>(() => CheckpointRun.Begin(kit.Request(since: CheckpointTestKit.T0.AddSeconds(1))));
                Assert.Equal("WxOrders.InvalidArgument", future.ErrorId);
                Assert.Contains("in the future", future.Message);
                var tooLate = Assert.Throws<CheckpointException>(() => CheckpointRun.Begin(kit.Request(since: CheckpointTestKit.T0.AddMinutes(-1), lag: TimeSpan.FromMinutes(2))));
                Assert.Equal("WxOrders.CheckpointInvalidWindow", tooLate.ErrorId);
                Assert.Contains("earlier -Since or a smaller -Lag", tooLate.Message);
                Assert.False(File.Exists(kit.FilePath));
            }
        }

        [Fact]
        public void AClockThatWentBackLessThanTheOverlapWarnsAndStillOverlaps()
        {
            using (var kit = new CheckpointTestKit())
            {
                using (var run = kit.Begin(lag: TimeSpan.Zero))
                {
                    run.Finish(true);
                }

                kit.Complete();
                kit.Now = CheckpointTestKit.T0.AddMinutes(-10); // the clock was corrected back by ten minutes
                using (var run = kit.Begin(lag: TimeSpan.Zero, overlap: TimeSpan.FromMinutes(15)))
                {
                    Assert.Equal(CheckpointTestKit.T0.AddMinutes(-15), run.Start);
                    Assert.Equal(CheckpointTestKit.T0.AddMinutes(-10), run.End);
                    Assert.Contains("clock went back", run.Notice);
                }
            }
        }

        [Fact]
        public void AClockBehindByMoreThanTheOverlapIsRefusedAndTheFileIsUnchanged()
        {
            using (var kit = new CheckpointTestKit())
            {
                using (var run = kit.Begin(lag: TimeSpan.Zero))
                {
                    run.Finish(true);
                }

                kit.Complete();
                var before = kit.Bytes();
                kit.Now = CheckpointTestKit.T0.AddMinutes(-20);
                var ex = Assert.Throws<CheckpointException>(() => kit.Begin(lag: TimeSpan.Zero, overlap: TimeSpan.FromMinutes(15)));
                Assert.Equal("WxOrders.CheckpointInvalidWindow", ex.ErrorId);
                Assert.Contains("clock is behind", ex.Message);
                Assert.Equal(before, kit.Bytes());
            }
        }

        [Fact]
        public void ALocalClockAheadLosesNothingWhileLeadPlusVisibilityDelayIsWithinLagPlusOverlap()
        {
            // The platform stamps an order at platform time t; it becomes visible at t + delay. The local clock runs
            // `lead` ahead of the platform. Runs every 15 minutes; every order must be written by some run.
            foreach (var (lead, delay, lag, overlap, expectLoss) in new[]
            {
                (TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), false),
                (TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), false),
                (TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), true),
            })
            {
                using (var kit = new CheckpointTestKit())
                {
                    var orders = new System.Collections.Generic.List<DateTimeOffset>();
                    for (var m = 1; m < 24 * 60; m += 7)
                    {
                        orders.Add(CheckpointTestKit.T0.AddMinutes(m));
                    }

                    var delivered = new System.Collections.Generic.HashSet<DateTimeOffset>();
                    var since = CheckpointTestKit.T0;
                    for (var r = 1; r <= 24 * 4 + 4; r++)
                    {
                        var platformNow = CheckpointTestKit.T0.AddMinutes(15 * r);
                        kit.Now = platformNow + lead;
                        using (var run = CheckpointRun.Begin(kit.Request(since: since, lag: lag, overlap: overlap)))
                        {
                            foreach (var t in orders)
                            {
                                var visible = t + delay <= platformNow;
                                if (visible && t >= run.Start && t <= run.End && run.ShouldWrite(t.UtcTicks.ToString(), t, t))
                                {
                                    delivered.Add(t);
                                }
                            }

                            run.Finish(true);
                        }

                        kit.Complete();
                    }

                    var lost = orders.Count - delivered.Count;
                    if (expectLoss)
                    {
                        Assert.True(lost > 0, "a lead beyond lag + overlap - delay must be able to lose orders (the test could not fail otherwise)");
                    }
                    else
                    {
                        Assert.Equal(0, lost);
                    }
                }
            }
        }

        [Fact]
        public void DaylightSavingChangesCannotMoveAWindow()
        {
            // New York falls back on 2026-11-01 at 06:00Z (02:00 EDT becomes 01:00 EST): the local hour repeats.
            var ny = FindZone("America/New_York", "Eastern Standard Time");
            using (var kit = new CheckpointTestKit())
            {
                var since = new DateTimeOffset(2026, 11, 1, 5, 0, 0, TimeSpan.Zero);
                var sinceLocal = TimeZoneInfo.ConvertTime(since, ny); // 01:00 -04:00
                kit.Now = new DateTimeOffset(2026, 11, 1, 5, 45, 0, TimeSpan.Zero);
                using (var run = kit.Begin(since: sinceLocal, lag: TimeSpan.Zero))
                {
                    Assert.Equal(since, run.Start);
                    run.Finish(true);
                }

                kit.Complete();
                // 01:45 EST, the same wall-clock time as the first run's end (01:45 EDT), one hour later.
                kit.Now = TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 11, 1, 6, 45, 0, TimeSpan.Zero), ny);
                Assert.Equal(TimeSpan.FromHours(-5), kit.Now.Offset);
                using (var run = kit.Begin(lag: TimeSpan.Zero, overlap: TimeSpan.Zero))
                {
                    Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 45, 0, TimeSpan.Zero), run.Start);
                    Assert.Equal(TimeSpan.FromHours(1), run.End - run.Start);
                }

                var text = File.ReadAllText(kit.FilePath);
                Assert.Contains("\"since\":\"2026-11-01T05:00:00Z\"", text);
                Assert.Contains("\"end\":\"2026-11-01T05:45:00Z\"", text);
            }
        }

        private static TimeZoneInfo FindZone(string iana, string windows)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(iana);
            }
            catch (TimeZoneNotFoundException)
            {
                return TimeZoneInfo.FindSystemTimeZoneById(windows);
            }
        }
    }
}
