using System;
using System.Collections.Generic;

namespace WxOrders
{
    /// <summary>What Start-WxOrdersSandbox sets (its parameters, validated there); <see cref="Sandbox.Start(SandboxOptions)"/> takes it.</summary>
    public sealed class SandboxOptions
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
