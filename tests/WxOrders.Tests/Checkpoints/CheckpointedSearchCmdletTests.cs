using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Commands;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Paging;
using Xunit;

namespace WxOrders.Tests.Checkpoints
{
    /// <summary>
    /// The checkpointed mode of SearchCmdlet (-Checkpoint, -Since, -Lag, -Overlap) run as a real cmdlet in a hosted
    /// PowerShell over a fake numbered list: bad input refused before any request, each (id, version) written once
    /// across completed runs, the window handed to the search, an incomplete walk recorded as such before its
    /// warnings, a stopped pipeline recorded as incomplete, and the window-start guard.
    /// </summary>
    public class CheckpointedSearchCmdletTests
    {
        private const string ConnectionName = "checkpoint-cmdlet-test";

        private static readonly object Serial = new object();

        public sealed class TestOrder
        {
            public string Id { get; set; }

            public DateTimeOffset? Updated { get; set; }

            public override string ToString() => Id;
        }

        [Cmdlet(VerbsCommon.Search, "CheckpointTestOrder", SupportsPaging = true)]
        public sealed class SearchCheckpointTestOrderCommand : PagedSearchCmdlet<TestOrder>
        {
            public static readonly List<TestOrder> Orders = new List<TestOrder>();
            public static readonly List<(DateTimeOffset Start, DateTimeOffset End)> Windows = new List<(DateTimeOffset, DateTimeOffset)>();
            public static int Fetches;
            public static int FailPage;
            public static bool IgnoreWindow;

            private DateTimeOffset? start;
            private DateTimeOffset? end;

            [Parameter]
            public DateTime StartTime { get; set; }

            [Parameter]
            public string Status { get; set; }

            internal override WxPlatform Platform => WxPlatform.WeChat;

            internal override int RequestPageSize => 10;

            internal override CheckpointSource? CheckpointSource => WxOrders.CheckpointSource.Union;

            internal override string CheckpointFilter => WxOrders.Checkpoints.CheckpointFilter.Describe(new[] { new KeyValuePair<string, string>("status", Status) });

            internal override string[] WindowParameters => new[] { nameof(StartTime) };

            internal override void ApplyCheckpointWindow(DateTimeOffset start, DateTimeOffset end)
            {
                Windows.Add((start, end));
                this.start = start;
                this.end = end;
            }

            internal override CheckpointKey CheckpointKeyOf(TestOrder item) => new CheckpointKey(item.Id, item.Updated, item.Updated);

            internal override Task<ApiPage<TestOrder>> FetchPageAsync(ApiClient client, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref Fetches);
                if (page == FailPage)
                {
                    throw ErrorCatalog.FromApi(WxPlatform.WeChat, "/test/list", 100002, "not exist");
                }

                var all = Orders
                    .Where(o => IgnoreWindow || !o.Updated.HasValue || ((!start.HasValue || o.Updated >= start) && (!end.HasValue || o.Updated <= end)))
                    .ToList();
                var items = all.Skip((page - 1) * pageSize).Take(pageSize).ToList();
                return Task.FromResult(new ApiPage<TestOrder>(page, items, all.Count));
            }

            internal override string IdOf(TestOrder item) => item.Id;
        }

        [Cmdlet(VerbsCommon.Search, "PlainTestOrder", SupportsPaging = true)]
        public sealed class SearchPlainTestOrderCommand : PagedSearchCmdlet<TestOrder>
        {
            public static int Fetches;

            internal override WxPlatform Platform => WxPlatform.WeChat;

            internal override int RequestPageSize => 10;

            internal override Task<ApiPage<TestOrder>> FetchPageAsync(ApiClient client, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref Fetches);
                return Task.FromResult(new ApiPage<TestOrder>(page, new List<TestOrder>(), 0));
            }

