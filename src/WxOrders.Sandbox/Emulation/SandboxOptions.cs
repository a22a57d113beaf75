using System;
using System.Collections.Generic;

namespace WxOrders.Emulation
{
    /// <summary>What Start-WxOrdersSandbox sets (its parameters, validated there).</summary>
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

        /// <summary>Live mode: new orders and status changes arrive over time on every API (see LiveFeed).</summary>
        public bool Live { get; set; }

        /// <summary>Live mode: events (new orders and changes) per second on each API; 0 leaves them to TestHooks.AdvanceLive.</summary>
        public double ChangesPerSecond { get; set; } = 1.0;

        /// <summary>Live mode: how long after it happens a new order or a change shows in the list endpoints.</summary>
        public TimeSpan VisibilityDelay { get; set; } = TimeSpan.Zero;

        /// <summary>Live mode: the shop changes only orders created this recently (its list filters on creation time only).</summary>
        public TimeSpan ShopChangeAge { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>Keys (order ids, out order ids, order_sn) that always fail, with the error code to answer.</summary>
        public IDictionary<string, long> PermanentFailures { get; set; } = new Dictionary<string, long>(StringComparer.Ordinal);

        /// <summary>Keys whose successful answers are corrupted, and how.</summary>
        public IDictionary<string, SandboxMalformation> MalformedResponses { get; set; } = new Dictionary<string, SandboxMalformation>(StringComparer.Ordinal);
    }
}
