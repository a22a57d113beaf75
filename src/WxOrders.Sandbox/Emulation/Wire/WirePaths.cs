namespace WxOrders.Emulation.Wire
{
    /// <summary>
    /// The paths the sandbox serves, as the public API documents spell them. Kept apart from the client's own
    /// constants on purpose: a client that sends a wrong path gets the sandbox's 404, as it would in production.
    /// </summary>
    internal static class WirePaths
    {
        /// <summary>https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html</summary>
        public const string WeChatToken = "/cgi-bin/stable_token";

        /// <summary>Wshoto open platform access token (https://open.wshoto.com).</summary>
        public const string WshotoToken = "/openapi/access_token";

        /// <summary>Mini Program shop order lookup.</summary>
        public const string ShopOrder = "/shop/order/get";

        /// <summary>Channels store co-account (cooperation) order lookup.</summary>
        public const string CoopOrder = "/channels/ec/cooperation/order/get";

        /// <summary>WeChat Union promoter orders by id.</summary>
        public const string UnionOrderInfo = "/union/promoter/order/info";

        /// <summary>WeChat Union promoter order search (numbered pages with totalNum).</summary>
        public const string UnionOrderSearch = "/union/promoter/order/search";

        /// <summary>Wshoto mall order detail.</summary>
        public const string WshotoOrder = "/openapi/mall/order/detail";

        public const string ChannelsOrder = "/channels/ec/order/get";

        /// <summary>Mini Program shop orders by creation time, numbered pages.</summary>
        public const string ShopOrderList = "/shop/order/get_list";

        /// <summary>Wshoto mall orders by a time window, numbered pages (documented as GET with a JSON body).</summary>
        public const string WshotoOrderList = "/openapi/mall/order/list";

        /// <summary>WeChat Store order ids by creation or update time, at most 7 days a request, next_key cursor.</summary>
        public const string ChannelsOrderList = "/channels/ec/order/list/get";

        /// <summary>The largest page of the shop and WeChat Store lists (documented), and of the Wshoto list (assumed).</summary>
        public const int ListMaxPageSize = 100;

        /// <summary>The most ids /union/promoter/order/info takes, and the largest pageSize of the search.</summary>
        public const int UnionMaxBatch = 200;
    }
}
