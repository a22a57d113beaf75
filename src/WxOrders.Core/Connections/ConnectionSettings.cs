using System;
using System.Net;
using System.Security;

namespace WxOrders.Http
{
    /// <summary>Everything a connection is made from. Built by Connect-WxOrders (or a test), then frozen.</summary>
    public sealed class ConnectionSettings
    {
        public static readonly Uri WeChatDefaultBaseUri = new Uri("https://api.weixin.qq.com/");
        public static readonly Uri WshotoDefaultBaseUri = new Uri("https://open.wshoto.com/");

        public string Name { get; set; }

        public WxPlatform Platform { get; set; }

        public string AppId { get; set; }

        /// <summary>The app secret, kept only as a SecureString; null for a token-only connection.</summary>
        public SecureString AppSecret { get; set; }

        /// <summary>A token managed elsewhere (Connect-WxOrders -AccessToken); null when the connection fetches its own.</summary>
        public SecureString AccessToken { get; set; }

        public Uri BaseUri { get; set; }

        /// <summary>Per-attempt timeout (Connect-WxOrders -TimeoutSec). Default 100 s.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Retries after the first attempt. Default 4; 0 means no retry.</summary>
        public int MaxRetryCount { get; set; } = 4;

        /// <summary>First back-off step; doubles each retry, with full jitter. Default 0.8 s.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.8);

        /// <summary>The longest single wait; a Retry-After above it fails at once with WxOrders.Throttled. Default 60 s.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The longest a request may spend on retries overall. Default 5 minutes.</summary>
        public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>An explicit proxy; null uses the system proxy.</summary>
        public Uri Proxy { get; set; }

        public NetworkCredential ProxyCredential { get; set; }

        public string UserAgent { get; set; }

        /// <summary>When the connection was made for a sandbox: the sandbox's id (for display only).</summary>
        public bool IsSandbox { get; set; }

        public Uri EffectiveBaseUri => BaseUri ?? (Platform == WxPlatform.WeChat ? WeChatDefaultBaseUri : WshotoDefaultBaseUri);

        /// <summary>The base URI as it may be shown: without any user name or password, query or fragment.</summary>
        public string DisplayBaseUri
        {
            get
            {
                var uri = EffectiveBaseUri;
                return uri.IsAbsoluteUri ? uri.Scheme + "://" + uri.Authority + uri.AbsolutePath : "(a relative URI)";
            }
        }

        /// <summary>Throws ArgumentException unless every value is usable; a non-HTTPS URI is refused unless its host is loopback.</summary>
        public void Validate()
        {
            if (string.IsNullOrWhiteSpace(Name))
            {
                throw new ArgumentException("A connection needs a name.", nameof(Name));
            }

            var uri = EffectiveBaseUri;
            if (!uri.IsAbsoluteUri)
            {
                throw new ArgumentException("The base URI must be absolute, such as https://api.weixin.qq.com.", nameof(BaseUri));
            }

            // Checked first, and never echoed: a user name or password in the URI is a secret too.
            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new ArgumentException("The base URI must not carry a user name or password; give proxy credentials with -ProxyCredential.", nameof(BaseUri));
            }

            if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            {
                throw new ArgumentException(
                    "The base URI '" + uri.Scheme + "://" + uri.Authority + "' is not HTTPS. Access tokens and secrets travel in every request, so WxOrders only uses HTTPS; " +
                    "plain http is accepted for a loopback address (127.0.0.1, localhost) such as the sandbox.",
                    nameof(BaseUri));
            }

            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                throw new ArgumentException("The base URI must not carry a query or a fragment.", nameof(BaseUri));
            }

            if (AppSecret == null && AccessToken == null)
            {
                throw new ArgumentException("A connection needs an app secret or an access token.");
            }

            if (AppSecret != null && string.IsNullOrWhiteSpace(AppId))
            {
                throw new ArgumentException("An AppId is needed with an app secret.", nameof(AppId));
            }

            if (Timeout <= TimeSpan.Zero || MaxRetryCount < 0 || RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero || MaxRetryTime < TimeSpan.Zero)
            {
                throw new ArgumentException("Timeouts and retry settings must not be negative.");
            }
        }
    }
}
