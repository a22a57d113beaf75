namespace WxOrders
{
    /// <summary>Ways the sandbox can corrupt a successful answer for a key (Start-WxOrdersSandbox -MalformedResponse).</summary>
    public enum SandboxMalformation
    {
        /// <summary>The JSON is cut off half way (the HTTP framing is intact).</summary>
        Truncated,
        /// <summary>Envelope fields of the wrong JSON type.</summary>
        WrongType,
        /// <summary>A number far beyond 64 bits.</summary>
        HugeNumber,
        /// <summary>Arrays nested a thousand deep.</summary>
        DeepNesting,
        /// <summary>HTTP 200 with an empty body.</summary>
        EmptyBody,
        /// <summary>A JSON array where the object belongs.</summary>
        ArrayForObject,
    }
}
