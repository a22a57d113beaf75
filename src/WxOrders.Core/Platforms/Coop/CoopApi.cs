using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;

namespace WxOrders.Platforms.Coop
{
    /// <summary>What identifies one co-account order: the store's AppID and the order id of the notification event.</summary>
    public sealed class CoopOrderKey
    {
        public CoopOrderKey(string shopAppId, string orderId)
        {
            ShopAppId = shopAppId;
            OrderId = orderId;
        }

        public string ShopAppId { get; }

        public string OrderId { get; }

        public override string ToString() => OrderId;
    }

    internal sealed class CoopOrderRequest
    {
        [JsonPropertyName("shop_appid")]
        public string ShopAppId { get; set; }

        [JsonPropertyName("order_id")]
        public string OrderId { get; set; }
    }

    internal sealed class CoopOrderResponse : WeChatResponse
    {
        [JsonPropertyName("order")]
        public CoopOrder Order { get; set; }
    }

    /// <summary>
    /// POST /channels/ec/cooperation/order/get
    /// (developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/cooperation_shop/get_order.html).
    /// Removed by WeChat on 2025-06-16 (WeChat Store API
    /// changelog), replaced by the store's own order API (ChannelsApi); still supported for accounts that can call it.
    /// </summary>
    internal static class CoopApi
    {
        public const string Path = "/channels/ec/cooperation/order/get";
        public const WxPlatform Platform = WxPlatform.WeChat;

        /// <summary>Appended to the errors that mean the endpoint is gone or closed to this app.</summary>
        internal const string RemovedNote =
            "WeChat removed the co-account endpoint /channels/ec/cooperation/order/get on 2025-06-16 (WeChat Store API changelog, 移除合作账号相关接口). Read the store's orders with Get-ChannelsOrder and Search-ChannelsOrder, connected with the store's own AppID; the co-account order ids (coiqBw3B...) are not store order ids.";

        public static async Task<CoopOrder> GetOrderAsync(ApiClient client, CoopOrderKey key, IOperationLog log, CancellationToken cancellationToken)
        {
            CoopOrderResponse response;
            try
            {
                response = await client.PostAsync(
                    Path,
                    new CoopOrderRequest { ShopAppId = key.ShopAppId, OrderId = key.OrderId },
                    WireJsonContext.Default.CoopOrderRequest,
                    WireJsonContext.Default.CoopOrderResponse,
                    log,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (WxApiException ex) when (MeansRemoved(ex))
            {
                throw ex.WithMessage(ex.Message + " " + RemovedNote);
            }

            var order = response.Order;
            if (order == null)
            {
                throw ErrorCatalog.InvalidData(Platform, Path, "a success response without an 'order' object");
            }

            order.ShopAppId = key.ShopAppId;
            order.OrderId = key.OrderId;
            OrderItems.ForEachPresent(order.OrderDetail?.ProductInfos, item => item.OrderId = key.OrderId);

            return order;
        }

        /// <summary>48001 (not authorised) or HTTP 404 (no such endpoint): how a removed API answers.</summary>
        internal static bool MeansRemoved(WxApiException ex) => ex.ErrorCode == 48001 || ex.HttpStatus == 404;
    }
}
