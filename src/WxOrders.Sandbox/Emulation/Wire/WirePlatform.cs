namespace WxOrders.Emulation.Wire
{
    /// <summary>The two envelope families the sandbox answers in: WeChat (errcode/errmsg) and Wshoto (code/msg/data/sub_code).</summary>
    internal enum WirePlatform
    {
        WeChat,
        Wshoto,
    }
}
