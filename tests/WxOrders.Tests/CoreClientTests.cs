using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Platforms.Shop;
using Xunit;

namespace WxOrders.Tests
{
    public class CoreClientTests
    {
        private const string Secret = "S3cr3t-app-secret-value-0001";
        private const string OrderOk = "{\"errcode\":0,\"errmsg\":\"ok\",\"order\":{\"order_id\":42,\"status\":20}}";

        private sealed class ListLog : IOperationLog
        {
            public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

            public void Verbose(string message) => Lines.Enqueue("V " + message);

            public void Debug(string message) => Lines.Enqueue("D " + message);
        }

        private static ConnectionSettings Settings(WxPlatform platform = WxPlatform.WeChat, int maxRetries = 4) => new ConnectionSettings
        {
            Name = "t",
            Platform = platform,
            AppId = "wxtest",
            AppSecret = SecureText.Protect(Secret),
            BaseUri = new Uri("https://api.test/"),
            MaxRetryCount = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };

        private static HttpResponseMessage TokenReply(int n) =>
            ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}");

        private static Task<ShopOrder> GetOrder(ApiClient client, IOperationLog log = null) =>
            ShopApi.GetOrderAsync(client, new ShopOrderKey(42, null, "oOpenId"), log, CancellationToken.None);

        [Fact]
        public async Task UsesStableTokenAndSendsTheTokenAsQueryParameter()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath ? TokenReply(n) : ScriptedHandler.Json(OrderOk));
            using var client = new ApiClient(Settings(), handler);
            var order = await GetOrder(client);
            Assert.Equal(42UL, order.OrderId);
            Assert.Equal("https://api.test/cgi-bin/stable_token", handler.Urls[0]);
            Assert.Contains("\"grant_type\":\"client_credential\"", handler.Bodies[0]);
            Assert.Contains("\"force_refresh\":false", handler.Bodies[0]);
            Assert.Contains("\"appid\":\"wxtest\"", handler.Bodies[0]);
            Assert.Equal("https://api.test/shop/order/get?access_token=" + ScriptedHandler.Token(1), handler.Urls[1]);
            Assert.Equal("{\"order_id\":42,\"openid\":\"oOpenId\"}", handler.Bodies[1]);
        }

        [Fact]
        public async Task ManyConcurrentRequestsShareOneTokenFetch()
        {
            var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var handler = new ScriptedHandler((req, body, n) =>
            {
                if (req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath)
                {
                    release.Task.Wait(TimeSpan.FromSeconds(10)); // hold the token answer until every request waits
                    return TokenReply(n);
                }

                return ScriptedHandler.Json(OrderOk);
            });
            using var client = new ApiClient(Settings(), handler);
            var requests = Enumerable.Range(0, 64).Select(_ => Task.Run(() => GetOrder(client))).ToArray();
            await Task.Delay(200);
            release.SetResult(true);
            var orders = await Task.WhenAll(requests);
            Assert.Equal(64, orders.Length);
            Assert.Equal(1, handler.Count(TokenEndpoints.WeChatPath));
            Assert.Equal(64, handler.Count("/shop/order/get"));
            Assert.All(handler.Urls.Where(u => u.Contains("/shop/")), u => Assert.EndsWith("access_token=" + ScriptedHandler.Token(1), u));
        }

        [Fact]
        public async Task ApiErrorBecomesWxApiExceptionWithoutRetry()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? TokenReply(n)
                : ScriptedHandler.Json("{\"errcode\":48001,\"errmsg\":\"api unauthorized rid: 6430a1b2-4c5d6e7f\"}"));
            using var client = new ApiClient(Settings(), handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => GetOrder(client));
            Assert.Equal(WxPlatform.WeChat, ex.Platform);
            Assert.Equal("/shop/order/get", ex.Endpoint);
            Assert.Equal(48001, ex.ErrorCode);
            Assert.Equal("api unauthorized rid: 6430a1b2-4c5d6e7f", ex.ErrorMessage);
            Assert.Equal("6430a1b2-4c5d6e7f", ex.RequestId);
            Assert.Equal("WxApi.48001", ex.ErrorId);
            Assert.Equal(WxErrorCategory.PermissionDenied, ex.Category);
            Assert.Contains("not authorised", ex.Message);
            Assert.Equal(1, handler.Count("/shop/order/get"));
        }

        [Fact]
        public async Task TransientFailuresAreRetriedWithAVerboseLineEach()
        {
            var handler = new ScriptedHandler((req, body, n) =>
            {
                if (req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath)
                {
                    return TokenReply(n);
                }

                switch (n)
                {
                    case 1: return ScriptedHandler.Text("<html>503</html>", "text/html", HttpStatusCode.ServiceUnavailable);
                    case 2: return ScriptedHandler.Text("<html><body>502 Bad Gateway</body></html>", "text/html");
                    case 3: return ScriptedHandler.Json("{\"errcode\":-1,\"errmsg\":\"system error\"}");
                    case 4: return ScriptedHandler.Json("{\"errcode\":45011,\"errmsg\":\"minute quota\"}");
                    default: return ScriptedHandler.Json(OrderOk);
                }
            });
            var log = new ListLog();
            using var client = new ApiClient(Settings(), handler);
            var order = await GetOrder(client, log);
            Assert.Equal(42UL, order.OrderId);
            Assert.Equal(5, handler.Count("/shop/order/get"));
            var retries = log.Lines.Where(l => l.StartsWith("V ") && l.Contains("retrying in")).ToList();
            Assert.Equal(4, retries.Count);
            Assert.All(retries, l => Assert.Contains("POST /shop/order/get: attempt", l));
            Assert.Contains("HTTP 503", retries[0]);
            Assert.Contains("error -1", retries[2]);
            Assert.Contains("error 45011", retries[3]);
            Assert.Equal(4, client.RetryCount);
        }

        [Fact]
        public async Task RetriesStopAtTheCapAndTheErrorSaysSo()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? TokenReply(n)
                : ScriptedHandler.Text("busy", "text/plain", HttpStatusCode.BadGateway));
            using var client = new ApiClient(Settings(maxRetries: 2), handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => GetOrder(client));
            Assert.Equal(3, handler.Count("/shop/order/get"));
            Assert.Equal(502, ex.HttpStatus);
            Assert.Equal(2, ex.Retries);
            Assert.Contains("Retried 2 times", ex.Message);
            Assert.Contains("-MaxRetryCount", ex.Message);
        }

        [Fact]
        public async Task MaxRetryCountZeroMeansOneAttempt()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? TokenReply(n)
                : ScriptedHandler.Json("{\"errcode\":-1,\"errmsg\":\"system error\"}"));
            using var client = new ApiClient(Settings(maxRetries: 0), handler);
            await Assert.ThrowsAsync<WxApiException>(() => GetOrder(client));
            Assert.Equal(1, handler.Count("/shop/order/get"));
        }

        [Fact]
        public async Task RejectedTokenIsRenewedOnceAndTheRequestRepeatedOnce()
        {
            var handler = new ScriptedHandler((req, body, n) =>
            {
                if (req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath)
                {
                    return TokenReply(n);
                }

                return req.RequestUri.Query.Contains(ScriptedHandler.Token(1))
                    ? ScriptedHandler.Json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")
                    : ScriptedHandler.Json(OrderOk);
            });
            using var client = new ApiClient(Settings(), handler);
            var order = await GetOrder(client);
            Assert.Equal(42UL, order.OrderId);
            Assert.Equal(2, handler.Count(TokenEndpoints.WeChatPath));
            Assert.Equal(2, handler.Count("/shop/order/get"));
        }

        [Fact]
        public async Task ASecondRejectionIsAnErrorNotALoop()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? TokenReply(n)
                : ScriptedHandler.Json("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"));
            using var client = new ApiClient(Settings(), handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => GetOrder(client));
            Assert.Equal(42001, ex.ErrorCode);
            Assert.Equal(WxErrorCategory.AuthenticationError, ex.Category);
            Assert.Equal(2, handler.Count(TokenEndpoints.WeChatPath));
            Assert.Equal(2, handler.Count("/shop/order/get"));
        }

        [Theory]
        [InlineData("{\"errcode\":0,\"order\":{\"order_id\":1,")]
        [InlineData("{\"errcode\":0,\"order\":{\"order_id\":\"x\"}}")]
        [InlineData("[1,2,3]")]
        [InlineData("")]
        [InlineData("null")]
        [InlineData("{\"errcode\":0,\"errmsg\":\"ok\"}")]
        public async Task MalformedBodiesAreInvalidDataWithoutRetry(string body)
        {
            var handler = new ScriptedHandler((req, b, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath ? TokenReply(n) : ScriptedHandler.Json(body));
            using var client = new ApiClient(Settings(), handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => GetOrder(client));
            Assert.Equal(WxErrorCategory.InvalidData, ex.Category);
            Assert.Equal("WxOrders.InvalidResponse", ex.ErrorId);
            Assert.Equal(1, handler.Count("/shop/order/get"));
        }

        [Fact]
        public async Task DeepNestingIsInvalidData()
        {
            var deep = "{\"errcode\":0,\"order\":{\"order_id\":1,\"x\":" + string.Concat(Enumerable.Repeat("[", 500)) + string.Concat(Enumerable.Repeat("]", 500)) + "}}";
            var handler = new ScriptedHandler((req, b, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath ? TokenReply(n) : ScriptedHandler.Json(deep));
            using var client = new ApiClient(Settings(), handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => GetOrder(client));
            Assert.Equal(WxErrorCategory.InvalidData, ex.Category);
        }

        [Fact]
        public async Task SecretsNeverAppearInMessagesOrLogs()
        {
            // A hostile server echoes the token and the secret back in its error message.
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? TokenReply(n)
                : ScriptedHandler.Json("{\"errcode\":40164,\"errmsg\":\"invalid ip 203.0.113.7, not in whitelist, url " + req.RequestUri + " secret=" + Secret + " token " + ScriptedHandler.Token(1) + "\"}"));
            var log = new ListLog();
            using var client = new ApiClient(Settings(), handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => GetOrder(client, log));
            var texts = new[] { ex.Message, ex.ErrorMessage, ex.ToString() }.Concat(log.Lines).ToList();
            foreach (var t in texts)
            {
                Assert.DoesNotContain(Secret, t);
                Assert.DoesNotContain(ScriptedHandler.Token(1), t);
            }

            Assert.Contains("203.0.113.7", ex.Message);
            Assert.Equal(WxErrorCategory.PermissionDenied, ex.Category);
        }

        [Fact]
        public async Task WshotoTokenAndEnvelope()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WshotoPath
                ? ScriptedHandler.Json("{\"code\":0,\"msg\":\"ok\",\"data\":{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200,\"create_at\":1700000000}}")
                : ScriptedHandler.Json("{\"code\":20001,\"msg\":\"订单不存在\",\"data\":null,\"sub_code\":\"20001\"}"));
            using var client = new ApiClient(Settings(WxPlatform.Wshoto), handler);
            var token = await client.Tokens.FetchNowAsync(CancellationToken.None);
            Assert.Equal(ScriptedHandler.Token(1), token.Value);
            Assert.StartsWith("https://api.test/openapi/access_token?appid=wxtest&app_secret=", handler.Urls[0]);
        }

        [Fact]
        public void PlainHttpIsRefusedUnlessLoopback()
        {
            var s = Settings();
            s.BaseUri = new Uri("http://example.com/");
            Assert.Throws<ArgumentException>(() => s.Validate());
            s.BaseUri = new Uri("http://127.0.0.1:8080/");
            s.Validate();
            s.BaseUri = new Uri("http://localhost:8080/");
            s.Validate();
        }

        private sealed class HeldHandler : HttpMessageHandler
        {
            public TaskCompletionSource<bool> Arrived { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath)
                {
                    return TokenReply(1);
                }

                Arrived.TrySetResult(true);
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            }
        }

        [Fact]
        public async Task ClosingTheConnectionDuringARequestIsAClearErrorNotARetryOrACrash()
        {
            var handler = new HeldHandler();
            var client = new ApiClient(Settings(), handler);
            var request = GetOrder(client);
            await handler.Arrived.Task;
            client.Dispose();
            var ex = await Assert.ThrowsAsync<WxApiException>(() => request);
            Assert.Equal("WxOrders.ConnectionClosed", ex.ErrorId);
            Assert.Equal(WxErrorCategory.ResourceUnavailable, ex.Category);
            Assert.Contains("Connect again", ex.Message);
        }

        /// <summary>A body that sends its first bytes, then stalls, and whose reads ignore cancellation (as on .NET Framework).</summary>
        private sealed class StalledStream : System.IO.Stream
        {
            private readonly TaskCompletionSource<int> closed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            private bool sentHead;

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                if (!sentHead)
                {
                    sentHead = true;
                    var head = System.Text.Encoding.ASCII.GetBytes("{\"errcode\":0,");
                    Array.Copy(head, 0, buffer, offset, head.Length);
                    return Task.FromResult(head.Length);
                }

                return closed.Task; // never completes until the stream is disposed; the token is ignored
            }

            public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

            protected override void Dispose(bool disposing)
            {
                closed.TrySetException(new ObjectDisposedException(nameof(StalledStream)));
                base.Dispose(disposing);
            }

            public override void Flush() { }
            public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        [Fact]
        public async Task AStalledBodyTimesOutEvenWhenItsReadsIgnoreCancellation()
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? TokenReply(n)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StalledStream()) });
            var settings = Settings(maxRetries: 0);
            settings.Timeout = TimeSpan.FromMilliseconds(300);
            using var client = new ApiClient(settings, handler);
            var request = GetOrder(client);
            var finished = await Task.WhenAny(request, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.Same(request, finished);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => request);
            Assert.Equal("WxOrders.Timeout", ex.ErrorId);
        }

        [Fact]
        public void UserInfoInTheBaseUriIsRefusedAndNeverEchoed()
        {
            var s = Settings();
            s.BaseUri = new Uri("http://admin:hunter2-secret@example.com/");
            var ex = Assert.Throws<ArgumentException>(() => s.Validate());
            Assert.DoesNotContain("hunter2", ex.Message);
            Assert.DoesNotContain("hunter2", s.DisplayBaseUri);
            s.BaseUri = new Uri("https://admin:hunter2-secret@api.example.com/");
            ex = Assert.Throws<ArgumentException>(() => s.Validate());
            Assert.DoesNotContain("hunter2", ex.Message);
        }

        [Fact]
        public void RetryDelayHonoursRetryAfterAndMinuteQuota()
        {
            var settings = Settings();
            settings.RetryBaseDelay = TimeSpan.FromSeconds(0.8);
            settings.MaxRetryDelay = TimeSpan.FromSeconds(60);
            var atSecond50 = new DateTimeOffset(2024, 1, 1, 0, 0, 50, TimeSpan.Zero);
            var policy = new RetryPolicy(settings, () => 1.0, () => atSecond50);
            var busy = ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "busy");
            Assert.Equal(TimeSpan.FromSeconds(0.8), policy.Delay(0, busy));
            Assert.Equal(TimeSpan.FromSeconds(3.2), policy.Delay(2, busy));
            Assert.Equal(TimeSpan.FromSeconds(60), policy.Delay(20, busy));
            var quota = ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 45011, "quota");
            Assert.Equal(TimeSpan.FromSeconds(10), new RetryPolicy(settings, () => 0.0, () => atSecond50).Delay(0, quota));
            var throttled = ErrorCatalog.FromHttpStatus(WxPlatform.WeChat, "/x", 429, "Too Many Requests", TimeSpan.FromSeconds(7));
            Assert.Equal(TimeSpan.FromSeconds(7), new RetryPolicy(settings, () => 0.0, () => atSecond50).Delay(0, throttled));
        }
    }
}
