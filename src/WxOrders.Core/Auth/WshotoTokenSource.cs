using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Json;

namespace WxOrders.Http
{
    /// <summary>Wshoto: GET /openapi/access_token?appid=...&amp;app_secret=....</summary>
    internal sealed class WshotoTokenSource : TokenSource
    {
        public WshotoTokenSource(ConnectionSettings settings, HttpTransport transport, RetryPolicy retry, Redactor redactor)
            : base(settings, transport, retry, redactor)
        {
        }

        public override async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
        {
            var query = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("appid", Settings.AppId),
                new KeyValuePair<string, string>("app_secret", SecureText.Reveal(Settings.AppSecret)),
            };
            var response = await SendAsync(new ApiRequest(HttpMethod.Get, TokenEndpoints.WshotoPath, null, query, authenticated: false), WireJsonContext.Default.WshotoResponseWshotoTokenData, cancellationToken).ConfigureAwait(false);
            return Issue(TokenEndpoints.WshotoPath, response.Data?.AccessToken, response.Data?.ExpiresIn);
        }
    }
}
