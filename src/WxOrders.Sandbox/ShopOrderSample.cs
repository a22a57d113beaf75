using System.Globalization;

namespace WxOrders
{
    /// <summary>A shop order key from the sandbox: pipe it to Get-ShopOrder.</summary>
    public sealed class ShopOrderSample
    {
        public ulong OrderId { get; internal set; }

        public string OpenId { get; internal set; }

        public override string ToString() => OrderId.ToString(CultureInfo.InvariantCulture);
    }
}
