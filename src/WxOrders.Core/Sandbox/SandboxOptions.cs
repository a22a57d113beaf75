using System;
using System.Collections.Generic;

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

namespace WxOrders.Emulation
{
    internal sealed class SandboxOptions
    {
        public int Port { get; set; }

        public int Seed { get; set; } = 1;

        public int OrderCount { get; set; } = 1000;

        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        public double FailureRate { get; set; }

        public SandboxFailureKind[] FailureKinds { get; set; } = (SandboxFailureKind[])Enum.GetValues(typeof(SandboxFailureKind));

        /// <summary>At most this many injected faults in a row for one key, so a transient fault stays transient.</summary>
        public int MaxConsecutiveFailures { get; set; } = 2;

        public TimeSpan TimeoutFaultDelay { get; set; } = TimeSpan.FromSeconds(30);

        public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

        /// <summary>Keys (order ids, out order ids, order_sn) that always fail, with the error code to answer.</summary>
        public IDictionary<string, long> PermanentFailures { get; set; } = new Dictionary<string, long>(StringComparer.Ordinal);

        /// <summary>Keys whose successful answers are corrupted, and how.</summary>
        public IDictionary<string, SandboxMalformation> MalformedResponses { get; set; } = new Dictionary<string, SandboxMalformation>(StringComparer.Ordinal);
    }
}
