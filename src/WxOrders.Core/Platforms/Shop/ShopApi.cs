using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;

namespace WxOrders.Platforms.Shop
{
    /// <summary>What identifies one shop order: the platform id or the merchant's id, and the buyer's openid (used by Get-ShopOrder).</summary>
    public sealed class ShopOrderKey
    {
        public ShopOrderKey(ulong? orderId, string outOrderId, string openId)
        {
            OrderId = orderId;
            OutOrderId = outOrderId;
            OpenId = openId;
        }

        public ulong? OrderId { get; }

        public string OutOrderId { get; }

        public string OpenId { get; }

        /// <summary>The id an error record names: the order id, or the out order id.</summary>
        public object Target => OrderId.HasValue ? (object)OrderId.Value : OutOrderId;

        public override string ToString() => OrderId.HasValue ? OrderId.Value.ToString(CultureInfo.InvariantCulture) : OutOrderId;
    }

    internal sealed class ShopOrderRequest
    {
        [JsonPropertyName("order_id")]
        public ulong? OrderId { get; set; }

        [JsonPropertyName("out_order_id")]
        public string OutOrderId { get; set; }

        [JsonPropertyName("openid")]
        public string OpenId { get; set; }
    }

    internal sealed class ShopOrderResponse : WeChatResponse
    {
        [JsonPropertyName("order")]
        public ShopOrder Order { get; set; }
    }

    /// <summary>
    /// POST /shop/order/get
    /// (developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/API/order/get_order.html).
    /// </summary>
    internal static class ShopApi
    {
        public const string Path = "/shop/order/get";
        public const WxPlatform Platform = WxPlatform.WeChat;

        public static async Task<ShopOrder> GetOrderAsync(ApiClient client, ShopOrderKey key, IOperationLog log, CancellationToken cancellationToken)
        {
            var response = await client.PostAsync(
                Path,
                new ShopOrderRequest { OrderId = key.OrderId, OutOrderId = key.OrderId.HasValue ? null : key.OutOrderId, OpenId = key.OpenId },
                WireJsonContext.Default.ShopOrderRequest,
                WireJsonContext.Default.ShopOrderResponse,
                log,
                cancellationToken).ConfigureAwait(false);
            var order = response.Order;
            if (order == null)
            {
                throw ErrorCatalog.InvalidData(Platform, Path, "a success response without an 'order' object");
            }

            order.OpenId = key.OpenId;
            return order;
        }
    }
}
