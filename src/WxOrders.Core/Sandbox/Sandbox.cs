using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Emulation;
using WxOrders.Http;

namespace WxOrders
{
    /// <summary>
    /// A local emulator of the four order APIs and both token endpoints, on 127.0.0.1 (Start-WxOrdersSandbox).
    /// Data is generated deterministically from the seed; tokens and request bodies are checked like the real APIs.
    /// </summary>
    public sealed partial class Sandbox : IDisposable
    {
        public const string WeChatSandboxAppId = "wxsandbox0000000001";
        public const string WshotoSandboxAppId = "wssandbox0000000001";

        private readonly SandboxOptions options;
        private readonly SandboxHttpServer server;
        private readonly Dictionary<string, SandboxEndpoint> routes = new Dictionary<string, SandboxEndpoint>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, long> requestCounts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, FaultTrack> faultTracks = new ConcurrentDictionary<string, FaultTrack>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<SandboxFailureKind, long> faultCounts = new ConcurrentDictionary<SandboxFailureKind, long>();
        private readonly string weChatSecret;
        private readonly string wshotoSecret;
        private long tokenRequests;
        private long proxiedRequests;
        private long rid;
        private int stopped;

        internal static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        };

        internal Sandbox(SandboxOptions options)
        {
            this.options = options;
            if (options.OrderCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "OrderCount must be at least 1.");
            }

            weChatSecret = SandboxData.Token(32);
            wshotoSecret = SandboxData.Token(32);
            WeChatAppSecret = SecureText.Protect(weChatSecret);
            WshotoAppSecret = SecureText.Protect(wshotoSecret);
            WeChatTokens = new SandboxTokens(options.TokenLifetime);
            WshotoTokens = new SandboxTokens(options.TokenLifetime);

            foreach (var endpoint in SandboxEndpoints.Create(this))
            {
                routes[endpoint.Method + " " + endpoint.Path] = endpoint;
            }

