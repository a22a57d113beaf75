using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Json;
using WxOrders.Platforms.Shop;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>ResponseReader on its own: a body in, a parsed object or a WxApiException out (no HTTP, no retry).</summary>
    public class ResponseReaderTests
    {
        private const string Ok = "{\"errcode\":0,\"order\":{\"order_id\":18446744073709551615,\"status\":20}}";

        private static Task<ShopOrderResponse> Read(HttpContent content, Redactor redactor = null) =>
            new ResponseReader(WxPlatform.WeChat, redactor ?? new Redactor()).ReadAsync("/shop/order/get", content, WireJsonContext.Default.ShopOrderResponse, CancellationToken.None);

        private static HttpContent Content(string text, string mediaType = "application/json", bool withLength = true)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            HttpContent content = withLength ? new ByteArrayContent(bytes) : new StreamContent(new NoLengthStream(bytes));
            if (mediaType != null)
            {
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            }

            return content;
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task AJsonBodyIsParsedWithOrWithoutALength(bool withLength)
        {
            var response = await Read(Content("\r\n  " + Ok, withLength: withLength));
            Assert.Equal(ulong.MaxValue, response.Order.OrderId);
        }

        [Theory]
        [InlineData("<html><body>502 Bad Gateway</body></html>", "text/plain", "text/plain")]
        [InlineData("<html>", null, "a body starting with '<'")]
        [InlineData(Ok, "text/html", "text/html")] // a gateway page that happens to start like JSON
        public async Task ABodyThatIsNotJsonIsNonJsonAndTransient(string body, string mediaType, string what)
        {
            var ex = await Assert.ThrowsAsync<WxApiException>(() => Read(Content(body, mediaType)));
            Assert.Equal("WxOrders.NonJsonResponse", ex.ErrorId);
            Assert.Equal(what, ex.ErrorMessage);
            Assert.True(ex.IsTransient);
        }

        [Theory]
        [InlineData("", "the response body is empty")]
        [InlineData(" \r\n\t ", "the response body is empty")]
        [InlineData("null", "the response is JSON null")]
        public async Task EmptyOrNullIsInvalidData(string body, string what)
        {
            var ex = await Assert.ThrowsAsync<WxApiException>(() => Read(Content(body)));
            Assert.Equal("WxOrders.InvalidResponse", ex.ErrorId);
            Assert.Equal(what, ex.ErrorMessage);
            Assert.False(ex.IsTransient);
        }

        [Fact]
        public async Task AParseErrorIsInvalidDataAndRedacted()
        {
            var redactor = new Redactor();
            redactor.Add("TOKEN-0001-abcdefghijklmnopqrstuvwxyz");
            var ex = await Assert.ThrowsAsync<WxApiException>(() => Read(Content("{\"errcode\":0,\"order\":{\"order_id\":\"TOKEN-0001-abcdefghijklmnopqrstuvwxyz\"}}"), redactor));
            Assert.Equal("WxOrders.InvalidResponse", ex.ErrorId);
            Assert.DoesNotContain("TOKEN-0001", ex.Message);
        }

        [Fact]
        public async Task ABodyBeyondTheBufferLimitIsParsedFromTheStream()
        {
            var text = "{\"errcode\":0,\"order\":{\"order_id\":7,\"pad\":\"" + new string('x', ResponseReader.MaxBufferedBody) + "\"}}";
            var stream = new NoLengthStream(Encoding.UTF8.GetBytes(text));
            var response = await Read(new StreamContent(stream));
            Assert.Equal(7UL, response.Order.OrderId);
        }

        /// <summary>A body whose length is not known in advance.</summary>
        private sealed class NoLengthStream : MemoryStream
        {
            public NoLengthStream(byte[] data)
                : base(data)
            {
            }

            public override bool CanSeek => false;
        }
    }
}
