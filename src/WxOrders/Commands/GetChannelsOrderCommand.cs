using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Platforms.Channels;

namespace WxOrders.Commands
{
    /// <summary>
    /// Get-ChannelsOrder: WeChat Store (微信小店) orders by id (POST /channels/ec/order/get), the live successor of the
    /// co-account endpoint behind Get-CoopOrder.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ChannelsOrder")]
    [OutputType(typeof(ChannelsOrder))]
    public sealed class GetChannelsOrderCommand : OrderLookupCmdlet<string, ChannelsOrder>
    {
        /// <summary>
        /// Store order ids (19 digits, such as 3729145503581234176), from parameters or the pipeline: strings by value,
        /// or objects with an OrderId or order_id property (a number there, as ConvertFrom-Json gives for the order
        /// notifications' bare JSON number, binds as its exact digits).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("order_id")]
        [FromProperty("OrderId", "order_id")]
        [ValidateNotBlank]
        [ValidateDigits(Hint = "WeChat Store order ids are 19 digits such as 3729145503581234176 (from the store's order list or an order notification's order_info.order_id); a co-account order id (coiqBw3B...) is not one: use Get-CoopOrder for those.")]
        public string[] OrderId { get; set; }

        internal override WxPlatform Platform => ChannelsClient.Platform;

        protected override void ProcessRecord()
        {
            foreach (var id in OrderId)
            {
                Submit(id.Trim());
            }
        }

        internal override Task<ChannelsOrder> FetchAsync(ApiConnection connection, string key, IOperationLog log, CancellationToken cancellationToken) =>
            connection.Channels.GetOrderAsync(key, log, cancellationToken);

        internal override object TargetOf(string key) => key;
    }
}
