using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Json;

namespace WxOrders.Http
{
    /// <summary>
    /// WeChat: POST /cgi-bin/stable_token with force_refresh false, so every job of the same app shares one token
    /// (https://developers.weixin.qq.com/doc/service/en/api/base/api_getstableaccesstoken.html).
    /// </summary>
    internal sealed class WeChatStableTokenSource : TokenSource
    {
        public WeChatStableTokenSource(ConnectionSettings settings, HttpTransport transport, RetryPolicy retry, Redactor redactor)
            : base(settings, transport, retry, redactor)
        {
        }

        public override async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(
                new WeChatTokenRequest { AppId = Settings.AppId, Secret = SecureText.Reveal(Settings.AppSecret), ForceRefresh = false },
                WireJsonContext.Default.WeChatTokenRequest);
            try
            {
                var response = await SendAsync(new ApiRequest(HttpMethod.Post, TokenEndpoints.WeChatPath, body, authenticated: false), WireJsonContext.Default.WeChatTokenResponse, cancellationToken).ConfigureAwait(false);
                return Issue(TokenEndpoints.WeChatPath, response.AccessToken, response.ExpiresIn);
            }
            finally
            {
                Array.Clear(body, 0, body.Length);
            }
        }
    }
}
