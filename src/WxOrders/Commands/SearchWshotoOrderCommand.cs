using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// Get-WshotoOrder: the list's example shows decimal amounts where the detail sends fen. Checkpointed
    /// (-Checkpoint): windowed on the update time (-TimeField Updated), each (order_sn, update_time) of the detail
    /// once; -Status is the filter the checkpoint is bound to.
    /// </summary>
    [Cmdlet(VerbsCommon.Search, "WshotoOrder", SupportsPaging = true)]
    [OutputType(typeof(WshotoOrder))]
    public sealed class SearchWshotoOrderCommand : DetailedSearchCmdlet<WshotoListRecord, WshotoOrder>
    {
        private WshotoOrderQuery query;

        /// <summary>Start of the window (on -TimeField). A time without a kind (Get-Date) is local time.</summary>
        [Parameter(Position = 0)]
        public DateTime StartTime { get; set; }

        /// <summary>End of the window.</summary>
        [Parameter(Position = 1)]
        public DateTime EndTime { get; set; }

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

        internal override CheckpointSource? CheckpointSource => WxOrders.CheckpointSource.Wshoto;

        /// <summary>The statuses as their wire numbers (sorted in BeginProcessing), so "-Status Completed, 2" and "-Status 2, 4" bind the same file.</summary>
        internal override string CheckpointFilter => Checkpoints.CheckpointFilter.Describe(new[]
        {
            new KeyValuePair<string, string>(
                "status",
                query.Status == null ? null : string.Join(",", query.Status.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)))),
        });

        internal override string[] WindowParameters => new[] { nameof(StartTime), nameof(EndTime), nameof(TimeField) };

        protected override void BeginProcessing()
        {
            // Before the connection and before any request: a refused filter costs nothing.
            query = new WshotoOrderQuery
            {
                TimeField = TimeField,
                StartTime = BoundInstant(nameof(StartTime), StartTime),
                EndTime = BoundInstant(nameof(EndTime), EndTime),
                // Sorted by number, so the same statuses always make the same request (and the same checkpoint filter).
                Status = Status?.Distinct().OrderBy(s => (int)s).ToArray(),
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

        internal override void ApplyCheckpointWindow(DateTimeOffset start, DateTimeOffset end)
        {
            query.TimeField = WshotoTimeField.Updated;
            query.StartTime = start;
            query.EndTime = end;
        }

        /// <summary>The detail's order number and update time (the list's may be older than the order read).</summary>
        internal override CheckpointKey CheckpointKeyOf(WshotoOrder item) => new CheckpointKey(item.OrderSn, item.UpdateTime, item.UpdateTime);
    }
}
