using System;
using System.Net;
using System.Net.Http;
using WxOrders.Http;
using Xunit;

namespace WxOrders.Tests
{
    public class HttpHandlerFactoryTests
    {
        private static ConnectionSettings Settings() => new ConnectionSettings { Name = "t", Platform = WxPlatform.WeChat, BaseUri = new Uri("https://api.test/") };

        [Fact]
        public void TheHandlerDecompressesDoesNotFollowRedirectsAndUsesTheSystemProxy()
        {
            using var handler = Assert.IsType<HttpClientHandler>(HttpHandlerFactory.Create(Settings()));
            Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate, handler.AutomaticDecompression & (DecompressionMethods.GZip | DecompressionMethods.Deflate));
            Assert.False(handler.AllowAutoRedirect);
            Assert.True(handler.UseProxy);
            Assert.Null(handler.Proxy);
        }

        [Fact]
        public void AnExplicitProxyCarriesItsCredential()
        {
            var settings = Settings();
            settings.Proxy = new Uri("http://proxy.test:3128/");
            settings.ProxyCredential = new NetworkCredential("user", "pass");
            using var handler = Assert.IsType<HttpClientHandler>(HttpHandlerFactory.Create(settings));
            var proxy = Assert.IsType<WebProxy>(handler.Proxy);
            Assert.Equal(settings.Proxy, proxy.Address);
            Assert.Same(settings.ProxyCredential, proxy.Credentials);
        }

        [Fact]
        public void AProxyCredentialAloneGoesToTheSystemProxy()
        {
            var settings = Settings();
            settings.ProxyCredential = new NetworkCredential("user", "pass");
            using var handler = Assert.IsType<HttpClientHandler>(HttpHandlerFactory.Create(settings));
            Assert.Null(handler.Proxy);
            Assert.Same(settings.ProxyCredential, handler.DefaultProxyCredentials);
        }

        [Fact]
        public void ThisRuntimeIsNotTheNetFramework()
        {
            // The tests run on .NET; the Windows PowerShell 5.1 job of the CI covers the other answer.
            Assert.False(RuntimeCheck.IsNetFramework);
        }
    }
}
