using System;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>
    /// What both platforms' token sources share: the token request goes over the connection's transport (counted
    /// with its requests, without a token) and retry policy; the answer must hold a token and a positive lifetime; the
    /// token is registered with the redactor before anything can show it.
    /// </summary>
    internal abstract class TokenSource : ITokenSource
    {
        private readonly HttpTransport transport;
        private readonly RetryPolicy retry;
        private readonly Redactor redactor;

        protected TokenSource(ConnectionSettings settings, HttpTransport transport, RetryPolicy retry, Redactor redactor)
        {
            Settings = settings;
            this.transport = transport;
            this.retry = retry;
            this.redactor = redactor;
        }

        protected ConnectionSettings Settings { get; }

        public abstract Task<AccessToken> FetchAsync(CancellationToken cancellationToken);

        protected Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
            where T : class, IApiEnvelope
        {
            return retry.RunAsync(request, ct => transport.SendAsync(request, null, typeInfo, NullLog.Instance, ct), NullLog.Instance, cancellationToken);
        }

        protected AccessToken Issue(string path, string value, long? expiresIn)
        {
            if (string.IsNullOrEmpty(value) || expiresIn == null || expiresIn.Value <= 0)
            {
                throw ErrorCatalog.InvalidData(Settings.Platform, path, "the token response has no access_token or no positive expires_in");
            }

            redactor.Add(value);
            return AccessToken.FromLifetime(value, TimeSpan.FromSeconds(expiresIn.Value), DateTimeOffset.UtcNow);
        }
    }
}
