using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>HttpTransport on its own: one attempt against a scripted handler, never a retry, never a token fetch.</summary>
    public class HttpTransportTests
    {
        private const string Secret = "S3cr3t-app-secret-value-0003";
        private const string OrderOk = "{\"errcode\":0,\"errmsg\":\"ok\",\"order\":{\"order_id\":42,\"status\":20}}";
        private static readonly AccessToken Token = new AccessToken(ScriptedHandler.Token(1), null, null);
        private static readonly ApiRequest Request = new ApiRequest(HttpMethod.Post, "/shop/order/get", new byte[] { (byte)'{', (byte)'}' });

        private sealed class Log : IOperationLog
        {
            public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

            public void Verbose(string message) => Lines.Enqueue("V " + message);

            public void Debug(string message) => Lines.Enqueue("D " + message);
        }

        private static HttpTransport Transport(ScriptedHandler handler, double timeoutSeconds = 100)
        {
            var redactor = new Redactor();
            redactor.Add(Secret);
            redactor.Add(Token.Value);
            var settings = new ConnectionSettings { Name = "t", Platform = WxPlatform.WeChat, BaseUri = new Uri("https://api.test/"), Timeout = TimeSpan.FromSeconds(timeoutSeconds) };
            return new HttpTransport(settings, redactor, handler);
        }

        private static Task<Platforms.Shop.ShopOrderResponse> Send(HttpTransport transport, IOperationLog log = null) =>
            transport.SendAsync(Request, Token, WireJsonContext.Default.ShopOrderResponse, log ?? NullLog.Instance, CancellationToken.None);

        [Fact]
        public async Task OneAttemptSendsJsonWithTheTokenAndParsesTheAnswer()
        {
            HttpRequestMessage seen = null;
            var handler = new ScriptedHandler((req, body, n) =>
            {
                seen = req;
                return ScriptedHandler.Json(OrderOk);
            });
            using var transport = Transport(handler);
            var log = new Log();
            var response = await Send(transport, log);
            Assert.Equal(42UL, response.Order.OrderId);
            Assert.Equal("https://api.test/shop/order/get?access_token=" + Token.Value, handler.Urls.Single());
            Assert.Equal("{}", handler.Bodies.Single());
            Assert.Equal(HttpMethod.Post, seen.Method);
            Assert.Equal("application/json", seen.Headers.Accept.Single().MediaType);
            Assert.Equal(false, seen.Headers.ExpectContinue);
            Assert.Equal(1, transport.RequestCount);
            Assert.Matches(@"^D POST /shop/order/get -> HTTP 200 in \d+ ms$", log.Lines.Single());
        }

        [Fact]
        public async Task AnHttpErrorIsMappedOnceWithItsRetryAfterAndNotRepeated()
        {
            var handler = new ScriptedHandler((req, body, n) =>
            {
                var r = ScriptedHandler.Text("busy", "text/plain", HttpStatusCode.ServiceUnavailable);
                r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
                return r;
            });
            using var transport = Transport(handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => Send(transport));
            Assert.Equal(503, ex.HttpStatus);
            Assert.Equal("WxOrders.Http503", ex.ErrorId);
            Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
            Assert.True(ex.IsTransient);
            Assert.Equal(1, handler.Count("/shop/order/get"));
        }

        [Fact]
        public async Task ThePlatformsErrorCodeIsMappedWithItsMessageRedacted()
        {
            var handler = new ScriptedHandler((req, body, n) => ScriptedHandler.Json("{\"errcode\":40164,\"errmsg\":\"invalid ip 203.0.113.7, secret " + Secret + "\"}"));
            using var transport = Transport(handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => Send(transport));
            Assert.Equal(40164, ex.ErrorCode);
            Assert.Equal(WxErrorCategory.PermissionDenied, ex.Category);
            Assert.DoesNotContain(Secret, ex.ErrorMessage);
            Assert.Contains("203.0.113.7", ex.Message);
        }

        [Fact]
        public async Task AnUnreachableServerIsAConnectionErrorWithTheInnerReason()
        {
            var handler = new ScriptedHandler((req, body, n) => throw new HttpRequestException("An error occurred", new System.IO.IOException("Connection refused (api.test:443) access_token=" + Token.Value)));
            using var transport = Transport(handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => Send(transport));
            Assert.Equal("WxOrders.ConnectionError", ex.ErrorId);
            Assert.Contains("Connection refused", ex.Message);
            Assert.DoesNotContain(Token.Value, ex.Message);
            Assert.DoesNotContain(Token.Value, ex.ErrorMessage);
        }

        private sealed class SlowHandler : HttpMessageHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            }
        }

        [Fact]
        public async Task NoAnswerWithinTheTimeoutIsATimeout()
        {
            var settings = new ConnectionSettings { Name = "t", Platform = WxPlatform.WeChat, BaseUri = new Uri("https://api.test/"), Timeout = TimeSpan.FromMilliseconds(200) };
            using var transport = new HttpTransport(settings, new Redactor(), new SlowHandler());
            var ex = await Assert.ThrowsAsync<WxApiException>(() => transport.SendAsync(Request, Token, WireJsonContext.Default.ShopOrderResponse, NullLog.Instance, CancellationToken.None));
            Assert.Equal("WxOrders.Timeout", ex.ErrorId);
            Assert.Contains("0.2 s", ex.Message);
        }

        [Fact]
        public async Task TheCallersCancellationIsNotATimeout()
        {
            var settings = new ConnectionSettings { Name = "t", Platform = WxPlatform.WeChat, BaseUri = new Uri("https://api.test/") };
            using var transport = new HttpTransport(settings, new Redactor(), new SlowHandler());
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(Request, Token, WireJsonContext.Default.ShopOrderResponse, NullLog.Instance, cancel.Token));
        }

        [Fact]
        public async Task WithoutATokenNoAccessTokenIsSent()
        {
            var handler = new ScriptedHandler((req, body, n) => ScriptedHandler.Json(OrderOk));
            using var transport = Transport(handler);
            await transport.SendAsync(new ApiRequest(HttpMethod.Get, "/x", authenticated: false), null, WireJsonContext.Default.ShopOrderResponse, NullLog.Instance, CancellationToken.None);
            Assert.Equal("https://api.test/x", handler.Urls.Single());
            Assert.Null(handler.Bodies.Single());
        }

        [Fact]
        public void ARetryAfterDateBecomesAWaitFromNow()
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30));
            var wait = HttpTransport.RetryAfterOf(response).Value;
            Assert.InRange(wait.TotalSeconds, 20, 31);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(-30));
            Assert.Equal(TimeSpan.Zero, HttpTransport.RetryAfterOf(response));
            response.Headers.RetryAfter = null;
            Assert.Null(HttpTransport.RetryAfterOf(response));
        }
    }
}
