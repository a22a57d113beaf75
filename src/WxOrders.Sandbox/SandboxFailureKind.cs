namespace WxOrders
{
    /// <summary>Faults the sandbox can inject (Start-WxOrdersSandbox -FailureKind).</summary>
    public enum SandboxFailureKind
    {
        /// <summary>errcode/code -1, system busy.</summary>
        Busy,
        /// <summary>HTTP 503 from a gateway.</summary>
        ServerError,
        /// <summary>HTTP 200 with an HTML error page, as a proxy might send.</summary>
        HtmlGatewayPage,
        /// <summary>The TCP connection is reset without an answer.</summary>
        ConnectionReset,
        /// <summary>The answer is held back longer than a client waits (see -TimeoutFaultDelay).</summary>
        Timeout,
        /// <summary>errcode/code 45011, minute quota reached.</summary>
        MinuteQuota,
        /// <summary>errcode/code 42001, access token expired.</summary>
        TokenExpired,
    }
}
