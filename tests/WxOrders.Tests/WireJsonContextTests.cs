using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using WxOrders.Http;
using WxOrders.Json;
using WxOrders.Platforms.Shop;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>The one place for the JSON options: every wire type is read and written the same way.</summary>
    public class WireJsonContextTests
    {
        [Fact]
        public void TheOptionsAreTheDocumentedOnes()
        {
            var options = WireJsonContext.Default.Options;
            Assert.Equal(JsonNumberHandling.AllowReadingFromString, options.NumberHandling);
            Assert.True(options.PropertyNameCaseInsensitive);
            Assert.Equal(JsonIgnoreCondition.WhenWritingNull, options.DefaultIgnoreCondition);
        }

        [Fact]
        public void ThereIsOneContextInTheEngine()
        {
            var contexts = typeof(ApiClient).Assembly.GetTypes().Where(t => typeof(JsonSerializerContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
            Assert.Equal(new[] { typeof(WireJsonContext) }, contexts);
        }

        [Fact]
        public void NumbersAsStringsAndAnyCaseAreReadAndNullsAreNotWritten()
        {
            var response = JsonSerializer.Deserialize("{\"Errcode\":\"0\",\"ORDER\":{\"order_id\":\"42\",\"status\":\"20\"}}", WireJsonContext.Default.ShopOrderResponse);
            Assert.Equal(0, response.ErrCode);
            Assert.Equal(42UL, response.Order.OrderId);
            Assert.Equal("{\"order_id\":42}", JsonSerializer.Serialize(new ShopOrderRequest { OrderId = 42 }, WireJsonContext.Default.ShopOrderRequest));
            Assert.Equal("{\"grant_type\":\"client_credential\",\"force_refresh\":false}", JsonSerializer.Serialize(new WeChatTokenRequest(), WireJsonContext.Default.WeChatTokenRequest));
        }
    }
}
