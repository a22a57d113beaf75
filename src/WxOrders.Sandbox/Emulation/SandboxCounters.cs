using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace WxOrders.Emulation
{
    /// <summary>What the sandbox counts: requests by route, proxied requests, token requests and injected faults.</summary>
    internal sealed class SandboxCounters
    {
        private readonly ConcurrentDictionary<string, long> requests = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<SandboxFailureKind, long> faults = new ConcurrentDictionary<SandboxFailureKind, long>();
        private long tokenRequests;
        private long proxiedRequests;

        public long ProxiedRequests => Interlocked.Read(ref proxiedRequests);

        public long TokenRequests => Interlocked.Read(ref tokenRequests);

        public long FaultTotal => faults.Values.Sum();

        public IDictionary<string, long> Requests => requests.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        public IDictionary<string, long> Faults => faults.ToDictionary(p => p.Key.ToString(), p => p.Value, StringComparer.Ordinal);

        public void CountRequest(string routeKey) => requests.AddOrUpdate(routeKey, 1, (_, n) => n + 1);

        public void CountProxied() => Interlocked.Increment(ref proxiedRequests);

        public void CountTokenRequest() => Interlocked.Increment(ref tokenRequests);

        public void CountFault(SandboxFailureKind kind) => faults.AddOrUpdate(kind, 1, (_, n) => n + 1);

        /// <summary>Requests answered for a path (any method).</summary>
        public long RequestsFor(string path) => requests.Where(p => p.Key.EndsWith(" " + path, StringComparison.Ordinal)).Sum(p => p.Value);

        /// <summary>Requests, faults and token requests back to zero (the proxied count is kept, as it always was).</summary>
        public void Reset()
        {
            requests.Clear();
            faults.Clear();
            Interlocked.Exchange(ref tokenRequests, 0);
        }
    }
}