            server = new SandboxHttpServer(options.Port, HandleAsync);
            BaseUri = new Uri("http://127.0.0.1:" + server.Port.ToString(CultureInfo.InvariantCulture) + "/");
            StartedAt = DateTimeOffset.Now;
        }

        /// <summary>Starts a sandbox with default options on a free port (for code outside PowerShell).</summary>
        public static Sandbox Start(int seed = 1, int orderCount = 1000) => new Sandbox(new SandboxOptions { Seed = seed, OrderCount = orderCount });

        /// <summary>http://127.0.0.1:port/ : the base URI of both platforms in the sandbox.</summary>
        public Uri BaseUri { get; }

        public int Port => server.Port;

        public int Seed => options.Seed;

        public int OrderCount => options.OrderCount;

        public DateTimeOffset StartedAt { get; }

        public bool IsRunning => Volatile.Read(ref stopped) == 0;

        public TimeSpan Latency => options.Latency;

        public double FailureRate => options.FailureRate;

        public TimeSpan TokenLifetime => options.TokenLifetime;

        public string WeChatAppId => WeChatSandboxAppId;

        public SecureString WeChatAppSecret { get; }

        public string WshotoAppId => WshotoSandboxAppId;

        public SecureString WshotoAppSecret { get; }

        /// <summary>Ten shop orders to look up (OrderId, OpenId): pipe them to Get-ShopOrder.</summary>
        public ShopOrderSample[] SampleShopOrders => GetShopOrderSamples(10);

        /// <summary>Ten co-account orders (ShopAppId, OrderId), as notification events name them: pipe them to Get-CoopOrder.</summary>
        public CoopOrderSample[] SampleCoopOrders => GetCoopOrderSamples(10);

        /// <summary>Ten Wshoto order numbers (19 digits): pipe them to Get-WshotoOrder.</summary>
        public string[] SampleWshotoOrderSns => GetWshotoOrderSns(10);

        /// <summary>Requests that arrived in proxy form (absolute URI): the sandbox was used as a client's -Proxy.</summary>
        public long ProxiedRequestCount => Interlocked.Read(ref proxiedRequests);

        /// <summary>Token requests answered (both platforms).</summary>
        public long TokenFetchCount => Interlocked.Read(ref tokenRequests);

        /// <summary>Distinct tokens minted (both platforms): how many times a token expired or was first issued.</summary>
        public long TokensIssued => WeChatTokens.Minted + WshotoTokens.Minted;

        /// <summary>Faults injected so far, by kind.</summary>
        public IDictionary<string, long> FaultCounts => faultCounts.ToDictionary(p => p.Key.ToString(), p => p.Value, StringComparer.Ordinal);

        /// <summary>Total faults injected so far.</summary>
        public long FaultCount => faultCounts.Values.Sum();

        /// <summary>Requests answered so far, by "METHOD /path".</summary>
        public IDictionary<string, long> RequestCounts => requestCounts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        internal SandboxOptions Options => options;

        internal SandboxTokens WeChatTokens { get; }

        internal SandboxTokens WshotoTokens { get; }

        /// <summary>Requests answered for a path (any method), such as /shop/order/get.</summary>
        public long GetRequestCount(string path) =>
            requestCounts.Where(p => p.Key.EndsWith(" " + path, StringComparison.Ordinal)).Sum(p => p.Value);

        /// <summary>
        /// The access tokens this sandbox has issued (at most the last 64 per platform), for tests that prove no token
        /// reaches any output. A method, not a property, so the sandbox object itself never shows them.
        /// </summary>
        public string[] GetIssuedTokens() => WeChatTokens.Issued().Concat(WshotoTokens.Issued()).ToArray();

        /// <summary>Sets every counter back to zero.</summary>
        public void ResetCounters()
        {
            requestCounts.Clear();
            faultCounts.Clear();
            Interlocked.Exchange(ref tokenRequests, 0);
        }

        /// <summary>The first <paramref name="count"/> shop orders of the data set, as lookup keys.</summary>
        public ShopOrderSample[] GetShopOrderSamples(int count) =>
            Enumerable.Range(0, Math.Min(count, options.OrderCount)).Select(i => ShopSandbox.Sample(this, i)).ToArray();

        /// <summary>The first <paramref name="count"/> co-account orders of the data set, as lookup keys.</summary>
        public CoopOrderSample[] GetCoopOrderSamples(int count) =>
            Enumerable.Range(0, Math.Min(count, options.OrderCount)).Select(i => CoopSandbox.Sample(this, i)).ToArray();

        /// <summary>The first <paramref name="count"/> Wshoto order numbers of the data set.</summary>
        public string[] GetWshotoOrderSns(int count) =>
            Enumerable.Range(0, Math.Min(count, options.OrderCount)).Select(WshotoSandbox.OrderSnText).ToArray();

        public void Stop() => Dispose();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 0)
            {
                server.Dispose();
            }
        }

        public override string ToString() => BaseUri.ToString();

        internal bool CheckSecret(WxPlatform platform, string appId, string secret, out long code)
        {
            var expectedId = platform == WxPlatform.WeChat ? WeChatSandboxAppId : WshotoSandboxAppId;
            var expectedSecret = platform == WxPlatform.WeChat ? weChatSecret : wshotoSecret;
            if (!string.Equals(appId, expectedId, StringComparison.Ordinal))
            {
                code = 40013;
                return false;
            }

            if (!string.Equals(secret, expectedSecret, StringComparison.Ordinal))
            {
                code = 40125;
                return false;
            }

            code = 0;
            return true;
        }

        internal void CountTokenRequest() => Interlocked.Increment(ref tokenRequests);

        private async Task<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken)
        {
            var routeKey = request.Method + " " + request.Path;
            requestCounts.AddOrUpdate(routeKey, 1, (_, n) => n + 1);
            if (request.Headers.ContainsKey("X-Sandbox-Proxied"))
            {
                Interlocked.Increment(ref proxiedRequests);
            }
            if (!routes.TryGetValue(routeKey, out var endpoint))
            {
                return new SandboxResponse { Status = 404, Reason = "Not Found", ContentType = "text/plain", Body = Encoding.ASCII.GetBytes("no such endpoint in the sandbox: " + routeKey) };
            }

            // Latency is the order APIs' own: token requests answer at once (a client fetches a token rarely).
            if (options.Latency > TimeSpan.Zero && endpoint.Authenticated)
            {
                await Task.Delay(options.Latency, cancellationToken).ConfigureAwait(false);
            }

            if (endpoint.Authenticated)
            {
                var tokens = endpoint.Platform == WxPlatform.WeChat ? WeChatTokens : WshotoTokens;
                var check = tokens.Check(request.QueryValue("access_token"), DateTimeOffset.UtcNow);
                if (check != 0)
                {
                    return Error(endpoint.Platform, check, check == 41001 ? "access_token missing" : check == 42001 ? "access_token expired" : "invalid credential, access_token is invalid or not latest");
                }
            }

            var fault = endpoint.Authenticated ? DecideFault(endpoint, request) : null;
            if (fault.HasValue)
            {
                faultCounts.AddOrUpdate(fault.Value, 1, (_, n) => n + 1);
                var injected = await FaultAsync(endpoint.Platform, fault.Value, cancellationToken).ConfigureAwait(false);
                if (injected != null)
                {
                    return injected;
                }
            }

            var response = endpoint.Handle(request);
            if (options.MalformedResponses.Count > 0 && response.Status == 200 &&
                options.MalformedResponses.TryGetValue(endpoint.FaultKey(request) ?? string.Empty, out var malformation))
            {
                response = Malform(endpoint.Platform, response, malformation);
            }

            return response;
        }

        private static SandboxResponse Malform(WxPlatform platform, SandboxResponse response, SandboxMalformation how)
        {
            var codeKey = platform == WxPlatform.WeChat ? "errcode" : "code";
            string text;
            switch (how)
            {
                case SandboxMalformation.Truncated:
                    var length = (response.BodyLength >= 0 ? response.BodyLength : response.Body.Length) / 2;
                    return new SandboxResponse { Body = response.Body, BodyLength = length };
                case SandboxMalformation.WrongType:
                    text = platform == WxPlatform.WeChat
                        ? "{\"errcode\":{\"value\":0},\"errmsg\":[\"ok\"]}"
                        : "{\"code\":\"zero\",\"msg\":[],\"data\":1,\"sub_code\":{}}";
                    break;
                case SandboxMalformation.HugeNumber:
                    text = "{\"" + codeKey + "\":123456789012345678901234567890123456789,\"errmsg\":\"ok\"}";
                    break;
                case SandboxMalformation.DeepNesting:
                    text = "{\"" + codeKey + "\":0,\"deep\":" + new string('[', 1000) + new string(']', 1000) + "}";
                    break;
                case SandboxMalformation.EmptyBody:
                    text = string.Empty;
                    break;
                default:
                    text = "[{\"" + codeKey + "\":0}]";
                    break;
            }

            return new SandboxResponse { Body = Encoding.UTF8.GetBytes(text) };
        }

        private SandboxFailureKind? DecideFault(SandboxEndpoint endpoint, SandboxRequest request)
        {
            if (options.FailureRate <= 0 || options.FailureKinds == null || options.FailureKinds.Length == 0)
            {
                return null;
            }

            var key = endpoint.Path + "|" + (endpoint.FaultKey(request) ?? string.Empty);
            var track = faultTracks.GetOrAdd(key, _ => new FaultTrack());
            lock (track)
            {
                var attempt = (ulong)track.Attempts++;
                var keyHash = StableHash(key);
                if (track.Consecutive >= options.MaxConsecutiveFailures || !SandboxData.Chance(options.Seed, keyHash, attempt, options.FailureRate))
                {
                    track.Consecutive = 0;
                    return null;
                }

                var kind = options.FailureKinds[SandboxData.Int(options.Seed, keyHash ^ 0x5bd1e995UL, attempt, options.FailureKinds.Length)];
                if (kind == SandboxFailureKind.TokenExpired)
                {
                    // A client renews a rejected token once per request: never reject the same key's token twice.
                    if (track.TokenRejected)
                    {
                        kind = SandboxFailureKind.Busy;
                    }

                    track.TokenRejected = true;
                }

                track.Consecutive++;
                return kind;
            }
        }

        private async Task<SandboxResponse> FaultAsync(WxPlatform platform, SandboxFailureKind kind, CancellationToken cancellationToken)
        {
            switch (kind)
            {
                case SandboxFailureKind.Busy:
                    return Error(platform, -1, "system error");
                case SandboxFailureKind.MinuteQuota:
                    return Error(platform, 45011, "api minute-quota reach limit  mustslower  retry next minute");
                case SandboxFailureKind.TokenExpired:
                    return Error(platform, 42001, "access_token expired");
                case SandboxFailureKind.ServerError:
                    return new SandboxResponse { Status = 503, Reason = "Service Unavailable", ContentType = "text/html", Body = Encoding.ASCII.GetBytes("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>") };
                case SandboxFailureKind.HtmlGatewayPage:
                    return new SandboxResponse { ContentType = "text/html; charset=utf-8", Body = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>") };
                case SandboxFailureKind.ConnectionReset:
                    return new SandboxResponse { Reset = true };
                case SandboxFailureKind.Timeout:
                    await Task.Delay(options.TimeoutFaultDelay, cancellationToken).ConfigureAwait(false);
                    return null;
                default:
                    return null;
            }
        }

        internal static ulong StableHash(string s)
        {
            // FNV-1a 64: string.GetHashCode differs between processes.
            var h = 14695981039346656037UL;
            foreach (var c in s)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            return h;
        }

        internal bool TryPermanentFailure(string key, out long code) =>
            options.PermanentFailures.TryGetValue(key ?? string.Empty, out code);

        internal string NextRid()
        {
            var n = Interlocked.Increment(ref rid);
            return "6" + n.ToString("x7", CultureInfo.InvariantCulture) + "-" + ((ulong)n * 2654435761UL % 0xFFFFFFFF).ToString("x8", CultureInfo.InvariantCulture);
        }

        /// <summary>The platform's error envelope.</summary>
        internal SandboxResponse Error(WxPlatform platform, long code, string message)
        {
            return Json(w =>
            {
                w.WriteStartObject();
                if (platform == WxPlatform.WeChat)
                {
                    w.WriteNumber("errcode", code);
                    w.WriteString("errmsg", message + " rid: " + NextRid());
                }
                else
                {
                    w.WriteNumber("code", code);
                    w.WriteString("msg", message);
                    w.WriteNull("data");
                    w.WriteString("sub_code", code.ToString(CultureInfo.InvariantCulture));
                }

                w.WriteEndObject();
            });
        }

        /// <summary>A WeChat success: errcode 0, errmsg ok, then the payload's properties.</summary>
        /// <param name="capacity">Expected body size in bytes, for large pages (saves regrowing the buffer).</param>
        internal SandboxResponse WeChatOk(Action<Utf8JsonWriter> payload, int capacity = 1024)
        {
            return Json(
                w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("errcode", 0);
                    w.WriteString("errmsg", "ok");
                    payload(w);
                    w.WriteEndObject();
                },
                capacity);
        }

        /// <summary>A Wshoto success: code 0, msg, data (written by <paramref name="data"/>), sub_code.</summary>
        internal SandboxResponse WshotoOk(Action<Utf8JsonWriter> data)
        {
            return Json(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("code", 0);
                w.WriteString("msg", "请求成功");
                w.WritePropertyName("data");
                data(w);
                w.WriteString("sub_code", "00000");
                w.WriteEndObject();
            });
        }

        internal static SandboxResponse Json(Action<Utf8JsonWriter> write, int capacity = 1024)
        {
            // Written straight into one pooled buffer (no writer-internal buffer, no MemoryStream copy: a page of
            // orders is otherwise several large-object-heap arrays per response); the server returns it once sent.
            var body = new PooledBody(Math.Max(256, capacity));
            using (var w = new Utf8JsonWriter(body, WriterOptions))
            {
                write(w);
            }

            return new SandboxResponse { Body = body.Buffer, BodyLength = body.Count, Written = body.Release };
        }

        /// <summary>A growable buffer from ArrayPool for one response body.</summary>
        private sealed class PooledBody : IBufferWriter<byte>
        {
            private byte[] buffer;
            private int count;

            public PooledBody(int capacity)
            {
                buffer = ArrayPool<byte>.Shared.Rent(capacity);
            }

            public byte[] Buffer => buffer;

            public int Count => count;

            public void Advance(int bytes) => count += bytes;

            public Memory<byte> GetMemory(int sizeHint = 0)
            {
                Ensure(sizeHint);
                return buffer.AsMemory(count);
            }

            public Span<byte> GetSpan(int sizeHint = 0)
            {
                Ensure(sizeHint);
                return buffer.AsSpan(count);
            }

            /// <summary>Back to the pool (once). The response must not be read after this.</summary>
            public void Release()
            {
                var b = Interlocked.Exchange(ref buffer, null);
                if (b != null)
                {
                    Array.Clear(b, 0, count); // a token response passes through here too
                    ArrayPool<byte>.Shared.Return(b);
                }
            }

            private void Ensure(int sizeHint)
            {
                var need = count + Math.Max(sizeHint, 1);
                if (need <= buffer.Length)
                {
                    return;
                }

                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(need, buffer.Length * 2));
                System.Buffer.BlockCopy(buffer, 0, larger, 0, count);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }

        private sealed class FaultTrack
        {
            public long Attempts;
            public int Consecutive;
            public bool TokenRejected;
        }
    }
}
