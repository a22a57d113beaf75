using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Paging;
using WxOrders.Platforms.Channels;

namespace WxOrders.Commands
{
    /// <summary>
    /// Search-ChannelsOrder: WeChat Store (微信小店) orders by creation or update time. The window is cut into slices of
    /// at most 7 days (POST /channels/ec/order/list/get takes no more per request), each walked with its next_key
    /// cursor; the ids, each once, are then read with order/get concurrently and written in list order.
    /// Checkpointed (-Checkpoint): windowed on the update time (update_time_range, what changes move), each
    /// (order id, UpdateTime of the order as order/get read it) once; -Status and -OpenId are the filter the
    /// checkpoint is bound to.
    /// </summary>
    [Cmdlet(VerbsCommon.Search, "ChannelsOrder", SupportsPaging = true)]
    [OutputType(typeof(ChannelsOrder))]
    public sealed class SearchChannelsOrderCommand : DetailedSearchCmdlet<string, ChannelsOrder>
    {
        private ChannelsOrderQuery query;
        private IReadOnlyList<TimeSlice> slices;

        /// <summary>Window start (inclusive). A time without a kind (Get-Date) is local time. Default: 7 days before the end.</summary>
        [Parameter(Position = 0)]
        public DateTime StartTime { get; set; }

        /// <summary>Window end (inclusive). Default: now.</summary>
        [Parameter(Position = 1)]
        public DateTime EndTime { get; set; }

        /// <summary>Which time the window applies to: Created (create_time_range, the default) or Updated (update_time_range).</summary>
        [Parameter]
        public ChannelsTimeField TimeField { get; set; } = ChannelsTimeField.Created;

        /// <summary>Only orders with this status (the list's status filter).</summary>
        [Parameter]
        [ValidateSet("Unpaid", "GiftPending", "GroupBuyPending", "Paid", "PartiallyShipped", "AwaitingReceipt", "Completed", "Cancelled")]
        public ChannelsOrderStatus Status { get; set; }

        /// <summary>Only orders of this buyer (openid, as the order notifications send it).</summary>
        [Parameter]
        [ValidateNotBlank]
        public string OpenId { get; set; }

        /// <summary>Ids per list request (1 to 100, default 100, the API's maximum). Not a total: use -First for that.</summary>
        [Parameter]
        [ValidateRange(1, ChannelsClient.MaxPageSize)]
        public int PageSize { get; set; } = ChannelsClient.MaxPageSize;

        internal override WxPlatform Platform => ChannelsClient.Platform;

        internal override int RequestPageSize => PageSize;

        internal override PageStyle PageStyle => PageStyle.Cursor;

        internal override int CursorSlices => Slices.Count;

        internal override string FixedSetAdvice => "give an -EndTime in the past";

        internal override CheckpointSource? CheckpointSource => WxOrders.CheckpointSource.Channels;

        internal override string CheckpointFilter => Checkpoints.CheckpointFilter.Describe(new[]
        {
            new KeyValuePair<string, string>("status", query.Status?.ToString()),
            new KeyValuePair<string, string>("openid", query.OpenId),
        });

        internal override string[] WindowParameters => new[] { nameof(StartTime), nameof(EndTime), nameof(TimeField) };

        /// <summary>The window's slices, cut once (the open end is the time the search started).</summary>
        internal IReadOnlyList<TimeSlice> Slices => slices ?? (slices = query.Slices(DateTimeOffset.UtcNow));

        protected override void BeginProcessing()
        {
            // Before the connection and before any request: a refused filter costs nothing.
            query = new ChannelsOrderQuery
            {
                TimeField = TimeField,
                StartTime = BoundInstant(nameof(StartTime), StartTime),
                EndTime = BoundInstant(nameof(EndTime), EndTime),
                Status = MyInvocation.BoundParameters.ContainsKey(nameof(Status)) ? Status : (ChannelsOrderStatus?)null,
                OpenId = OpenId?.Trim(),
            };
            var now = DateTimeOffset.UtcNow;
            var problem = query.Validate(now);
            if (problem != null)
            {
                ThrowArgumentError(problem, "WxOrders.InvalidTimeRange", query);
            }

            slices = query.Slices(now);
            base.BeginProcessing();
        }

        internal override Task<ApiPage<string>> FetchCursorPageAsync(ApiConnection connection, int slice, string cursor, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            connection.Channels.ListAsync(query, Slices[slice], cursor, pageSize, log, cancellationToken);

        internal override Task<ChannelsOrder> FetchDetailAsync(ApiConnection connection, string item, IOperationLog log, CancellationToken cancellationToken) =>
            connection.Channels.GetOrderAsync(item, log, cancellationToken);

        internal override string IdOf(string item) => item;

        internal override void ApplyCheckpointWindow(DateTimeOffset start, DateTimeOffset end)
        {
            // The store's change feed: update_time_range over the run's window, cut into 7-day slices again.
            query.TimeField = ChannelsTimeField.Updated;
            query.StartTime = start;
            query.EndTime = end;
            slices = query.Slices(end);
        }

        // The version is the order's update time as order/get read it (the list carries none): a later change of the
        // same order is a new version and is written again; the window time is the same instant (update_time_range).
        internal override CheckpointKey CheckpointKeyOf(ChannelsOrder item) => new CheckpointKey(item.OrderId, item.UpdateTime, item.UpdateTime);
    }
}
