using System;
using System.Collections.Generic;

namespace WxOrders.Emulation.Server
{
    /// <summary>One parsed HTTP request: method, path, query, headers and body.</summary>
    internal sealed class SandboxRequest
    {
        public string Method { get; set; }

        public string Path { get; set; }

        public Dictionary<string, string> Query { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public byte[] Body { get; set; }

        public string QueryValue(string key) => Query.TryGetValue(key, out var v) ? v : null;
    }
}
