using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Paging;
using WxOrders.Platforms.Wshoto;

namespace WxOrders.Commands
{
    /// <summary>
    /// Search-WshotoOrder: Wshoto mall orders by a time window (/openapi/mall/order/list), each then read with the
    /// detail endpoint (POST /openapi/mall/order/detail), so every order has the shape and the money unit (fen) of
    /// Get-WshotoOrder: the list's example shows decimal amounts where the detail sends fen.
    /// </summary>
    [Cmdlet(VerbsCommon.Search, "WshotoOrder", SupportsPaging = true)]
    [OutputType(typeof(WshotoOrder))]
    public sealed class SearchWshotoOrderCommand : DetailedSearchCmdlet<WshotoListRecord, WshotoOrder>
    {
        private WshotoOrderQuery query;

        /// <summary>Start of the window (on -TimeField). A time without a kind (Get-Date) is local time.</summary>
        [Parameter(Position = 0)]
        public System.DateTime StartTime { get; set; }

        /// <summary>End of the window.</summary>
        [Parameter(Position = 1)]
        public System.DateTime EndTime { get; set; }

        /// <summary>Which time the window applies to: Created (default), Completed or Updated.</summary>
        [Parameter]
        [ValidateSet(nameof(WshotoTimeField.Created), nameof(WshotoTimeField.Completed), nameof(WshotoTimeField.Updated))]
        public WshotoTimeField TimeField { get; set; } = WshotoTimeField.Created;

        /// <summary>
        /// Only orders with one of these statuses (names, or their numbers as the API documents them). PowerShell
        /// completes an enum parameter's names itself (and prefers that to an ArgumentCompleter), so none is declared.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public WshotoOrderStatus[] Status { get; set; }

        /// <summary>Orders per list request (1 to 100, default 100). Not a total: use -First for that.</summary>
        [Parameter]
        [ValidateRange(1, WshotoListApi.MaxPageSize)]
        public int PageSize { get; set; } = WshotoListApi.MaxPageSize;

        internal override WxPlatform Platform => WshotoApi.Platform;

        internal override int RequestPageSize => PageSize;

        internal override string FixedSetAdvice => "give an -EndTime in the past";

        protected override void BeginProcessing()
        {
            // Before the connection and before any request: a refused filter costs nothing.
            query = new WshotoOrderQuery
            {
                TimeField = TimeField,
                StartTime = BoundInstant(nameof(StartTime), StartTime),
                EndTime = BoundInstant(nameof(EndTime), EndTime),
                Status = Status?.Distinct().ToArray(),
            };
            var problem = query.Validate();
            if (problem != null)
            {
                ThrowArgumentError(problem, "WxOrders.InvalidTimeRange", query);
            }

            base.BeginProcessing();
        }

        internal override Task<ApiPage<WshotoListRecord>> FetchPageAsync(ApiClient client, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            WshotoListApi.ListAsync(client, query, page, pageSize, log, cancellationToken);

        internal override Task<WshotoOrder> FetchDetailAsync(ApiClient client, WshotoListRecord item, IOperationLog log, CancellationToken cancellationToken) =>
            WshotoListApi.ReadListedAsync(client, item, log, cancellationToken);

        internal override string IdOf(WshotoListRecord item) => item.OrderCode;
    }
}
