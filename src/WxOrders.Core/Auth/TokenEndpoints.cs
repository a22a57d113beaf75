using System;
using System.Globalization;

namespace WxOrders.Http
{
    /// <summary>
    /// The two token endpoints and the token source each platform uses. WeChat: POST /cgi-bin/stable_token (not
    /// /cgi-bin/token, whose every call invalidates the token other jobs of the same app hold). Wshoto: GET /openapi/access_token.
    /// </summary>
    internal static class TokenEndpoints
    {
        public const string WeChatPath = "/cgi-bin/stable_token";
        public const string WshotoPath = "/openapi/access_token";

        /// <summary>The source that fetches tokens for <paramref name="settings"/>'s platform over the connection's own transport and retry policy.</summary>
        public static ITokenSource SourceFor(ConnectionSettings settings, HttpTransport transport, RetryPolicy retry, Redactor redactor)
        {
            if (settings.Platform == WxPlatform.WeChat)
            {
                return new WeChatStableTokenSource(settings, transport, retry, redactor);
            }

            return new WshotoTokenSource(settings, transport, retry, redactor);
        }

        internal static string Describe(AccessToken token) =>
            token?.ExpiresAt == null ? "no known expiry" : "expires " + token.ExpiresAt.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }
}
