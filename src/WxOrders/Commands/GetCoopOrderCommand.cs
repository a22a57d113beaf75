using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Platforms.Coop;

namespace WxOrders.Commands
{
    /// <summary>
    /// Get-CoopOrder: WeChat Channels store orders of a co-account Mini Program (POST /channels/ec/cooperation/order/get).
    /// WeChat removed the endpoint on 2025-06-16; Get-ChannelsOrder reads the store's orders with its own order API.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CoopOrder")]
    [OutputType(typeof(CoopOrder))]
    public sealed class GetCoopOrderCommand : OrderLookupCmdlet<CoopOrderKey, CoopOrder>
    {
        /// <summary>The store's AppID, from the co-account order notification event (wire name shop_appid).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("shop_appid")]
        [ValidateNotBlank]
        public string ShopAppId { get; set; }

        /// <summary>The co-account order id from the notification event (wire name order_id); not the store's own order id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("order_id")]
        [ValidateNotBlank]
        [ValidateNonZeroId]
        public string OrderId { get; set; }

        internal override WxPlatform Platform => CoopClient.Platform;

        protected override void ProcessRecord()
        {
            Submit(new CoopOrderKey(ShopAppId.Trim(), OrderId.Trim()));
        }

        internal override Task<CoopOrder> FetchAsync(ApiConnection connection, CoopOrderKey key, IOperationLog log, CancellationToken cancellationToken) =>
            connection.Coop.GetOrderAsync(key, log, cancellationToken);

        internal override object TargetOf(CoopOrderKey key) => key.OrderId;
    }
}
