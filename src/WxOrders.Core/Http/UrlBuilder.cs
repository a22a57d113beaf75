using System;
using System.Text;

namespace WxOrders.Http
{
    /// <summary>
    /// A request's URL: the connection's base URI (its path kept, so a base such as https://host/prefix/ works), the
    /// API path, the query parameters escaped in order, and access_token last.
    /// </summary>
    internal sealed class UrlBuilder
    {
        private readonly string baseUrl;

        public UrlBuilder(Uri baseUri)
        {
            baseUrl = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        /// <param name="accessToken">The token to send, or null for the token endpoints themselves.</param>
        public string Build(ApiRequest request, string accessToken)
        {
            var url = new StringBuilder(baseUrl.Length + request.Path.Length + 128);
            url.Append(baseUrl).Append(request.Path);
            var separator = '?';
            if (request.Query != null)
            {
                foreach (var pair in request.Query)
                {
                    url.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value ?? string.Empty));
                    separator = '&';
                }
            }

            if (accessToken != null)
            {
                url.Append(separator).Append("access_token=").Append(Uri.EscapeDataString(accessToken));
            }

            return url.ToString();
        }
    }
}
