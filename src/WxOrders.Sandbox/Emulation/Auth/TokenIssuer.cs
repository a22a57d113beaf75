using System;
using System.Collections.Generic;
using WxOrders.Emulation.Data;

namespace WxOrders.Emulation.Auth
{
    /// <summary>
    /// Tokens as stable_token hands them out: every caller gets the current token until it nears its end (the last
    /// fifth of its lifetime), then a new one; the old one stays valid until its own expiry.
    /// </summary>
    internal sealed class TokenIssuer
    {
        private readonly object gate = new object();
        private readonly TimeSpan lifetime;
        private readonly Dictionary<string, DateTimeOffset> issued = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly Queue<string> order = new Queue<string>();
        private string current;
        private DateTimeOffset currentIssued;

        public TokenIssuer(TimeSpan lifetime)
        {
            this.lifetime = lifetime;
        }

        public long Minted { get; private set; }

        public string[] Issued()
        {
            lock (gate)
            {
                return new List<string>(issued.Keys).ToArray();
            }
        }

        /// <summary>The token to hand out and its remaining lifetime in whole seconds (at least 1).</summary>
        public (string Token, long ExpiresIn) Issue(DateTimeOffset now)
        {
            lock (gate)
            {
                if (current == null || now - currentIssued >= TimeSpan.FromTicks(lifetime.Ticks * 4 / 5))
                {
                    current = SandboxData.Token(64);
                    currentIssued = now;
                    issued[current] = now + lifetime;
                    order.Enqueue(current);
                    Minted++;
                    while (order.Count > 64)
                    {
                        issued.Remove(order.Dequeue());
                    }
                }

                var remaining = issued[current] - now;
                return (current, Math.Max(1, (long)Math.Ceiling(remaining.TotalSeconds)));
            }
        }

        /// <summary>0 when valid; 41001 missing, 40001 unknown, 42001 expired.</summary>
        public long Check(string token, DateTimeOffset now)
        {
            if (string.IsNullOrEmpty(token))
            {
                return 41001;
            }

            lock (gate)
            {
                if (!issued.TryGetValue(token, out var expires))
                {
                    return 40001;
                }

                return now < expires ? 0 : 42001;
            }
        }
    }
}
