using System;
using System.Text;
using WxOrders.Json;
using Xunit;

namespace WxOrders.Tests
{
    public class WireConverterTests
    {
        [Theory]
        [InlineData("0.20", "0.20")]
        [InlineData("¥0.20", "0.20")]
        [InlineData("￥1.00", "1.00")]
        [InlineData(" 12.5 ", "12.5")]
        [InlineData("0", "0")]
        [InlineData("123456789012.34", "123456789012.34")]
        public void YuanTextParsesExactlyKeepingScale(string text, string expected)
        {
            Assert.True(YuanConverter.TryParseYuan(Encoding.UTF8.GetBytes(text), out var value));
            Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
            Assert.Equal(expected, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("-")]
        [InlineData("")]
        [InlineData("  ")]
        public void YuanPlaceholdersAreNull(string text)
        {
            Assert.True(YuanConverter.TryParseYuan(Encoding.UTF8.GetBytes(text), out var value));
            Assert.Null(value);
        }

        [Theory]
        [InlineData("abc")]
        [InlineData("1,00")]
        [InlineData("¥")]
        [InlineData("1e5")]
        public void YuanGarbageIsRefused(string text)
        {
            Assert.False(YuanConverter.TryParseYuan(Encoding.UTF8.GetBytes(text), out _));
        }

        [Fact]
        public void ChinaWireTimeIsPlusEight()
        {
            Assert.True(ChinaTime.TryParseWire(Encoding.ASCII.GetBytes("2020-03-25 14:05:25"), out var t));
            Assert.Equal(new DateTimeOffset(2020, 3, 25, 14, 5, 25, TimeSpan.FromHours(8)), t);
            Assert.False(ChinaTime.TryParseWire(Encoding.ASCII.GetBytes("2020-02-30 00:00:00"), out _));
            Assert.False(ChinaTime.TryParseWire(Encoding.ASCII.GetBytes("2020/03/25 14:05:25"), out _));
        }

        [Fact]
        public void UnixSecondsBecomeChinaTime()
        {
            var t = ChinaTime.FromUnixSeconds(1612355317);
            Assert.Equal(TimeSpan.FromHours(8), t.Offset);
            Assert.Equal(1612355317, t.ToUnixTimeSeconds());
            Assert.Equal(new DateTimeOffset(2021, 2, 3, 20, 28, 37, TimeSpan.FromHours(8)), t);
        }
    }
}
