using Xunit;

namespace WxOrders.Tests
{
    public class SmokeTests
    {
        [Fact]
        public void SandboxStartsOnLoopbackAndStops()
        {
            using var sb = Sandbox.Start();
            Assert.True(sb.BaseUri.IsLoopback);
            Assert.True(sb.IsRunning);
            sb.Stop();
            Assert.False(sb.IsRunning);
        }
    }
}
