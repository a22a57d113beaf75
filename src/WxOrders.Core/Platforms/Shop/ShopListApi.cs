using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;
using WxOrders.Paging;

namespace WxOrders.Platforms.Shop
{
    /// <summary>The filter of Search-ShopOrder: a creation-time window (the only time the shop list can filter on).</summary>
    public sealed class ShopOrderQuery
    {
        /// <summary>Earliest creation time (inclusive).</summary>
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Latest creation time (inclusive).</summary>
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Null when the query can be sent, else what is wrong and what to do (before any request).</summary>
        public string Validate()
        {
            if (StartTime.HasValue && EndTime.HasValue && EndTime.Value < StartTime.Value)
            {
                return Instants.ReversedWindow("-EndTime", EndTime.Value, "-StartTime", StartTime.Value);
            }

            return null;
        }
    }

    internal sealed class ShopOrderListRequest
    {
        [JsonPropertyName("page")]
        public int Page { get; set; }

        [JsonPropertyName("page_size")]
        public int PageSize { get; set; }

        /// <summary>2: ascending creation time (1 is descending). Ascending, so orders created during a walk land after it.</summary>
        [JsonPropertyName("sort_order")]
        public int SortOrder { get; set; } = ShopListApi.Ascending;

        [JsonPropertyName("start_create_time")]
        public string StartCreateTime { get; set; }

        [JsonPropertyName("end_create_time")]
        public string EndCreateTime { get; set; }
    }

    internal sealed class ShopOrderListResponse : WeChatResponse
    {
        [JsonPropertyName("orders")]
        public List<ShopOrder> Orders { get; set; }

        [JsonPropertyName("total_num")]
        public long? TotalNum { get; set; }
    }

    /// <summary>
    /// POST /shop/order/get_list: shop orders by creation time, by page number
    /// (developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/API/order/get_order_list.html).
    /// </summary>
    internal static class ShopListApi
    {
        public const string Path = "/shop/order/get_list";

        /// <summary>The documented maximum page size (errcode 990005 above it).</summary>
        public const int MaxPageSize = 100;

        public const int Ascending = 2;

        /// <summary>One page (numbered from 1), in ascending creation order.</summary>
        public static async Task<ApiPage<ShopOrder>> ListAsync(ApiClient client, ShopOrderQuery query, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken)
        {
            if (pageSize < 1 || pageSize > MaxPageSize)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize), "The shop list page size is 1 to 100.");
            }

            var response = await client.PostAsync(
                Path,
                Request(query, page, pageSize),
                WireJsonContext.Default.ShopOrderListRequest,
                WireJsonContext.Default.ShopOrderListResponse,
                log,
                cancellationToken).ConfigureAwait(false);

            // Null entries stay in place (the walk counts them); the entry count says whether the page was full.
            var orders = response.Orders ?? new List<ShopOrder>(0);
            return new ApiPage<ShopOrder>(page, orders, response.TotalNum, orders.Count);
        }

        internal static ShopOrderListRequest Request(ShopOrderQuery query, int page, int pageSize) =>
            new ShopOrderListRequest
            {
                Page = page,
                PageSize = pageSize,
                SortOrder = Ascending,
                StartCreateTime = Wire(query?.StartTime),
                EndCreateTime = Wire(query?.EndTime),
            };

        /// <summary>The list's time format: yyyy-MM-dd HH:mm:ss in China time, whatever offset the instant carries.</summary>
        internal static string Wire(DateTimeOffset? time) =>
            time?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
