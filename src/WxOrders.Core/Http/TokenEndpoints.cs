using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>
    /// The two token endpoints. WeChat: POST /cgi-bin/stable_token (not /cgi-bin/token, whose every call invalidates
    /// the token other jobs of the same app hold). Wshoto: GET /openapi/access_token.
    /// </summary>
    internal static class TokenEndpoints
    {
        public const string WeChatPath = "/cgi-bin/stable_token";
        public const string WshotoPath = "/openapi/access_token";

        public static async Task<AccessToken> FetchAsync(ApiClient client, CancellationToken cancellationToken)
        {
            var settings = client.Settings;
            string value;
            long? expiresIn;
            string path;
            if (settings.Platform == WxPlatform.WeChat)
            {
                path = WeChatPath;
                var body = JsonSerializer.SerializeToUtf8Bytes(
                    new WeChatTokenRequest { AppId = settings.AppId, Secret = SecureText.Reveal(settings.AppSecret), ForceRefresh = false },
                    CoreJsonContext.Default.WeChatTokenRequest);
                try
                {
                    var response = await client.SendAsync(new ApiRequest(HttpMethod.Post, path, body, authenticated: false), CoreJsonContext.Default.WeChatTokenResponse, null, cancellationToken).ConfigureAwait(false);
                    value = response.AccessToken;
                    expiresIn = response.ExpiresIn;
                }
                finally
                {
                    Array.Clear(body, 0, body.Length);
                }
            }
            else
            {
                path = WshotoPath;
                var query = new List<KeyValuePair<string, string>>
                {
                    new KeyValuePair<string, string>("appid", settings.AppId),
                    new KeyValuePair<string, string>("app_secret", SecureText.Reveal(settings.AppSecret)),
                };
                var response = await client.SendAsync(new ApiRequest(HttpMethod.Get, path, null, query, authenticated: false), CoreJsonContext.Default.WshotoResponseWshotoTokenData, null, cancellationToken).ConfigureAwait(false);
                value = response.Data?.AccessToken;
                expiresIn = response.Data?.ExpiresIn;
            }

            if (string.IsNullOrEmpty(value) || expiresIn == null || expiresIn.Value <= 0)
            {
                throw ErrorCatalog.InvalidData(settings.Platform, path, "the token response has no access_token or no positive expires_in");
            }

            client.Redactor.Add(value);
            return AccessToken.FromLifetime(value, TimeSpan.FromSeconds(expiresIn.Value), DateTimeOffset.UtcNow);
        }

        internal static string Describe(AccessToken token) =>
            token?.ExpiresAt == null ? "no known expiry" : "expires " + token.ExpiresAt.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }
}
