using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;
using WxOrders.Paging;

namespace WxOrders.Platforms.Wshoto
{
    /// <summary>Which time a Wshoto list window applies to (the list's "type").</summary>
    public enum WshotoTimeField
    {
        /// <summary>1: order creation.</summary>
        Created = 1,
        /// <summary>2: completion (the buyer confirmed receipt).</summary>
        Completed = 2,
        /// <summary>3: last update.</summary>
        Updated = 3,
    }

    /// <summary>The filter of Search-WshotoOrder. Times are instants; on the wire they are unix seconds.</summary>
    public sealed class WshotoOrderQuery
    {
        public WshotoTimeField TimeField { get; set; } = WshotoTimeField.Created;

        /// <summary>Window start (inclusive). The list requires one: Search-WshotoOrder sends the Unix epoch when none is given.</summary>
        public DateTimeOffset? StartTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Only these statuses; null or empty for all.</summary>
        public WshotoOrderStatus[] Status { get; set; }

        public string Validate()
        {
            if (StartTime.HasValue && EndTime.HasValue && EndTime.Value < StartTime.Value)
            {
                return Instants.ReversedWindow("-EndTime", EndTime.Value, "-StartTime", StartTime.Value);
            }

            if (!Enum.IsDefined(typeof(WshotoTimeField), TimeField))
            {
                return "-TimeField must be Created, Completed or Updated.";
            }

            return null;
        }
    }

    internal sealed class WshotoOrderListRequest
    {
        [JsonPropertyName("type")]
        public int Type { get; set; }

        [JsonPropertyName("start_time")]
        public long StartTime { get; set; }

        [JsonPropertyName("end_time")]
        public long? EndTime { get; set; }

        [JsonPropertyName("status_list")]
        public int[] StatusList { get; set; }

        [JsonPropertyName("current_index")]
        public int CurrentIndex { get; set; }

        [JsonPropertyName("page_size")]
        public int PageSize { get; set; }
    }

    /// <summary>
    /// One record of the list. Only what identifies an order and its version is used: the order is then read with the
    /// detail endpoint, because the list's example shows money as decimals ("total_price": 6.00) where the detail sends
    /// integers in fen (1999): the list's unit is not certain, so its amounts are never taken as fen (or used at all).
    /// Public only because Search-WshotoOrder's base class names it; the cmdlet never writes it.
    /// </summary>
    public sealed class WshotoListRecord
    {
        /// <summary>The order number (the detail calls it order_sn).</summary>
        [JsonPropertyName("order_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OrderCode { get; set; }

        [JsonPropertyName("parent_order_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ParentOrderCode { get; set; }

        [JsonPropertyName("status")]
        public WshotoOrderStatus? Status { get; set; }

        [JsonPropertyName("create_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? CreateTime { get; set; }

        [JsonPropertyName("update_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? UpdateTime { get; set; }

        /// <summary>As the list sends it (6.00 in the example): unit uncertain, kept only as read, never converted.</summary>
        [JsonPropertyName("total_price")]
        public decimal? ListTotalPrice { get; set; }

        /// <summary>As the list sends it: unit uncertain, kept only as read, never converted.</summary>
        [JsonPropertyName("pay_price")]
        public decimal? ListPayPrice { get; set; }

        public override string ToString() => OrderCode;
    }

    internal sealed class WshotoListData
    {
        [JsonPropertyName("total")]
        public long? Total { get; set; }

        [JsonPropertyName("records")]
        public List<WshotoListRecord> Records { get; set; }
    }

    /// <summary>
    /// /openapi/mall/order/list: Wshoto orders by a time window, by page number
    /// (open.wshoto.com/doc/pages/mall/order/orderList.html).
    /// <para>
    /// The page documents GET with a JSON body. .NET's HttpClient sends that; .NET Framework's (Windows PowerShell 5.1)
    /// refuses a body on GET (ProtocolViolationException) and has no switch to allow it. There the same body goes by
    /// POST: an assumption (the gateway is expected to route on the path, as Wshoto's other order endpoint is a POST),
    /// stated in Search-WshotoOrder's help so it can be corrected.
    /// </para>
    /// </summary>
    internal static class WshotoListApi
    {
        public const string Path = "/openapi/mall/order/list";

        /// <summary>The page size WxOrders allows: the maximum is not documented; 100 is the WeChat lists' limit.</summary>
        public const int MaxPageSize = 100;

        /// <summary>GET with the body on .NET; POST on .NET Framework, which cannot send a body with GET.</summary>
        public static HttpMethod MethodFor(bool netFramework) => netFramework ? HttpMethod.Post : HttpMethod.Get;

        public static async Task<ApiPage<WshotoListRecord>> ListAsync(ApiClient client, WshotoOrderQuery query, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken)
        {
            if (pageSize < 1 || pageSize > MaxPageSize)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize), "The Wshoto list page size is 1 to 100.");
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(Request(query, page, pageSize), WireJsonContext.Default.WshotoOrderListRequest);
            var request = new ApiRequest(MethodFor(RuntimeCheck.IsNetFramework), Path, body);
            var response = await client.SendAsync(request, WireJsonContext.Default.WshotoResponseWshotoListData, log, cancellationToken).ConfigureAwait(false);
            var records = response.Data?.Records ?? new List<WshotoListRecord>(0);
            return new ApiPage<WshotoListRecord>(page, records, response.Data?.Total, records.Count);
        }

        /// <summary>
        /// Reads a listed order with the detail endpoint (its one shape, money in fen). A record without an order_code
        /// cannot be read: that is the API's fault, reported as invalid data.
        /// </summary>
        public static async Task<WshotoOrder> ReadListedAsync(ApiClient client, WshotoListRecord record, IOperationLog log, CancellationToken cancellationToken)
        {
            if (record == null || string.IsNullOrWhiteSpace(record.OrderCode))
            {
                throw ErrorCatalog.InvalidData(WshotoApi.Platform, Path, "a list record without an order_code");
            }

            return await WshotoApi.GetOrderAsync(client, record.OrderCode.Trim(), log, cancellationToken).ConfigureAwait(false);
        }

        internal static WshotoOrderListRequest Request(WshotoOrderQuery query, int page, int pageSize)
        {
            query = query ?? new WshotoOrderQuery();
            return new WshotoOrderListRequest
            {
                Type = (int)query.TimeField,
                StartTime = query.StartTime?.ToUnixTimeSeconds() ?? 0,
                EndTime = query.EndTime?.ToUnixTimeSeconds(),
                StatusList = query.Status == null || query.Status.Length == 0 ? null : query.Status.Select(s => (int)s).Distinct().ToArray(),
                CurrentIndex = page,
                PageSize = pageSize,
            };
        }
    }
}
