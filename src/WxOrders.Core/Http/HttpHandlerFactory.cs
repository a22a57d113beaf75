using System;
using System.Net;
using System.Net.Http;

namespace WxOrders.Http
{
    /// <summary>
    /// The HttpMessageHandler a real connection uses: gzip/deflate, no automatic redirects, the connection's proxy,
    /// and on the .NET Framework the tuning it needs.
    /// </summary>
    internal static class HttpHandlerFactory
    {
        public static HttpMessageHandler Create(ConnectionSettings settings)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                AllowAutoRedirect = false,
                UseProxy = true,
            };

            if (settings.Proxy != null)
            {
                handler.Proxy = new WebProxy(settings.Proxy) { Credentials = settings.ProxyCredential };
            }
            else if (settings.ProxyCredential != null)
            {
                handler.DefaultProxyCredentials = settings.ProxyCredential;
            }

            if (RuntimeCheck.IsNetFramework)
            {
                // Windows PowerShell 5.1: two connections per host and possibly no TLS 1.2 by default.
                ConfigureNetFramework(settings.EffectiveBaseUri);
            }

            return handler;
        }

        private static void ConfigureNetFramework(Uri baseUri)
        {
            try
            {
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
                var point = ServicePointManager.FindServicePoint(baseUri);
                if (point.ConnectionLimit < 64)
                {
                    point.ConnectionLimit = 64;
                }

                point.Expect100Continue = false;
            }
            catch (NotSupportedException)
            {
                // PlatformNotSupportedException included: nothing to tune on this runtime.
            }
        }
    }
}
