using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Platforms.Wshoto;

namespace WxOrders.Commands
{
    /// <summary>Get-WshotoOrder: Wshoto mall orders by order number (POST /openapi/mall/order/detail).</summary>
    [Cmdlet(VerbsCommon.Get, "WshotoOrder")]
    [OutputType(typeof(WshotoOrder))]
    public sealed class GetWshotoOrderCommand : OrderLookupCmdlet<string, WshotoOrder>
    {
        /// <summary>
        /// Mall order numbers (wire name order_sn), from parameters or the pipeline: strings by value, or objects with
        /// an OrderSn or order_sn property (a number there, as ConvertFrom-Json gives, binds as its exact digits).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("order_sn")]
        [FromProperty("OrderSn", "order_sn")]
        [ValidateNotBlank]
        [ValidateNonZeroId]
        public string[] OrderSn { get; set; }

        internal override WxPlatform Platform => WshotoClient.Platform;

        protected override void ProcessRecord()
        {
            foreach (var orderSn in OrderSn)
            {
                Submit(orderSn.Trim());
            }
        }

        internal override Task<WshotoOrder> FetchAsync(ApiConnection connection, string key, IOperationLog log, CancellationToken cancellationToken) =>
            connection.Wshoto.GetOrderAsync(key, log, cancellationToken);

        internal override object TargetOf(string key) => key;
    }
}
