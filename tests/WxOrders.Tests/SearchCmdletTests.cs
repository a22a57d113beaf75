using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Paging;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>
    /// A two-stage cursor search (the shape of Search-ChannelsOrder) run as a real cmdlet in a hosted PowerShell:
    /// the cursor list, each id read in full in list order, a failed read as a non-terminating error whose
    /// TargetObject is the id, the closing warning, -First, and whether the search was complete.
    /// </summary>
    public class SearchCmdletTests
    {
        private const string ConnectionName = "walker-cmdlet-test";

        [Cmdlet(VerbsCommon.Search, "WalkerTestOrder", SupportsPaging = true)]
        public sealed class SearchWalkerTestOrderCommand : DetailedSearchCmdlet<string, string>
        {
            public static readonly List<string> ListCursors = new List<string>();
            public static readonly List<string> Reads = new List<string>();
            public static bool? LastComplete;

            [Parameter]
            public int Total { get; set; } = 25;

            [Parameter]
            public string[] Failing { get; set; } = new string[0];

            internal override WxPlatform Platform => WxPlatform.WeChat;

            internal override int RequestPageSize => 10;

            internal override PageStyle PageStyle => PageStyle.Cursor;

            internal override Task<ApiPage<string>> FetchCursorPageAsync(ApiConnection connection, int slice, string cursor, int pageSize, IOperationLog log, CancellationToken cancellationToken)
            {
                lock (ListCursors)
                {
                    ListCursors.Add(cursor ?? "(first)");
                }

                var start = cursor == null ? 0 : int.Parse(cursor);
                var ids = Enumerable.Range(start, Math.Max(0, Math.Min(pageSize, Total - start))).Select(i => (3729145503581234176L + i).ToString()).ToList();
                return Task.FromResult(new ApiPage<string>(ids, (start + pageSize).ToString(), start + pageSize < Total));
            }

            internal override async Task<string> FetchDetailAsync(ApiConnection connection, string item, IOperationLog log, CancellationToken cancellationToken)
            {
                lock (Reads)
                {
                    Reads.Add(item);
                }

                await Task.Delay((int)(long.Parse(item) % 7), cancellationToken).ConfigureAwait(false);
                if (Failing.Contains(item))
                {
                    throw ErrorCatalog.FromApi(WxPlatform.WeChat, "/channels/ec/order/get", 100002, "not exist");
                }

                return "order " + item;
            }

            internal override string IdOf(string item) => item;

            internal override void SearchEnded(bool complete) => LastComplete = complete;
        }

        private static (List<object> output, List<ErrorRecord> errors, List<string> warnings) Run(string script)
        {
            var state = InitialSessionState.CreateDefault2();
            state.Commands.Add(new SessionStateCmdletEntry("Search-WalkerTestOrder", typeof(SearchWalkerTestOrderCommand), null));
            var settings = new ConnectionSettings { Name = ConnectionName, Platform = WxPlatform.WeChat, AppId = "wxtest", AppSecret = SecureText.Protect("s3cr3t"), BaseUri = new Uri("https://api.test/") };
            ConnectionRegistry.Add(new ApiConnection(settings, new ApiClient(settings)));
            try
            {
                using var runspace = RunspaceFactory.CreateRunspace(state);
                runspace.Open();
                using var ps = PowerShell.Create();
                ps.Runspace = runspace;
                ps.AddScript(script);
                var output = ps.Invoke().Select(o => o.BaseObject).ToList();
                return (output, ps.Streams.Error.ToList(), ps.Streams.Warning.Select(w => w.Message).ToList());
            }
            finally
            {
                ConnectionRegistry.Remove(ConnectionName);
            }
        }

        [Fact]
        public void ACursorListReadInFullWritesInListOrderAndNamesEachFailedId()
        {
            lock (typeof(SearchWalkerTestOrderCommand))
            {
                SearchWalkerTestOrderCommand.ListCursors.Clear();
                SearchWalkerTestOrderCommand.Reads.Clear();
                var failing = new[] { "3729145503581234179", "3729145503581234196" };
                var (output, errors, warnings) = Run("Search-WalkerTestOrder -Connection " + ConnectionName + " -Total 25 -ThrottleLimit 3 -Failing " + string.Join(",", failing));
                Assert.Equal(Enumerable.Range(0, 25).Select(i => (3729145503581234176L + i).ToString()).Except(failing).Select(id => "order " + id), output.Cast<string>());
                Assert.Equal(failing, errors.Select(e => e.TargetObject));
                Assert.All(errors, e => Assert.Equal("WxApi.100002", e.FullyQualifiedErrorId.Split(',')[0]));
                Assert.Equal(new[] { "(first)", "10", "20" }, SearchWalkerTestOrderCommand.ListCursors);
                Assert.Equal("2 of 25 orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.", Assert.Single(warnings));
                Assert.False(SearchWalkerTestOrderCommand.LastComplete);

                // -First 5: one list page, five reads; complete.
                SearchWalkerTestOrderCommand.ListCursors.Clear();
                SearchWalkerTestOrderCommand.Reads.Clear();
                var first = Run("Search-WalkerTestOrder -Connection " + ConnectionName + " -Total 100 -First 5");
                Assert.Equal(5, first.output.Count);
                Assert.Empty(first.errors);
                Assert.Empty(first.warnings);
                Assert.Equal(new[] { "(first)" }, SearchWalkerTestOrderCommand.ListCursors);
                Assert.Equal(5, SearchWalkerTestOrderCommand.Reads.Count);
                Assert.True(SearchWalkerTestOrderCommand.LastComplete);

                // -Skip counts list entries; a cursor list has no total (-IncludeTotalCount writes 0, "unknown").
                var skip = Run("Search-WalkerTestOrder -Connection " + ConnectionName + " -Total 30 -Skip 12 -First 3 -IncludeTotalCount | ForEach-Object { \"$_\" }");
                Assert.Equal(new[] { 12, 13, 14 }.Select(i => "order " + (3729145503581234176L + i)), skip.output.Cast<string>().Where(o => o.StartsWith("order", StringComparison.Ordinal)));
                Assert.Equal("0", skip.output.Last()); // the total written at the end with accuracy 0: a cursor list reports none
            }
        }
    }
}
