using System;

namespace WxOrders.Emulation.Server
{
    /// <summary>What the server writes back (or a connection reset), with the pooled body to return once sent.</summary>
    internal sealed class SandboxResponse
    {
        public int Status { get; set; } = 200;

        public string Reason { get; set; } = "OK";

        public string ContentType { get; set; } = "application/json; charset=utf-8";

        public byte[] Body { get; set; } = Array.Empty<byte>();

        public int BodyLength { get; set; } = -1;

        /// <summary>Declared Content-Length, when it should differ from the body (a cut-off response).</summary>
        public int? DeclaredLength { get; set; }

        public string RetryAfter { get; set; }

        /// <summary>Reset the TCP connection instead of answering.</summary>
        public bool Reset { get; set; }

        /// <summary>Called once the response is written (returns pooled buffers).</summary>
        public Action Written { get; set; }
    }
}
