using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Serialization;
using WxOrders.Http;
using WxOrders.Json;
using WxOrders.Paging;

namespace WxOrders.Platforms.Channels
{
    /// <summary>Which time a WeChat Store list window applies to: create_time_range or update_time_range.</summary>
    public enum ChannelsTimeField
    {
        /// <summary>create_time_range: when the order was placed (backfills).</summary>
        Created = 1,
        /// <summary>update_time_range: when the order last changed (incremental pulls).</summary>
        Updated = 2,
    }

    /// <summary>
    /// The filter of Search-ChannelsOrder. Times are instants; on the wire they are unix seconds. The list takes one
    /// time range of at most 7 days per request, so the window is cut into slices (<see cref="Slices"/>).
    /// </summary>
    public sealed class ChannelsOrderQuery
    {
        /// <summary>The longest range one request may carry: end - start at most 604,799 s (7 days less a second).</summary>
        public const long MaxSliceSeconds = (7 * 24 * 3600) - 1;

        public ChannelsTimeField TimeField { get; set; } = ChannelsTimeField.Created;

        /// <summary>Window start (inclusive); null: 7 days before the end (one request's range).</summary>
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Window end (inclusive); null: now (taken once, before the first request).</summary>
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Only orders with this status (the list's status filter); null for all.</summary>
        public ChannelsOrderStatus? Status { get; set; }

        /// <summary>Only orders of this buyer (openid); null for all.</summary>
        public string OpenId { get; set; }

        /// <summary>The list's status filter values (api_getorderlist): 190 and 200 are order states, not filters (250 covers 200).</summary>
        internal static readonly ChannelsOrderStatus[] FilterStatuses =
        {
            ChannelsOrderStatus.Unpaid, ChannelsOrderStatus.GiftPending, ChannelsOrderStatus.GroupBuyPending, ChannelsOrderStatus.Paid,
            ChannelsOrderStatus.PartiallyShipped, ChannelsOrderStatus.AwaitingReceipt, ChannelsOrderStatus.Completed, ChannelsOrderStatus.Cancelled,
        };

        /// <summary>What is wrong with the filter (a sentence that says what to do), or null. <paramref name="now"/> is the open end.</summary>
        public string Validate(DateTimeOffset now)
        {
            if (!Enum.IsDefined(typeof(ChannelsTimeField), TimeField))
            {
                return "-TimeField must be Created or Updated.";
            }

            if (Status.HasValue && Array.IndexOf(FilterStatuses, Status.Value) < 0)
            {
                return "-Status " + Status.Value + " is not a filter the store's order list takes. Use one of " + string.Join(", ", FilterStatuses) + " (Cancelled also covers CancelledAfterSale).";
            }

            var start = StartTime;
            var end = EndTime ?? now;
            foreach (var t in new[] { ("-StartTime", start), ("-EndTime", (DateTimeOffset?)end) })
            {
                if (t.Item2.HasValue && t.Item2.Value.ToUnixTimeSeconds() < 0)
                {
                    return string.Format(CultureInfo.InvariantCulture, "{0} ({1:yyyy-MM-dd HH:mm:ss zzz}) is before 1970: the store's list counts time in unix seconds. Give a time after 1970-01-01.", t.Item1, t.Item2.Value.ToOffset(ChinaTime.Offset));
                }
            }

            if (start.HasValue && end < start.Value)
            {
                return EndTime.HasValue
                    ? Instants.ReversedWindow("-EndTime", end.ToOffset(ChinaTime.Offset), "-StartTime", start.Value.ToOffset(ChinaTime.Offset))
                    : string.Format(CultureInfo.InvariantCulture, "-StartTime ({0:yyyy-MM-dd HH:mm:ss zzz}) is in the future and no -EndTime was given (the end is now). Give a -StartTime in the past.", start.Value.ToOffset(ChinaTime.Offset));
            }

            return null;
        }

        /// <summary>
        /// The window in slices of at most 7 days, oldest first: the end is <see cref="EndTime"/> or <paramref name="now"/>,
        /// the start <see cref="StartTime"/> or one slice before the end. Call <see cref="Validate"/> first.
        /// </summary>
        public IReadOnlyList<TimeSlice> Slices(DateTimeOffset now)
        {
            var end = (EndTime ?? now).ToUnixTimeSeconds();
            var start = StartTime?.ToUnixTimeSeconds() ?? Math.Max(0, end - MaxSliceSeconds);
            return TimeSlices.Split(start, end, MaxSliceSeconds);
        }

        /// <summary>
        /// The body of one list request: the slice on the chosen time only (what the store does with both ranges is not
        /// documented; on the older mini-shop list both returned nothing), the filters, and next_key ("" on a slice's
        /// first page, so every page sends the same fields and only next_key changes: the API refuses a next_key sent
        /// with another body).
        /// </summary>
        internal ChannelsOrderListRequest Request(TimeSlice slice, int pageSize, string nextKey)
        {
            var range = new ChannelsTimeRange { StartTime = slice.Start, EndTime = slice.End };
            return new ChannelsOrderListRequest
            {
                CreateTimeRange = TimeField == ChannelsTimeField.Created ? range : null,
                UpdateTimeRange = TimeField == ChannelsTimeField.Updated ? range : null,
                Status = Status.HasValue ? (int)Status.Value : (int?)null,
                OpenId = string.IsNullOrEmpty(OpenId) ? null : OpenId,
                PageSize = pageSize,
                NextKey = nextKey ?? string.Empty,
            };
        }
    }

    internal sealed class ChannelsTimeRange
    {
        [JsonPropertyName("start_time")]
        public long StartTime { get; set; }

        [JsonPropertyName("end_time")]
        public long EndTime { get; set; }
    }

    /// <summary>POST /channels/ec/order/list/get: one time range, the filters, page_size, next_key.</summary>
    internal sealed class ChannelsOrderListRequest
    {
        [JsonPropertyName("create_time_range")]
        public ChannelsTimeRange CreateTimeRange { get; set; }

        [JsonPropertyName("update_time_range")]
        public ChannelsTimeRange UpdateTimeRange { get; set; }

        [JsonPropertyName("status")]
        public int? Status { get; set; }

        [JsonPropertyName("openid")]
        public string OpenId { get; set; }

        [JsonPropertyName("page_size")]
        public int PageSize { get; set; }

        [JsonPropertyName("next_key")]
        public string NextKey { get; set; }
    }

    /// <summary>The list's answer: decimal order ids (strings in the documents; a number is read as its exact digits), the cursor, has_more.</summary>
    internal sealed class ChannelsOrderListResponse : WeChatResponse
    {
        [JsonPropertyName("order_id_list")]
        [JsonConverter(typeof(FlexibleStringListConverter))]
        public List<string> OrderIdList { get; set; }

        [JsonPropertyName("next_key")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string NextKey { get; set; }

        [JsonPropertyName("has_more")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? HasMore { get; set; }
    }
}
