using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;

namespace WxOrders.Platforms.Wshoto
{
    internal sealed class WshotoOrderRequest
    {
        [JsonPropertyName("order_sn")]
        public string OrderSn { get; set; }
    }

    /// <summary>POST /openapi/mall/order/detail (open.wshoto.com/doc/pages/mall/order/orderDetail.html).</summary>
    internal static class WshotoApi
    {
        public const string Path = "/openapi/mall/order/detail";
        public const WxPlatform Platform = WxPlatform.Wshoto;

        public static async Task<WshotoOrder> GetOrderAsync(ApiClient client, string orderSn, IOperationLog log, CancellationToken cancellationToken)
        {
            var response = await client.PostAsync(
                Path,
                new WshotoOrderRequest { OrderSn = orderSn },
                WireJsonContext.Default.WshotoOrderRequest,
                WireJsonContext.Default.WshotoResponseWshotoOrderArray,
                log,
                cancellationToken).ConfigureAwait(false);
            var order = Pick(response.Data, orderSn);
            if (order == null)
            {
                throw ErrorCatalog.InvalidData(Platform, Path, "a success response whose 'data' does not hold order_sn " + orderSn);
            }

            if (string.IsNullOrEmpty(order.OrderSn))
            {
                order.OrderSn = orderSn;
            }

            OrderItems.ForEachPresent(order.DetailList, item => item.OrderSn = order.OrderSn);

            return order;
        }

        /// <summary>The order asked for: the one with this order_sn, or the only one when it carries no order_sn; else null.</summary>
        internal static WshotoOrder Pick(IReadOnlyList<WshotoOrder> data, string orderSn)
        {
            if (data == null)
            {
                return null;
            }

            WshotoOrder only = null;
            var count = 0;
            foreach (var order in data)
            {
                if (order == null)
                {
                    continue;
                }

                if (string.Equals(order.OrderSn, orderSn, StringComparison.Ordinal))
                {
                    return order;
                }

                only = order;
                count++;
            }

            // One order without an order_sn is taken as the one asked for; one with another order_sn is not.
            return count == 1 && string.IsNullOrEmpty(only.OrderSn) ? only : null;
        }
    }
}
