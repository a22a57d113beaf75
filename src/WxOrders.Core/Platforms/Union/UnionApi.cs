using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;
using WxOrders.Paging;

namespace WxOrders.Platforms.Union
{
    internal sealed class UnionOrderInfoRequest
    {
        [JsonPropertyName("orderIdList")]
        public IReadOnlyList<string> OrderIdList { get; set; }
    }

    /// <summary>The answer of both union endpoints: the order list, and for search the page size and the total.</summary>
    internal sealed class UnionOrderListResponse : WeChatResponse
    {
        [JsonPropertyName("orderList")]
        public List<UnionOrder> OrderList { get; set; }

        [JsonPropertyName("pageSize")]
        public long? PageSize { get; set; }

        [JsonPropertyName("totalNum")]
        public long? TotalNum { get; set; }
    }

    /// <summary>POST /union/promoter/order/info and GET /union/promoter/order/search (document 002).</summary>
    internal static class UnionApi
    {
        public const string InfoPath = "/union/promoter/order/info";
        public const string SearchPath = "/union/promoter/order/search";
        public const WxPlatform Platform = WxPlatform.WeChat;

        /// <summary>The API refuses more ids per request (errcode 200002) and more orders per page.</summary>
        public const int MaxBatch = 200;

        /// <summary>Looks up at most <see cref="MaxBatch"/> ids in one request. Ids the API does not know are simply absent.</summary>
        public static async Task<List<UnionOrder>> GetOrdersAsync(ApiClient client, IReadOnlyList<string> orderIds, IOperationLog log, CancellationToken cancellationToken)
        {
            if (orderIds == null || orderIds.Count == 0 || orderIds.Count > MaxBatch)
            {
                throw new ArgumentOutOfRangeException(nameof(orderIds), "A union order lookup takes 1 to 200 ids.");
            }

            var response = await client.PostAsync(
                InfoPath,
                new UnionOrderInfoRequest { OrderIdList = orderIds },
                WireJsonContext.Default.UnionOrderInfoRequest,
                WireJsonContext.Default.UnionOrderListResponse,
                log,
                cancellationToken).ConfigureAwait(false);
            return Complete(response.OrderList);
        }

        /// <summary>One page of a search (page numbers start at 1).</summary>
        public static async Task<ApiPage<UnionOrder>> SearchAsync(ApiClient client, UnionOrderQuery query, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken)
        {
            if (pageSize < 1 || pageSize > MaxBatch)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize), "The union search page size is 1 to 200.");
            }

            var request = new ApiRequest(HttpMethod.Get, SearchPath, query: SearchParameters(query, page, pageSize));
            var response = await client.SendAsync(request, WireJsonContext.Default.UnionOrderListResponse, log, cancellationToken).ConfigureAwait(false);

            // Null entries stay in place: the page walk skips them and counts them, and -Skip positions stay exact.
            // The entry count (not the order count) says whether the page was full.
            var orders = Complete(response.OrderList, keepNulls: true);
            return new ApiPage<UnionOrder>(page, orders, response.TotalNum, orders.Count);
        }

        /// <summary>The query string of a search, in the documented names.</summary>
        internal static List<KeyValuePair<string, string>> SearchParameters(UnionOrderQuery query, int page, int pageSize)
        {
            var list = new List<KeyValuePair<string, string>>(9)
            {
                Pair("page", page),
                Pair("pageSize", pageSize),
            };

            if (query != null)
            {
                if (query.StartTime.HasValue)
                {
                    list.Add(Pair("startTimestamp", query.StartTime.Value.ToUnixTimeSeconds()));
                }

                if (query.EndTime.HasValue)
                {
                    list.Add(Pair("endTimestamp", query.EndTime.Value.ToUnixTimeSeconds()));
                }

                if (query.CommissionStatus.HasValue)
                {
                    list.Add(new KeyValuePair<string, string>("commissionStatus", WireNames<UnionCommissionStatus>.ToWire(query.CommissionStatus.Value)));
                }

                if (query.SortByCommissionUpdateTime)
                {
                    list.Add(new KeyValuePair<string, string>("sortByCommissionUpdateTime", "1"));
                    if (query.CommissionUpdateStartTime.HasValue)
                    {
                        list.Add(Pair("startCommissionUpdateTime", query.CommissionUpdateStartTime.Value.ToUnixTimeSeconds()));
                    }

                    if (query.CommissionUpdateEndTime.HasValue)
                    {
                        list.Add(Pair("endCommissionUpdateTime", query.CommissionUpdateEndTime.Value.ToUnixTimeSeconds()));
                    }
                }
            }

            return list;
        }

        /// <summary>A DateTime from PowerShell as an instant (see <see cref="Instants.FromParameter"/>).</summary>
        public static DateTimeOffset ToInstant(DateTime time) => Instants.FromParameter(time);

        /// <summary>The error for an id the lookup did not return.</summary>
        public static WxApiException NotFound(string orderId) =>
            ErrorCatalog.OrderNotFound(
                Platform,
                InfoPath,
                orderId,
                "Check the id: the union API returns only orders promoted by this connection's account (Search-UnionOrder lists them).");

        private static List<UnionOrder> Complete(List<UnionOrder> orders, bool keepNulls = false)
        {
            if (orders == null)
            {
                return new List<UnionOrder>(0);
            }

            // A null entry is not an order; lines learn their order id so they can be exported on their own.
            if (!keepNulls)
            {
                orders.RemoveAll(o => o == null);
            }

            OrderItems.ForEachPresent(orders, order => OrderItems.ForEachPresent(order.ProductList, line => line.OrderId = order.OrderId));

            return orders;
        }

        private static KeyValuePair<string, string> Pair(string name, long value) =>
            new KeyValuePair<string, string>(name, value.ToString(CultureInfo.InvariantCulture));
    }
}
