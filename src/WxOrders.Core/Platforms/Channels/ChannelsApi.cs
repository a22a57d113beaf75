using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;
using WxOrders.Paging;

namespace WxOrders.Platforms.Channels
{
    internal sealed class ChannelsOrderRequest
    {
        // Only order_id: encode_sensitive_info is marked obsolete (offline from 2025-07-15) by maintained SDKs and the
        // newer api_getorder page lists only order_id.
        [JsonPropertyName("order_id")]
        public string OrderId { get; set; }
    }

    internal sealed class ChannelsOrderResponse : WeChatResponse
    {
        [JsonPropertyName("order")]
        public ChannelsOrder Order { get; set; }
    }

    /// <summary>
    /// The WeChat Store (微信小店) order API, the live successor of the co-account endpoint (Get-CoopOrder):
    /// POST /channels/ec/order/get, https://developers.weixin.qq.com/doc/store/API/order/get, and the id list
    /// POST /channels/ec/order/list/get, https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getorderlist.html
    /// It needs the store's own access token (stable_token of the store's AppID), or a third party's with permission set 131.
    /// </summary>
    internal static class ChannelsApi
    {
        public const string GetPath = "/channels/ec/order/get";
        public const string ListPath = "/channels/ec/order/list/get";

        /// <summary>The list's page_size maximum.</summary>
        public const int MaxPageSize = 100;
        public const WxPlatform Platform = WxPlatform.WeChat;

        public static async Task<ChannelsOrder> GetOrderAsync(ApiClient client, string orderId, IOperationLog log, CancellationToken cancellationToken)
        {
            var response = await client.PostAsync(
                GetPath,
                new ChannelsOrderRequest { OrderId = orderId },
                WireJsonContext.Default.ChannelsOrderRequest,
                WireJsonContext.Default.ChannelsOrderResponse,
                log,
                cancellationToken).ConfigureAwait(false);
            var order = response.Order;
            if (order == null)
            {
                throw ErrorCatalog.InvalidData(Platform, GetPath, "a success response without an 'order' object");
            }

            if (string.IsNullOrEmpty(order.OrderId))
            {
                order.OrderId = orderId;
            }
            else if (!string.Equals(order.OrderId.TrimStart('0'), orderId.TrimStart('0'), StringComparison.Ordinal))
            {
                // A different order would be written under the id asked for; nothing is guessed.
                throw ErrorCatalog.InvalidData(Platform, GetPath, "a success response for order " + order.OrderId + " when " + orderId + " was asked for");
            }

            OrderItems.ForEachPresent(order.OrderDetail?.ProductInfos, item => item.OrderId = order.OrderId);
            return order;
        }

        /// <summary>
        /// One page of the id list over one slice of the window (<see cref="ChannelsOrderQuery.Slices"/>): the cursor is
        /// null on the slice's first page. The body is the same on every page of a slice but for next_key.
        /// </summary>
        public static async Task<ApiPage<string>> ListAsync(ApiClient client, ChannelsOrderQuery query, TimeSlice slice, string nextKey, int pageSize, IOperationLog log, CancellationToken cancellationToken)
        {
            if (pageSize < 1 || pageSize > MaxPageSize)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize), "The store's order list page size is 1 to 100.");
            }

            if (slice.End < slice.Start || slice.End - slice.Start > ChannelsOrderQuery.MaxSliceSeconds)
            {
                throw new ArgumentOutOfRangeException(nameof(slice), "A store order list request covers at most 7 days (end - start <= 604,799 s).");
            }

            var response = await client.PostAsync(
                ListPath,
                (query ?? new ChannelsOrderQuery()).Request(slice, pageSize, nextKey),
                WireJsonContext.Default.ChannelsOrderListRequest,
                WireJsonContext.Default.ChannelsOrderListResponse,
                log,
                cancellationToken).ConfigureAwait(false);
            var ids = response.OrderIdList ?? new List<string>(0);
            var rawCount = ids.Count;

            // Null entries stay in place: the walk skips and counts them, and -Skip positions stay exact.
            return new ApiPage<string>(ids, response.NextKey, response.HasMore == true, rawCount);
        }
    }
}