            internal override string IdOf(TestOrder item) => item.Id;
        }

        private sealed class Outcome
        {
            public List<object> Output { get; set; }

            public List<ErrorRecord> Errors { get; set; }

            public List<string> Warnings { get; set; }

            public IEnumerable<string> Ids => Output.OfType<TestOrder>().Select(o => o.Id);
        }

        private static Outcome Run(string script)
        {
            var state = InitialSessionState.CreateDefault2();
            state.Commands.Add(new SessionStateCmdletEntry("Search-CheckpointTestOrder", typeof(SearchCheckpointTestOrderCommand), null));
            state.Commands.Add(new SessionStateCmdletEntry("Search-PlainTestOrder", typeof(SearchPlainTestOrderCommand), null));
            state.Commands.Add(new SessionStateCmdletEntry("Get-WxOrderCheckpoint", typeof(GetWxOrderCheckpointCommand), null));
            state.Commands.Add(new SessionStateCmdletEntry("Complete-WxOrderCheckpoint", typeof(CompleteWxOrderCheckpointCommand), null));
            var settings = new ConnectionSettings { Name = ConnectionName, Platform = WxPlatform.WeChat, AppId = "wxtest", AppSecret = SecureText.Protect("s3cr3t"), BaseUri = new Uri("https://api.test/") };
            ConnectionRegistry.Add(new ApiConnection(settings, new ApiClient(settings)));
            try
            {
                using var runspace = RunspaceFactory.CreateRunspace(state);
                runspace.Open();
                using var ps = PowerShell.Create();
                ps.Runspace = runspace;
                ps.AddScript(script);
                var output = ps.Invoke().Select(o => o?.BaseObject).ToList();
                return new Outcome { Output = output, Errors = ps.Streams.Error.ToList(), Warnings = ps.Streams.Warning.Select(w => w.Message).ToList() };
            }
            finally
            {
                ConnectionRegistry.Remove(ConnectionName);
            }
        }

        private static void Reset(int count, DateTimeOffset newest)
        {
            SearchCheckpointTestOrderCommand.Orders.Clear();
            SearchCheckpointTestOrderCommand.Windows.Clear();
            SearchCheckpointTestOrderCommand.Fetches = 0;
            SearchCheckpointTestOrderCommand.FailPage = 0;
            SearchCheckpointTestOrderCommand.IgnoreWindow = false;
            SearchPlainTestOrderCommand.Fetches = 0;
            for (var i = 0; i < count; i++)
            {
                // Beyond 2^53, one minute apart, newest first.
                SearchCheckpointTestOrderCommand.Orders.Add(new TestOrder { Id = (9007199254740993L + i).ToString(), Updated = newest.AddMinutes(-i) });
            }
        }

        private static string Search(string path, string more = "") => "Search-CheckpointTestOrder -Connection " + ConnectionName + " -Checkpoint '" + path + "' " + more;

        private static string Quoted(DateTimeOffset t) => "([datetimeoffset]'" + t.ToString("o") + "').UtcDateTime";

        [Fact]
        public void BadInputIsRefusedBeforeAnyRequestAndWithoutTouchingTheFile()
        {
            lock (Serial)
            {
                using var kit = new CheckpointTestKit();
                Reset(5, DateTimeOffset.UtcNow.AddMinutes(-10));
                var path = kit.FilePath;
                var since = " -Since ([datetime]::Now.AddHours(-1))";
                var cases = new (string Script, string ErrorId, string Message)[]
                {
                    (Search(path, "-First 3" + since), "WxOrders.CheckpointConflict", "cannot be combined with -First"),
                    (Search(path, "-Skip 1" + since), "WxOrders.CheckpointConflict", "cannot be combined with -Skip"),
                    (Search(path, "-IncludeTotalCount" + since), "WxOrders.CheckpointConflict", "cannot be combined with -IncludeTotalCount"),
                    (Search(path, "-StartTime 2025-01-01 -First 2" + since), "WxOrders.CheckpointConflict", "cannot be combined with -StartTime, -First"),
                    ("Search-CheckpointTestOrder -Connection " + ConnectionName + " -Since 2025-01-01 -Overlap 00:01:00", "WxOrders.CheckpointConflict", "-Since, -Overlap belong to a checkpointed search"),
                    ("Search-CheckpointTestOrder -Connection " + ConnectionName + " -Lag 00:01:00", "WxOrders.CheckpointConflict", "-Lag belongs to a checkpointed search"),
                    (Search(path, "-Since ([datetime]::Now.AddDays(1))"), "WxOrders.InvalidArgument", "is in the future"),
                    (Search(path, "-Lag -00:01:00" + since), "WxOrders.InvalidArgument", "-Lag is negative"),
                    (Search(path, "-Overlap -00:01:00" + since), "WxOrders.InvalidArgument", "-Overlap is negative"),
                    (Search(path), "WxOrders.CheckpointSinceRequired", "add -Since"),
                    (Search(path, "-Since ([datetime]::Now.AddMinutes(-1))"), "WxOrders.CheckpointInvalidWindow", "earlier -Since or a smaller -Lag"),
                    ("Search-PlainTestOrder -Connection " + ConnectionName + " -Checkpoint '" + path + "'" + since, "WxOrders.CheckpointNotSupported", "has no checkpointed mode"),
                };

                foreach (var (script, errorId, message) in cases)
                {
                    var outcome = Run("try { " + script + " } catch { $_ }");
                    var error = Assert.Single(outcome.Output.OfType<ErrorRecord>());
                    Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
                    Assert.Contains(message, error.Exception.Message);
                    Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
                    Assert.Equal(0, SearchCheckpointTestOrderCommand.Fetches);
                    Assert.Equal(0, SearchPlainTestOrderCommand.Fetches);
                    Assert.False(File.Exists(path), script + " made the checkpoint");
                }

                // A file in use by someone else: refused at once, no request, the file unchanged.
                Run("$null = " + Search(path, since) + "; Complete-WxOrderCheckpoint '" + path + "'");
                var before = kit.Bytes();
                SearchCheckpointTestOrderCommand.Fetches = 0;
                using (CheckpointLock.Acquire(path, new object(), operation: false))
                {
                    var busy = Run("try { " + Search(path, since) + " } catch { $_ }");
                    Assert.Equal("WxOrders.CheckpointInUse", Assert.Single(busy.Output.OfType<ErrorRecord>()).FullyQualifiedErrorId.Split(',')[0]);
                }

                Assert.Equal(0, SearchCheckpointTestOrderCommand.Fetches);
                Assert.Equal(before, kit.Bytes());

                // Another filter: refused with zero requests.
                var other = Run("try { " + Search(path, "-Status Paid" + since) + " } catch { $_ }");
                Assert.Equal("WxOrders.CheckpointMismatch", Assert.Single(other.Output.OfType<ErrorRecord>()).FullyQualifiedErrorId.Split(',')[0]);
                Assert.Equal(0, SearchCheckpointTestOrderCommand.Fetches);
                Assert.Equal(before, kit.Bytes());
            }
        }

        [Fact]
        public void EachVersionIsWrittenOnceAcrossCompletedRunsAndRepeatedUntilCompleted()
        {
            lock (Serial)
            {
                using var kit = new CheckpointTestKit();
                var newest = DateTimeOffset.UtcNow.AddMinutes(-5);
                Reset(25, newest);
                var since = newest.AddHours(-1);
                var search = Search(kit.FilePath, "-Since " + Quoted(since));

                var first = Run(search);
                Assert.Empty(first.Errors);
                Assert.Empty(first.Warnings);
                Assert.Equal(SearchCheckpointTestOrderCommand.Orders.Select(o => o.Id), first.Ids);
                var (start1, end1) = Assert.Single(SearchCheckpointTestOrderCommand.Windows);
                Assert.Equal(since, start1);
                Assert.InRange(DateTimeOffset.UtcNow - end1, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3));
                var pending = kit.Read();
                Assert.Equal(CheckpointPendingState.Complete, pending.PendingState);
                Assert.Equal(25, pending.PendingWritten);
                Assert.Equal(string.Empty, pending.Filter);

                // Not completed: the next search works from the committed state (none) and writes them again.
                Assert.Equal(25, Run(search).Ids.Count());

                Run("Complete-WxOrderCheckpoint '" + kit.FilePath + "'");
                var committed = kit.Read();
                var again = Run(search);
                Assert.Empty(again.Ids);
                Assert.Empty(again.Warnings);
                var (start2, _) = SearchCheckpointTestOrderCommand.Windows.Last();
                Assert.Equal(committed.CommittedEnd.Value - TimeSpan.FromMinutes(15), start2);

                // A new version of one order and a new order: only those two.
                SearchCheckpointTestOrderCommand.Orders[3].Updated = DateTimeOffset.UtcNow.AddMinutes(-3);
                SearchCheckpointTestOrderCommand.Orders.Add(new TestOrder { Id = "9007199254741111", Updated = DateTimeOffset.UtcNow.AddMinutes(-4) });
                Run("Complete-WxOrderCheckpoint '" + kit.FilePath + "'");
                var changed = Run(search);
                Assert.Equal(new[] { SearchCheckpointTestOrderCommand.Orders[3].Id, "9007199254741111" }.OrderBy(x => x), changed.Ids.OrderBy(x => x));
            }
        }

        [Fact]
        public void AnIncompleteWalkIsRecordedWithItsReasonBeforeTheWarningsAreWritten()
        {
            lock (Serial)
            {
                using var kit = new CheckpointTestKit();
                Reset(25, DateTimeOffset.UtcNow.AddMinutes(-5));
                SearchCheckpointTestOrderCommand.FailPage = 2;
                var search = Search(kit.FilePath, "-Since ([datetime]::Now.AddHours(-1))");

                var outcome = Run(search);
                Assert.Equal(15, outcome.Ids.Count());
                Assert.Equal("page 2", Assert.Single(outcome.Errors).TargetObject);
                Assert.Contains("could not be retrieved", Assert.Single(outcome.Warnings));
                var state = kit.Read();
                Assert.Equal(CheckpointPendingState.Incomplete, state.PendingState);
                Assert.Contains("1 of 3 pages could not be retrieved", state.PendingReason);

                var complete = Run("try { Complete-WxOrderCheckpoint '" + kit.FilePath + "' -ErrorAction Stop } catch { $_ }");
                var error = Assert.Single(complete.Output.OfType<ErrorRecord>());
                Assert.Equal("WxOrders.NothingToComplete", error.FullyQualifiedErrorId.Split(',')[0]);
                Assert.Contains("1 of 3 pages could not be retrieved", error.Exception.Message);

                // A warning that stops the pipeline comes after the record: the walk's reason, not "stopped".
                var stopped = Run("try { $null = " + search + " -WarningAction Stop } catch { 'stopped' }");
                Assert.Equal("stopped", Assert.Single(stopped.Output.OfType<string>()));
                state = kit.Read();
                Assert.Equal(CheckpointPendingState.Incomplete, state.PendingState);
                Assert.Contains("1 of 3 pages could not be retrieved", state.PendingReason);
            }
        }

        [Fact]
        public void APipelineStoppedDownstreamIsRecordedAsIncompleteAndReleasesTheCheckpoint()
        {
            lock (Serial)
            {
                using var kit = new CheckpointTestKit();
                Reset(25, DateTimeOffset.UtcNow.AddMinutes(-5));
                var search = Search(kit.FilePath, "-Since ([datetime]::Now.AddHours(-1))");

                // A terminating error downstream after the third order (Select-Object -First stops the pipeline the same way).
                var outcome = Run("$n = 0; try { " + search + " | ForEach-Object { $_; if (++$n -ge 3) { throw 'enough' } } } catch { }");
                Assert.Equal(3, outcome.Ids.Count());
                var state = kit.Read();
                Assert.Equal(CheckpointPendingState.Incomplete, state.PendingState);
                Assert.Contains("stopped before its walk ended", state.PendingReason);

                // Released: the same session searches again and completes.
                var next = Run(search + "; Complete-WxOrderCheckpoint '" + kit.FilePath + "' -PassThru");
                Assert.Equal(25, next.Ids.Count());
                Assert.Equal(CheckpointPendingState.None, Assert.Single(next.Output.OfType<Checkpoint>()).PendingState);
            }
        }

        [Fact]
        public void OrdersBeforeTheWindowStartAreLeftOutAndOrdersWithoutAVersionAreAlwaysWritten()
        {
            lock (Serial)
            {
                using var kit = new CheckpointTestKit();
                Reset(60, DateTimeOffset.UtcNow.AddMinutes(-3));
                SearchCheckpointTestOrderCommand.Orders.Add(new TestOrder { Id = "42", Updated = null });
                var search = Search(kit.FilePath, "-Since ([datetime]::Now.AddHours(-2))");
                Assert.Equal(61, Run(search + "; Complete-WxOrderCheckpoint '" + kit.FilePath + "'").Ids.Count());

                // A list that ignores the window (as a query rounded to whole seconds returns a little before it): the
                // orders before the new start were pruned from the checkpoint, and are still not written again.
                SearchCheckpointTestOrderCommand.IgnoreWindow = true;
                var outcome = Run(search + " -Verbose 4>&1");
                Assert.Equal(new[] { "42" }, outcome.Ids);
                var summary = outcome.Output.OfType<VerboseRecord>().Select(v => v.Message).Single(m => m.StartsWith("Checkpoint run", StringComparison.Ordinal));
                Assert.Contains("before the window", summary);
                Assert.Contains("1 without an id or update time", summary);
                Assert.True(kit.Read().CommittedCount < 20, "the committed entries were pruned to the overlap");
            }
        }
    }
}
