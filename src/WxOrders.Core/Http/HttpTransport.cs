using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>
    /// One attempt of one request: the connection's pooled HttpClient, the per-attempt timeout, and every way an
    /// attempt can fail mapped to a <see cref="WxApiException"/> (no answer, HTTP status, connection broken while
    /// reading, a closed connection, the platform's own error code). It never repeats anything: that is
    /// <see cref="RetryPolicy"/>'s job.
    /// </summary>
    internal sealed class HttpTransport : IDisposable
    {
        private readonly HttpClient http;
        private readonly WxPlatform platform;
        private readonly string connectionName;
        private readonly TimeSpan timeout;
        private readonly UrlBuilder urls;
        private readonly ResponseReader reader;
        private readonly Redactor redactor;
        private long requestCount;
        private volatile bool disposed;

        public HttpTransport(ConnectionSettings settings, Redactor redactor, HttpMessageHandler handler = null)
        {
            platform = settings.Platform;
            connectionName = settings.Name;
            timeout = settings.Timeout;
            this.redactor = redactor;
            urls = new UrlBuilder(settings.EffectiveBaseUri);
            reader = new ResponseReader(settings.Platform, redactor);
            http = new HttpClient(handler ?? HttpHandlerFactory.Create(settings), disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            if (!string.IsNullOrEmpty(settings.UserAgent))
            {
                http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", settings.UserAgent);
            }
        }

        /// <summary>Attempts sent so far (token requests and retries included).</summary>
        public long RequestCount => Interlocked.Read(ref requestCount);

        /// <summary>
        /// Sends <paramref name="request"/> once, with <paramref name="token"/> when it is not null, and returns the
        /// parsed success response.
        /// </summary>
        public async Task<T> SendAsync<T>(ApiRequest request, AccessToken token, JsonTypeInfo<T> typeInfo, IOperationLog log, CancellationToken cancellationToken)
            where T : class, IApiEnvelope
        {
            var response = await AttemptAsync(request, token, typeInfo, log, cancellationToken).ConfigureAwait(false);
            return Envelope.EnsureSuccess(response, platform, request.Path, redactor);
        }

        private async Task<T> AttemptAsync<T>(ApiRequest request, AccessToken token, JsonTypeInfo<T> typeInfo, IOperationLog log, CancellationToken cancellationToken)
            where T : class
        {
            Interlocked.Increment(ref requestCount);
            var watch = Stopwatch.StartNew();
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var message = new HttpRequestMessage(request.Method, urls.Build(request, token?.Value)))
            {
                attempt.CancelAfter(timeout);
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
                    throw ErrorCatalog.ConnectionClosed(platform, request.Path, connectionName);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw ErrorCatalog.Transport(platform, request.Path, "no response within " + Seconds(timeout), timeout: true);
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is WebException)
                {
                    throw ErrorCatalog.Transport(platform, request.Path, redactor.Describe(ex), timeout: false);
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    if (status < 200 || status > 299)
                    {
                        log.Debug(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> HTTP {2} in {3} ms", request.Method, request.Path, status, watch.ElapsedMilliseconds));
                        throw ErrorCatalog.FromHttpStatus(platform, request.Path, status, redactor.Redact(response.ReasonPhrase ?? string.Empty), RetryAfterOf(response));
                    }

                    try
                    {
                        // Disposing the response on cancellation ends a stalled body read: on .NET Framework a response
                        // stream's ReadAsync ignores its cancellation token, so -TimeoutSec and Ctrl+C rely on this.
                        T result;
                        using (attempt.Token.Register(state => ((HttpResponseMessage)state).Dispose(), response))
                        {
                            result = await reader.ReadAsync(request.Path, response.Content, typeInfo, attempt.Token).ConfigureAwait(false);
                        }

                        log.Debug(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> HTTP {2} in {3} ms", request.Method, request.Path, status, watch.ElapsedMilliseconds));
                        return result;
                    }
                    catch (Exception ex) when (disposed && (ex is ObjectDisposedException || ex is OperationCanceledException || ex is IOException))
                    {
                        throw ErrorCatalog.ConnectionClosed(platform, request.Path, connectionName);
                    }
                    catch (Exception ex) when (attempt.IsCancellationRequested && (ex is OperationCanceledException || ex is ObjectDisposedException || ex is IOException || ex is HttpRequestException))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        throw ErrorCatalog.Transport(platform, request.Path, "the response did not arrive within " + Seconds(timeout), timeout: true);
                    }
                    catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
                    {
                        throw ErrorCatalog.Transport(platform, request.Path, "the connection broke while reading the response: " + redactor.Describe(ex), timeout: false);
                    }
                }
            }
        }

        internal static TimeSpan? RetryAfterOf(HttpResponseMessage response)
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

        private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

        public void Dispose()
        {
            disposed = true;
            http.Dispose();
        }
    }
}
