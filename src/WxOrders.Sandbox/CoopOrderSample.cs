namespace WxOrders
{
    /// <summary>A co-account order key from the sandbox (as a notification event carries it): pipe it to Get-CoopOrder.</summary>
    public sealed class CoopOrderSample
    {
        public string ShopAppId { get; internal set; }

        public string OrderId { get; internal set; }

        public override string ToString() => OrderId;
    }
}
