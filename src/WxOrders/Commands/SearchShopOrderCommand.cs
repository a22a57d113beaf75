using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Paging;
using WxOrders.Platforms.Shop;

namespace WxOrders.Commands
{
    /// <summary>
    /// Search-ShopOrder: Mini Program transaction-component orders by creation time (POST /shop/order/get_list),
    /// every page, in ascending creation order, written as each page arrives. Checkpointed (-Checkpoint): windowed
    /// on the creation time (the only time the list filters on), each (order id, UpdateTime) once; -Overlap is how
    /// long after its creation an order's changes are still seen (CheckpointDefaults.ShopOverlap).
    /// </summary>
    [Cmdlet(VerbsCommon.Search, "ShopOrder", SupportsPaging = true)]
    [OutputType(typeof(ShopOrder))]
    public sealed class SearchShopOrderCommand : PagedSearchCmdlet<ShopOrder>
    {
        private ShopOrderQuery query;

        /// <summary>Earliest creation time. A time without a kind (Get-Date) is local time.</summary>
        [Parameter(Position = 0)]
        public DateTime StartTime { get; set; }

        /// <summary>Latest creation time.</summary>
        [Parameter(Position = 1)]
        public DateTime EndTime { get; set; }

        /// <summary>Orders per request (1 to 100, default 100, the API's maximum). Not a total: use -First for that.</summary>
        [Parameter]
        [ValidateRange(1, ShopListApi.MaxPageSize)]
        public int PageSize { get; set; } = ShopListApi.MaxPageSize;

        internal override WxPlatform Platform => ShopApi.Platform;

        internal override int RequestPageSize => PageSize;

        internal override string FixedSetAdvice => "give an -EndTime in the past";

        internal override CheckpointSource? CheckpointSource => WxOrders.CheckpointSource.Shop;

        internal override string[] WindowParameters => new[] { nameof(StartTime), nameof(EndTime) };

        protected override void BeginProcessing()
        {
            // Before the connection and before any request: a refused window costs nothing.
            query = new ShopOrderQuery
            {
                StartTime = BoundInstant(nameof(StartTime), StartTime),
                EndTime = BoundInstant(nameof(EndTime), EndTime),
            };
            var problem = query.Validate();
            if (problem != null)
            {
                ThrowArgumentError(problem, "WxOrders.InvalidTimeRange", query);
            }

            base.BeginProcessing();
        }

        internal override Task<ApiPage<ShopOrder>> FetchPageAsync(ApiClient client, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            ShopListApi.ListAsync(client, query, page, pageSize, log, cancellationToken);

        internal override string IdOf(ShopOrder item) => item.OrderId.ToString(CultureInfo.InvariantCulture);

        internal override void ApplyCheckpointWindow(DateTimeOffset start, DateTimeOffset end)
        {
            query.StartTime = start;
            query.EndTime = end;
        }

        /// <summary>The version is the update time; the window time the creation time, which the window is on.</summary>
        internal override CheckpointKey CheckpointKeyOf(ShopOrder item) => new CheckpointKey(IdOf(item), item.UpdateTime, item.CreateTime);
    }
}
