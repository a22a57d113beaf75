using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Platforms.Shop;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>
    /// How ApiClient reads a body: whole into memory up to ResponseReader.MaxBufferedBody (with or without a
    /// Content-Length, in any chunking, after any amount of leading whitespace), streamed beyond it.
    /// </summary>
    public class ResponseBodyTests
    {
        private static ConnectionSettings Settings() => new ConnectionSettings
        {
            Name = "t",
            Platform = WxPlatform.WeChat,
            AppId = "wxtest",
            AppSecret = SecureText.Protect("S3cr3t-app-secret-value-0002"),
            BaseUri = new Uri("https://api.test/"),
            MaxRetryCount = 0,
        };

        private static string Order(int padding) =>
            "{\"errcode\":0,\"errmsg\":\"ok\",\"order\":{\"order_id\":18446744073709551615,\"pad\":\"" + new string('x', padding) + "\",\"status\":20}}";

        private static async Task<ShopOrder> Fetch(Func<HttpContent> content)
        {
            var handler = new ScriptedHandler((req, body, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}")
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = content() });
            using (var client = new ApiClient(Settings(), handler))
            {
                return await ShopApi.GetOrderAsync(client, new ShopOrderKey(1, null, "oOpenId"), null, CancellationToken.None);
            }
        }

        private static HttpContent Chunked(string text, int chunk)
        {
            var content = new StreamContent(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return content;
        }

        [Theory]
        [InlineData(0, 1)]
        [InlineData(100, 3)]
        [InlineData(70000, 4096)] // grows the buffer several times
        public async Task ABodyWithoutContentLengthIsReadWhole(int padding, int chunk)
        {
            var order = await Fetch(() => Chunked(Order(padding), chunk));
            Assert.Equal(ulong.MaxValue, order.OrderId);
            Assert.Equal(20, (int)order.Status);
        }

        [Fact]
        public async Task LeadingWhitespaceLongerThanTheFirstBufferIsSkipped()
        {
            var order = await Fetch(() => Chunked(new string(' ', 40000) + "\r\n\t" + Order(10), 1000));
            Assert.Equal(ulong.MaxValue, order.OrderId);
        }

        [Fact]
        public async Task OnlyWhitespaceIsAnEmptyBody()
        {
            var ex = await Assert.ThrowsAsync<WxApiException>(() => Fetch(() => Chunked(new string('\n', 40000), 777)));
            Assert.Equal(WxErrorCategory.InvalidData, ex.Category);
            Assert.Contains("empty", ex.Message);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task ABodyAboveTheLimitIsParsedFromTheStream(bool withLength)
        {
            var text = Order(ResponseReader.MaxBufferedBody + 100000);
            var order = await Fetch(() => withLength ? new StringContent(text, Encoding.UTF8, "application/json") : Chunked(text, 65536));
            Assert.Equal(ulong.MaxValue, order.OrderId);
        }

        [Theory]
        [InlineData(50)]
        [InlineData(ResponseReader.MaxBufferedBody + 100000)]
        public async Task ACutOffBodyIsInvalidData(int padding)
        {
            var text = Order(padding);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => Fetch(() => Chunked(text.Substring(0, text.Length - 20), 8192)));
            Assert.Equal(WxErrorCategory.InvalidData, ex.Category);
        }

        /// <summary>A body that arrives a few bytes at a time, with no length known in advance.</summary>
        private sealed class TrickleStream : Stream
        {
            private readonly byte[] data;
            private readonly int chunk;
            private int position;

            public TrickleStream(byte[] data, int chunk)
            {
                this.data = data;
                this.chunk = chunk;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => throw new NotSupportedException();
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = Math.Min(Math.Min(count, chunk), data.Length - position);
                Buffer.BlockCopy(data, position, buffer, offset, n);
                position += n;
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
