using System;
using System.Collections.Generic;
using System.Net.Http;
using WxOrders.Http;
using Xunit;

namespace WxOrders.Tests
{
    public class UrlBuilderTests
    {
        private static KeyValuePair<string, string> P(string key, string value) => new KeyValuePair<string, string>(key, value);

        [Theory]
        [InlineData("https://api.weixin.qq.com/", "https://api.weixin.qq.com/shop/order/get")]
        [InlineData("https://api.weixin.qq.com", "https://api.weixin.qq.com/shop/order/get")]
        [InlineData("http://127.0.0.1:8080/prefix/", "http://127.0.0.1:8080/prefix/shop/order/get")]
        [InlineData("http://127.0.0.1:8080/prefix", "http://127.0.0.1:8080/prefix/shop/order/get")]
        public void TheBaseUriKeepsItsPath(string baseUri, string expected)
        {
            Assert.Equal(expected, new UrlBuilder(new Uri(baseUri)).Build(new ApiRequest(HttpMethod.Post, "/shop/order/get"), null));
        }

        [Fact]
        public void QueryParametersAreEscapedInOrderAndTheTokenComesLast()
        {
            var request = new ApiRequest(HttpMethod.Get, "/union/promoter/order/search", query: new[] { P("page", "1"), P("a b", "x&y=z"), P("empty", null) });
            var url = new UrlBuilder(new Uri("https://api.test/")).Build(request, "T/+=k");
            Assert.Equal("https://api.test/union/promoter/order/search?page=1&a%20b=x%26y%3Dz&empty=&access_token=T%2F%2B%3Dk", url);
        }

        [Fact]
        public void ATokenAloneStartsTheQuery()
        {
            Assert.Equal(
                "https://api.test/shop/order/get?access_token=TOKEN",
                new UrlBuilder(new Uri("https://api.test/")).Build(new ApiRequest(HttpMethod.Post, "/shop/order/get"), "TOKEN"));
        }
    }
}
