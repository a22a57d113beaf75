using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>
    /// The one HTTP core under all four APIs: a pooled HttpClient per connection, the access token, the retry policy,
    /// envelope checks and JSON parsing straight from the response stream. Platforms call <see cref="SendAsync"/>.
    /// </summary>
    internal sealed class ApiClient : IDisposable
    {
        internal static readonly bool IsNetFramework =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        private readonly HttpClient http;
        private readonly string baseUrl;
        private readonly RetryPolicy retry;
        private long requestCount;
        private volatile bool disposed;
        private long retryCount;

        public ApiClient(ConnectionSettings settings, HttpMessageHandler handler = null, RetryPolicy retryPolicy = null)
        {
            settings.Validate();
            Settings = settings;
            Platform = settings.Platform;
            baseUrl = settings.EffectiveBaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            retry = retryPolicy ?? new RetryPolicy(settings);
            Redactor = new Redactor();

            http = new HttpClient(handler ?? CreateHandler(settings), disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            if (!string.IsNullOrEmpty(settings.UserAgent))
            {
                http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", settings.UserAgent);
            }

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
                Tokens = new TokenCache(ct => TokenEndpoints.FetchAsync(this, ct));
            }
        }

        public ConnectionSettings Settings { get; }

        public WxPlatform Platform { get; }

        public TokenCache Tokens { get; }

        public Redactor Redactor { get; }

        public long RequestCount => Interlocked.Read(ref requestCount);

        public long RetryCount => Interlocked.Read(ref retryCount);

        private static HttpMessageHandler CreateHandler(ConnectionSettings settings)
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

            if (IsNetFramework)
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

        /// <summary>
        /// Sends a read request with the connection's token and retry policy and returns the parsed, successful
        /// response. Throws <see cref="WxApiException"/> for every failure, OperationCanceledException on cancellation.
        /// </summary>
        public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, IOperationLog log, CancellationToken cancellationToken)
            where T : class, IApiEnvelope
        {
            log = log ?? NullLog.Instance;
            var clock = Stopwatch.StartNew();
            var retries = 0;
            var renewedToken = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AccessToken token = null;
                try
                {
                    if (request.Authenticated)
                    {
                        token = await Tokens.GetAsync(cancellationToken).ConfigureAwait(false);
                        if (token == null || string.IsNullOrEmpty(token.Value))
                        {
                            throw ErrorCatalog.InvalidData(Platform, request.Path, "no access token is available");
                        }
                    }

                    var response = await AttemptAsync(request, token, typeInfo, log, cancellationToken).ConfigureAwait(false);
                    var code = response.EnvelopeCode ?? 0;
                    if (code != 0)
                    {
                        throw ErrorCatalog.FromApi(Platform, request.Path, code, Redactor.Redact(response.EnvelopeMessage));
                    }

                    return response;
                }
                catch (WxApiException failure) when (!cancellationToken.IsCancellationRequested)
                {
                    failure.Retries = retries;
                    if (failure.Action == FailureAction.TokenRejected && request.Authenticated && Tokens.CanRefresh && !renewedToken)
                    {
                        renewedToken = true;
                        log.Verbose(string.Format(
                            CultureInfo.InvariantCulture,
                            "{0} {1}: the access token was rejected (error {2}); fetching a new one and repeating the request once.",
                            request.Method, request.Path, failure.ErrorCode));
                        await Tokens.RenewAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (!failure.IsTransient || retries >= retry.MaxRetryCount)
                    {
                        throw Final(failure, retries);
                    }

                    var delay = retry.Delay(retries, failure);
                    if (failure.RetryAfter.HasValue && failure.RetryAfter.Value > retry.MaxDelay)
                    {
                        throw ErrorCatalog.Throttled(Platform, request.Path, failure.RetryAfter.Value, retry.MaxDelay);
                    }

                    if (clock.Elapsed + delay > retry.MaxTotal)
                    {
                        throw Final(failure, retries);
                    }

                    retries++;
                    Interlocked.Increment(ref retryCount);
                    log.Verbose(string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} {1}: attempt {2} of {3} failed ({4}); retrying in {5:0.###} s.",
                        request.Method, request.Path, retries, retry.MaxRetryCount + 1, Reason(failure), delay.TotalSeconds));
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>POSTs <paramref name="body"/> as JSON to <paramref name="path"/> and returns the parsed success response.</summary>
        public Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, IOperationLog log, CancellationToken cancellationToken)
            where TResponse : class, IApiEnvelope
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
            return SendAsync(new ApiRequest(HttpMethod.Post, path, bytes), responseType, log, cancellationToken);
        }

        private static WxApiException Final(WxApiException failure, int retries)
        {
            if (retries == 0)
            {
                return failure;
            }

            var final = failure.WithMessage(failure.Message + string.Format(CultureInfo.InvariantCulture, " (Retried {0} time{1}.)", retries, retries == 1 ? string.Empty : "s"));
            final.Retries = retries;
            return final;
        }

        private static string Reason(WxApiException failure)
        {
            if (failure.ErrorCode.HasValue)
            {
                return "error " + failure.ErrorCode.Value.ToString(CultureInfo.InvariantCulture) + " " + failure.ErrorMessage;
            }

            return failure.ErrorMessage;
        }

        private async Task<T> AttemptAsync<T>(ApiRequest request, AccessToken token, JsonTypeInfo<T> typeInfo, IOperationLog log, CancellationToken cancellationToken)
            where T : class
        {
            Interlocked.Increment(ref requestCount);
            var watch = Stopwatch.StartNew();
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var message = new HttpRequestMessage(request.Method, BuildUrl(request, token)))
            {
                attempt.CancelAfter(Settings.Timeout);
                message.Headers.ExpectContinue = false;
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (request.Body != null)
                {
                    message.Content = new ByteArrayContent(request.Body);
                    message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                }

                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (disposed && (ex is ObjectDisposedException || ex is OperationCanceledException))
                {
                    throw ErrorCatalog.ConnectionClosed(Platform, request.Path, Settings.Name);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw ErrorCatalog.Transport(Platform, request.Path, "no response within " + Seconds(Settings.Timeout), timeout: true);
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is WebException)
                {
                    throw ErrorCatalog.Transport(Platform, request.Path, Describe(ex), timeout: false);
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    if (status < 200 || status > 299)
                    {
                        log.Debug(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> HTTP {2} in {3} ms", request.Method, request.Path, status, watch.ElapsedMilliseconds));
                        throw ErrorCatalog.FromHttpStatus(Platform, request.Path, status, Redactor.Redact(response.ReasonPhrase ?? string.Empty), RetryAfterOf(response));
                    }

                    try
                    {
                        // Disposing the response on cancellation ends a stalled body read: on .NET Framework a response
                        // stream's ReadAsync ignores its cancellation token, so -TimeoutSec and Ctrl+C rely on this.
                        T result;
                        using (attempt.Token.Register(state => ((HttpResponseMessage)state).Dispose(), response))
                        {
                            result = await ReadAsync(request, response, typeInfo, attempt.Token).ConfigureAwait(false);
                        }

                        log.Debug(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> HTTP {2} in {3} ms", request.Method, request.Path, status, watch.ElapsedMilliseconds));
                        return result;
                    }
                    catch (Exception ex) when (disposed && (ex is ObjectDisposedException || ex is OperationCanceledException || ex is IOException))
                    {
                        throw ErrorCatalog.ConnectionClosed(Platform, request.Path, Settings.Name);
                    }
                    catch (Exception ex) when (attempt.IsCancellationRequested && (ex is OperationCanceledException || ex is ObjectDisposedException || ex is IOException || ex is HttpRequestException))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        throw ErrorCatalog.Transport(Platform, request.Path, "the response did not arrive within " + Seconds(Settings.Timeout), timeout: true);
                    }
                    catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
                    {
                        throw ErrorCatalog.Transport(Platform, request.Path, "the connection broke while reading the response: " + Describe(ex), timeout: false);
                    }
                }
            }
        }

        /// <summary>
        /// Bodies up to this size are read whole and parsed from memory, about twice as fast as the serializer's
        /// resumable stream path; a larger body is parsed from the stream, so memory stays bounded.
        /// </summary>
        internal const int MaxBufferedBody = 8 * 1024 * 1024;

        private async Task<T> ReadAsync<T>(ApiRequest request, HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
            where T : class
        {
            var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var declared = response.Content.Headers.ContentLength;
            var buffer = ArrayPool<byte>.Shared.Rent(declared.HasValue && declared.Value > 0 && declared.Value < MaxBufferedBody ? (int)declared.Value + 1 : 16 * 1024);
            var filled = 0;
            try
            {
                // Up to the first byte that is not whitespace: is this JSON at all?
                var first = -1;
                while (first < 0)
                {
                    if (filled == buffer.Length)
                    {
                        filled = 0; // all whitespace so far: drop it
                    }

                    var read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    for (var i = filled; i < filled + read; i++)
                    {
                        var b = buffer[i];
                        if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                        {
                            first = i;
                            break;
                        }
                    }

                    filled += read;
                }

                if (first < 0)
                {
                    throw ErrorCatalog.InvalidData(Platform, request.Path, "the response body is empty");
                }

                var c = buffer[first];
                var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
                var looksJson = c == (byte)'{' || c == (byte)'[' || c == (byte)'"' || c == (byte)'-' || (c >= (byte)'0' && c <= (byte)'9') || c == (byte)'n' || c == (byte)'t' || c == (byte)'f';
                if (!looksJson || mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw ErrorCatalog.NonJson(Platform, request.Path, string.IsNullOrEmpty(mediaType) ? "a body starting with '" + (char)c + "'" : mediaType);
                }

                // The rest of the body, into memory while it is not too large (then the rest streams).
                var complete = false;
                while (filled - first < MaxBufferedBody)
                {
                    if (filled == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxBufferedBody, 2 * (filled - first)) + 1);
                        Buffer.BlockCopy(buffer, first, larger, 0, filled - first);
                        Return(buffer, filled);
                        buffer = larger;
                        filled -= first;
                        first = 0;
                    }

                    var room = Math.Min(buffer.Length - filled, first + MaxBufferedBody - filled);
                    var read = await stream.ReadAsync(buffer, filled, room, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        complete = true;
                        break;
                    }

                    filled += read;
                }

                T result;
                try
                {
                    if (complete)
                    {
                        result = JsonSerializer.Deserialize(new ReadOnlySpan<byte>(buffer, first, filled - first), typeInfo);
                    }
                    else
                    {
                        using (var body = new PrefixedStream(buffer, first, filled - first, stream))
                        {
                            result = await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
                catch (JsonException ex)
                {
                    throw ErrorCatalog.InvalidData(Platform, request.Path, Describe(ex));
                }
                catch (Exception ex) when (!(ex is ObjectDisposedException) && (ex is FormatException || ex is OverflowException || ex is InvalidOperationException || ex is ArgumentException || ex is DecoderFallbackException))
                {
                    throw ErrorCatalog.InvalidData(Platform, request.Path, ex.GetType().Name + ": " + ex.Message);
                }

                if (result == null)
                {
                    throw ErrorCatalog.InvalidData(Platform, request.Path, "the response is JSON null");
                }

                return result;
            }
            finally
            {
                Return(buffer, filled);
            }
        }

        /// <summary>Back to the pool, cleared first: a body may hold an access token.</summary>
        private static void Return(byte[] buffer, int used)
        {
            Array.Clear(buffer, 0, Math.Min(used, buffer.Length));
            ArrayPool<byte>.Shared.Return(buffer);
        }

        private string BuildUrl(ApiRequest request, AccessToken token)
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

            if (token != null)
            {
                url.Append(separator).Append("access_token=").Append(Uri.EscapeDataString(token.Value));
            }

            return url.ToString();
        }

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null)
            {
                return null;
            }

            if (header.Delta.HasValue)
            {
                return header.Delta.Value;
            }

            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        private string Describe(Exception ex)
        {
            // Inner exceptions say what actually happened (connection refused, reset by peer). Redacted, because a
            // runtime may one day put the URL in its text.
            var text = new StringBuilder();
            for (var e = ex; e != null && text.Length < 400; e = e.InnerException)
            {
                if (text.Length > 0)
                {
                    text.Append(": ");
                }

                text.Append(e.Message.TrimEnd('.'));
            }

            return Redactor.Redact(text.ToString());
        }

        private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

        public void Dispose()
        {
            disposed = true;
            http.Dispose();
        }
    }
}
