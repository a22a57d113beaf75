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
        internal CoopOrderKey(string shopAppId, string orderId)
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
    /// POST /channels/ec/cooperation/order/get (document 000). Listed as retired (offline from 2025-06-16) in at least one
    /// maintained WeChat SDK, replaced by the store's own order API; still supported for accounts that can call it.
    /// </summary>
    internal static class CoopApi
    {
        public const string Path = "/channels/ec/cooperation/order/get";
        public const WxPlatform Platform = WxPlatform.WeChat;

        public static async Task<CoopOrder> GetOrderAsync(ApiClient client, CoopOrderKey key, IOperationLog log, CancellationToken cancellationToken)
        {
            var response = await client.PostAsync(
                Path,
                new CoopOrderRequest { ShopAppId = key.ShopAppId, OrderId = key.OrderId },
                WireJsonContext.Default.CoopOrderRequest,
                WireJsonContext.Default.CoopOrderResponse,
                log,
                cancellationToken).ConfigureAwait(false);
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
    }
}
