using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Platforms.Shop;

namespace WxOrders.Commands
{
    /// <summary>Get-ShopOrder: Mini Program transaction-component orders (POST /shop/order/get).</summary>
    [Cmdlet(VerbsCommon.Get, "ShopOrder", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(ShopOrder))]
    public sealed class GetShopOrderCommand : OrderLookupCmdlet<ShopOrderKey, ShopOrder>
    {
        private const string ByIdSet = "ById";
        private const string ByOutIdSet = "ByOutId";

        /// <summary>The platform order id (unsigned 64-bit).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("order_id")]
        [ValidateNonZeroId]
        public ulong OrderId { get; set; }

        /// <summary>The merchant's own order id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByOutIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("out_order_id")]
        [ValidateNotBlank]
        public string OutOrderId { get; set; }

        /// <summary>The buyer's openid (the API needs it with either id). Binds from a property named openid too: names match case-insensitively.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotBlank]
        public string OpenId { get; set; }

        internal override WxPlatform Platform => ShopClient.Platform;

        protected override void ProcessRecord()
        {
            Submit(ParameterSetName == ByIdSet
                ? new ShopOrderKey(OrderId, null, OpenId.Trim())
                : new ShopOrderKey(null, OutOrderId.Trim(), OpenId.Trim()));
        }

        internal override Task<ShopOrder> FetchAsync(ApiConnection connection, ShopOrderKey key, IOperationLog log, CancellationToken cancellationToken) =>
            connection.Shop.GetOrderAsync(key, log, cancellationToken);

        internal override object TargetOf(ShopOrderKey key) => key.Target;
    }
}
