using System.Management.Automation;
using WxOrders.Infrastructure;
using WxOrders.Lines;

namespace WxOrders.Commands
{
    /// <summary>ConvertTo-WxOrderLine: one flat, CSV-ready WxOrders.OrderLine per product line of any order.</summary>
    [Cmdlet(VerbsData.ConvertTo, "WxOrderLine")]
    [OutputType(typeof(OrderLine))]
    [OutputType(typeof(OrderLineText))]
    public sealed class ConvertToWxOrderLineCommand : WxOrdersCmdlet
    {
        /// <summary>A ChannelsOrder, CoopOrder, ShopOrder, UnionOrder or WshotoOrder.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject[] InputObject { get; set; }

        /// <summary>
        /// Write every value as culture-independent text (WxOrders.OrderLineText): ISO 8601 times with their offset,
        /// '.' decimals. For files: Export-Csv then writes the same bytes under every culture.
        /// </summary>
        [Parameter]
        public SwitchParameter Invariant { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject)
            {
                var lines = OrderLines.From(item?.BaseObject);
                if (lines == null)
                {
                    WriteError(new ErrorRecord(
                        new PSArgumentException("ConvertTo-WxOrderLine takes the orders of Get-ChannelsOrder, Get-CoopOrder, Get-ShopOrder, Get-UnionOrder, Search-UnionOrder and Get-WshotoOrder; it got " + (item?.BaseObject?.GetType().FullName ?? "null") + "."),
                        "WxOrders.NotAnOrder",
                        ErrorCategory.InvalidArgument,
                        item));
                    continue;
                }

                foreach (var line in lines)
                {
                    WriteObject(Invariant.IsPresent ? (object)OrderLineText.From(line) : line);
                }
            }
        }
    }
}
