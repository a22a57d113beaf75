using System;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;

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
    /// POST /channels/ec/order/get, https://developers.weixin.qq.com/doc/store/API/order/get
    /// It needs the store's own access token (stable_token of the store's AppID), or a third party's with permission set 131.
    /// </summary>
    internal static class ChannelsApi
    {
        public const string GetPath = "/channels/ec/order/get";
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
    }
}
