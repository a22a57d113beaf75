namespace WxOrders
{
    /// <summary>The APIs whose orders a live sandbox changes over time (and the ground truth on TestHooks is kept for).</summary>
    public enum SandboxSource
    {
        /// <summary>WeChat Union promoter orders (/union/promoter/order/search and info).</summary>
        Union,

        /// <summary>Mini Program shop orders (/shop/order/get_list and get).</summary>
        Shop,

        /// <summary>Wshoto mall orders (/openapi/mall/order/list and detail).</summary>
        Wshoto,

        /// <summary>WeChat Store orders (/channels/ec/order/list/get and get).</summary>
        Channels,
    }
}
