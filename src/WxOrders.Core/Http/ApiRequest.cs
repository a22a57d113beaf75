using System.Collections.Generic;
using System.Net.Http;

namespace WxOrders.Http
{
    /// <summary>One API call as the platforms describe it: method, path, query, JSON body.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string path, byte[] body = null, IReadOnlyList<KeyValuePair<string, string>> query = null, bool authenticated = true)
        {
            Method = method;
            Path = path;
            Body = body;
            Query = query;
            Authenticated = authenticated;
        }

        public HttpMethod Method { get; }

        /// <summary>The path, such as /shop/order/get; it is what messages show as the endpoint.</summary>
        public string Path { get; }

        /// <summary>UTF-8 JSON, or null for a GET.</summary>
        public byte[] Body { get; }

        /// <summary>Query parameters other than access_token (added by the core).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

        /// <summary>False for the token endpoints themselves.</summary>
        public bool Authenticated { get; }
    }
}
