using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Paging;
using WxOrders.Platforms.Union;

namespace WxOrders.Commands
{
    /// <summary>
    /// Search-UnionOrder: WeChat Union promoter orders by payment time and commission status
    /// (GET /union/promoter/order/search), every page, written as each page arrives. Checkpointed
    /// (-Checkpoint): windowed on the commission-status update time (sortByCommissionUpdateTime, the API's change
    /// feed), each (order id, UpdateTime) once; -CommissionStatus is the filter the checkpoint is bound to.
    /// </summary>
    [Cmdlet(VerbsCommon.Search, "UnionOrder", SupportsPaging = true)]
    [OutputType(typeof(UnionOrder))]
    public sealed class SearchUnionOrderCommand : PagedSearchCmdlet<UnionOrder>
    {
        private UnionOrderQuery query;

        /// <summary>Earliest payment time. A time without a kind (Get-Date) is local time.</summary>
        [Parameter(Position = 0)]
        public DateTime StartTime { get; set; }

        /// <summary>Latest payment time.</summary>
        [Parameter(Position = 1)]
        public DateTime EndTime { get; set; }

        /// <summary>Only orders whose commission has this status.</summary>
        [Parameter]
        [ValidateSet("Pending", "Settled", "Canceled")]
        public UnionCommissionStatus CommissionStatus { get; set; }

        /// <summary>Earliest commission-status update; sorts and filters by that time.</summary>
        [Parameter]
        public DateTime CommissionUpdateStartTime { get; set; }

        /// <summary>Latest commission-status update; sorts and filters by that time.</summary>
        [Parameter]
        public DateTime CommissionUpdateEndTime { get; set; }

        /// <summary>Orders per request (1 to 200, default 200, the API's maximum). Not a total: use -First for that.</summary>
        [Parameter]
        [ValidateRange(1, UnionApi.MaxBatch)]
        public int PageSize { get; set; } = UnionApi.MaxBatch;

        internal override WxPlatform Platform => UnionApi.Platform;

        internal override int RequestPageSize => PageSize;

        internal override CheckpointSource? CheckpointSource => WxOrders.CheckpointSource.Union;

        internal override string CheckpointFilter => Checkpoints.CheckpointFilter.Describe(new[]
        {
            new KeyValuePair<string, string>("commissionStatus", query.CommissionStatus?.ToString()),
        });

        internal override string[] WindowParameters => new[] { nameof(StartTime), nameof(EndTime), nameof(CommissionUpdateStartTime), nameof(CommissionUpdateEndTime) };

        internal override string FixedSetAdvice =>
            "give an -EndTime in the past (and, when filtering by commission-update time, a -CommissionUpdateEndTime in the past)";

        protected override void BeginProcessing()
        {
            // Before the connection and before any request: a refused filter costs nothing.
            query = new UnionOrderQuery
            {
                StartTime = Bound(nameof(StartTime), StartTime),
                EndTime = Bound(nameof(EndTime), EndTime),
                CommissionStatus = MyInvocation.BoundParameters.ContainsKey(nameof(CommissionStatus)) ? CommissionStatus : (UnionCommissionStatus?)null,
                CommissionUpdateStartTime = Bound(nameof(CommissionUpdateStartTime), CommissionUpdateStartTime),
                CommissionUpdateEndTime = Bound(nameof(CommissionUpdateEndTime), CommissionUpdateEndTime),
            };
            var problem = query.Validate();
            if (problem != null)
            {
                ThrowArgumentError(problem, "WxOrders.InvalidTimeRange", query);
            }

            base.BeginProcessing();
        }

        internal override Task<ApiPage<UnionOrder>> FetchPageAsync(ApiClient client, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            UnionApi.SearchAsync(client, query, page, pageSize, log, cancellationToken);

        internal override string IdOf(UnionOrder item) => item.OrderId;

        internal override void ApplyCheckpointWindow(DateTimeOffset start, DateTimeOffset end)
        {
            // Setting either bound makes the search sort and filter by commission-update time (sortByCommissionUpdateTime=1).
            query.CommissionUpdateStartTime = start;
            query.CommissionUpdateEndTime = end;
        }

        internal override CheckpointKey CheckpointKeyOf(UnionOrder item) => new CheckpointKey(item.OrderId, item.UpdateTime, item.UpdateTime);

        private DateTimeOffset? Bound(string name, DateTime value) =>
            MyInvocation.BoundParameters.ContainsKey(name) ? UnionApi.ToInstant(value) : (DateTimeOffset?)null;
    }
}
