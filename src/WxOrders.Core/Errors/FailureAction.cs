namespace WxOrders
{
    /// <summary>What the shared core does with a failure. One table decides it (ErrorCatalog).</summary>
    internal enum FailureAction
    {
        /// <summary>Report it; never repeat the request.</summary>
        Permanent = 0,
        /// <summary>Repeat after an exponential, jittered back-off.</summary>
        Transient,
        /// <summary>Repeat after waiting for the next minute (WeChat 45011).</summary>
        MinuteQuota,
        /// <summary>Fetch a fresh token once and repeat once.</summary>
        TokenRejected,
    }
}
