namespace WxOrders
{
    /// <summary>The two platforms WxOrders talks to.</summary>
    public enum WxPlatform
    {
        /// <summary>api.weixin.qq.com: shop, channels co-account and union APIs.</summary>
        WeChat = 0,
        /// <summary>open.wshoto.com: Wshoto mall APIs.</summary>
        Wshoto = 1,
    }
}
