using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>
    /// The one HTTP core under all four APIs, one per connection. Platforms call <see cref="SendAsync"/> or
    /// <see cref="PostAsync"/>; a request goes through these parts, each with one job:
    /// <see cref="RetryPolicy"/> (the loop: repeat or give up) -> <see cref="RequestToken"/> (the token from
    /// <see cref="TokenCache"/>, renewed once after a rejection) -> <see cref="HttpTransport"/> (one attempt: URL from
    /// <see cref="UrlBuilder"/>, HTTP, error mapping) -> <see cref="ResponseReader"/> (sniff, buffer, parse) -> the
    /// envelope check (<see cref="Envelope"/>). Tokens come from the platform's <see cref="ITokenSource"/>, which uses
    /// the same transport and retry policy.
    /// </summary>
    internal sealed class ApiClient : IDisposable
    {
        private readonly HttpTransport transport;
        private readonly RetryPolicy retry;

        public ApiClient(ConnectionSettings settings, HttpMessageHandler handler = null, RetryPolicy retryPolicy = null)
        {
            settings.Validate();
            Settings = settings;
            Platform = settings.Platform;
            retry = retryPolicy ?? new RetryPolicy(settings);
            Redactor = new Redactor();
            transport = new HttpTransport(settings, Redactor, handler);

            var secret = SecureText.Reveal(settings.AppSecret);
            Redactor.Add(secret);
            secret = null;

            if (settings.AccessToken != null)
            {
                var fixedToken = SecureText.Reveal(settings.AccessToken);
                Redactor.Add(fixedToken);
                Tokens = new TokenCache(null, new AccessToken(fixedToken, null, null));
            }
            else
            {
                Tokens = new TokenCache(TokenEndpoints.SourceFor(settings, transport, retry, Redactor).FetchAsync);
            }
        }

        public ConnectionSettings Settings { get; }

        public WxPlatform Platform { get; }

        public TokenCache Tokens { get; }

        public Redactor Redactor { get; }

        public long RequestCount => transport.RequestCount;

        public long RetryCount => retry.RetryCount;

        /// <summary>
        /// Sends a read request with the connection's token and retry policy and returns the parsed, successful
        /// response. Throws <see cref="WxApiException"/> for every failure, OperationCanceledException on cancellation.
        /// </summary>
        public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, IOperationLog log, CancellationToken cancellationToken)
            where T : class, IApiEnvelope
        {
            log = log ?? NullLog.Instance;
            if (!request.Authenticated)
            {
                return retry.RunAsync(request, ct => transport.SendAsync(request, null, typeInfo, log, ct), log, cancellationToken);
            }

            var token = new RequestToken(Tokens, request, log);
            return retry.RunAsync(
                request,
                async ct => await transport.SendAsync(request, await token.GetAsync(Platform, ct).ConfigureAwait(false), typeInfo, log, ct).ConfigureAwait(false),
                log,
                cancellationToken,
                token.RenewIfRejectedAsync);
        }

        /// <summary>POSTs <paramref name="body"/> as JSON to <paramref name="path"/> and returns the parsed success response.</summary>
        public Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, IOperationLog log, CancellationToken cancellationToken)
            where TResponse : class, IApiEnvelope
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
            return SendAsync(new ApiRequest(HttpMethod.Post, path, bytes), responseType, log, cancellationToken);
        }

        public void Dispose() => transport.Dispose();
    }
}
