using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>The token sources on their own: a transport and a retry policy, no ApiClient and no TokenCache.</summary>
    public class TokenSourceTests
    {
        private const string Secret = "S3cr3t-app-secret-value-0004";

        private static ConnectionSettings Settings(WxPlatform platform) => new ConnectionSettings
        {
            Name = "t",
            Platform = platform,
            AppId = "wxtest",
            AppSecret = SecureText.Protect(Secret),
            BaseUri = new Uri("https://api.test/"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        };

        private static (ITokenSource Source, HttpTransport Transport, RetryPolicy Retry, Redactor Redactor) Parts(WxPlatform platform, ScriptedHandler handler)
        {
            var settings = Settings(platform);
            var redactor = new Redactor();
            var transport = new HttpTransport(settings, redactor, handler);
            var retry = new RetryPolicy(settings);
            return (TokenEndpoints.SourceFor(settings, transport, retry, redactor), transport, retry, redactor);
        }

        [Fact]
        public async Task WeChatAsksStableTokenWithoutForcingARefresh()
        {
            var handler = new ScriptedHandler((req, body, n) => ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}"));
            var (source, transport, _, redactor) = Parts(WxPlatform.WeChat, handler);
            using (transport)
            {
                Assert.IsType<WeChatStableTokenSource>(source);
                var before = DateTimeOffset.UtcNow;
                var token = await source.FetchAsync(CancellationToken.None);
                Assert.Equal(ScriptedHandler.Token(1), token.Value);
                Assert.InRange(token.ExpiresAt.Value, before.AddSeconds(7200), DateTimeOffset.UtcNow.AddSeconds(7200));
                Assert.Equal(token.ExpiresAt.Value - TokenCache.RefreshMargin, token.RefreshAt.Value);
                Assert.Equal("https://api.test/cgi-bin/stable_token", handler.Urls.Single());
                Assert.Equal("{\"grant_type\":\"client_credential\",\"appid\":\"wxtest\",\"secret\":\"" + Secret + "\",\"force_refresh\":false}", handler.Bodies.Single());
                Assert.Equal("x " + Redactor.Mask, redactor.Redact("x " + token.Value));
            }
        }

        [Fact]
        public async Task WshotoAsksAccessTokenWithTheAppIdAndSecretInTheQuery()
        {
            var handler = new ScriptedHandler((req, body, n) => ScriptedHandler.Json("{\"code\":0,\"msg\":\"ok\",\"data\":{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":600}}"));
            var (source, transport, _, redactor) = Parts(WxPlatform.Wshoto, handler);
            using (transport)
            {
                Assert.IsType<WshotoTokenSource>(source);
                var token = await source.FetchAsync(CancellationToken.None);
                Assert.Equal(ScriptedHandler.Token(1), token.Value);
                Assert.Equal(TimeSpan.FromSeconds(60), token.ExpiresAt.Value - token.RefreshAt.Value); // a tenth of a short lifetime
                Assert.Equal("https://api.test/openapi/access_token?appid=wxtest&app_secret=" + Uri.EscapeDataString(Secret), handler.Urls.Single());
                Assert.Null(handler.Bodies.Single());
                Assert.Equal(Redactor.Mask, redactor.Redact(token.Value));
            }
        }

        [Theory]
        [InlineData(WxPlatform.WeChat, "{\"access_token\":\"abcdefgh\"}")]
        [InlineData(WxPlatform.WeChat, "{\"access_token\":\"\",\"expires_in\":7200}")]
        [InlineData(WxPlatform.WeChat, "{\"access_token\":\"abcdefgh\",\"expires_in\":0}")]
        [InlineData(WxPlatform.Wshoto, "{\"code\":0,\"data\":null}")]
        public async Task AnAnswerWithoutTokenOrLifetimeIsInvalidData(WxPlatform platform, string body)
        {
            var handler = new ScriptedHandler((req, b, n) => ScriptedHandler.Json(body));
            var (source, transport, _, _) = Parts(platform, handler);
            using (transport)
            {
                var ex = await Assert.ThrowsAsync<WxApiException>(() => source.FetchAsync(CancellationToken.None));
                Assert.Equal("WxOrders.InvalidResponse", ex.ErrorId);
                Assert.Contains("no access_token or no positive expires_in", ex.Message);
                Assert.Equal(1, transport.RequestCount);
            }
        }

        [Fact]
        public async Task AWrongSecretIsAnAuthenticationErrorThatNeverShowsTheSecret()
        {
            var handler = new ScriptedHandler((req, body, n) => ScriptedHandler.Json("{\"errcode\":40125,\"errmsg\":\"invalid appsecret " + Secret + "\"}"));
            var (source, transport, _, redactor) = Parts(WxPlatform.WeChat, handler);
            redactor.Add(Secret); // ApiClient registers the secret before anything is sent
            using (transport)
            {
                var ex = await Assert.ThrowsAsync<WxApiException>(() => source.FetchAsync(CancellationToken.None));
                Assert.Equal(40125, ex.ErrorCode);
                Assert.Equal(WxErrorCategory.AuthenticationError, ex.Category);
                Assert.DoesNotContain(Secret, ex.ToString());
                Assert.Equal(1, transport.RequestCount);
            }
        }

        [Fact]
        public async Task ATransientFailureOfTheTokenRequestIsRetriedByTheConnectionsPolicy()
        {
            var handler = new ScriptedHandler((req, body, n) => n == 1
                ? ScriptedHandler.Text("busy", "text/plain", HttpStatusCode.BadGateway)
                : ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}"));
            var (source, transport, retry, _) = Parts(WxPlatform.WeChat, handler);
            using (transport)
            {
                var token = await source.FetchAsync(CancellationToken.None);
                Assert.Equal(ScriptedHandler.Token(2), token.Value);
                Assert.Equal(2, transport.RequestCount);
                Assert.Equal(1, retry.RetryCount);
            }
        }

        [Fact]
        public void TokenPartsDoNotKnowTheClient()
        {
            // The cycle ApiClient -> TokenCache -> TokenEndpoints -> ApiClient is gone: nothing in the token parts
            // holds, takes or returns an ApiClient.
            var types = new[] { typeof(TokenCache), typeof(ITokenSource), typeof(TokenSource), typeof(WeChatStableTokenSource), typeof(WshotoTokenSource), typeof(RequestToken), typeof(TokenEndpoints) };
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var type in types)
            {
                Assert.DoesNotContain(type.GetFields(all), f => f.FieldType == typeof(ApiClient));
                Assert.DoesNotContain(type.GetMethods(all).Concat<MethodBase>(type.GetConstructors(all)), m => m.GetParameters().Any(p => p.ParameterType == typeof(ApiClient)) || (m is MethodInfo mi && mi.ReturnType == typeof(ApiClient)));
            }
        }
    }
}
