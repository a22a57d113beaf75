using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using WxOrders.Http;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>
    /// The cmdlet/engine boundary (docs/architecture.md): the cmdlets (WxOrders.dll) see only what WxOrders.Core and
    /// WxOrders.Sandbox make public, never their internals, and every public type is listed here, so a new one is a
    /// decision a reviewer sees in the diff. In the spirit of msgraph's AssemblyIsolationTests.
    /// </summary>
    public class BoundaryTests
    {
        private static readonly Assembly Engine = typeof(ApiConnection).Assembly;
        private static readonly Assembly Emulator = typeof(WxOrders.Sandbox).Assembly;

        /// <summary>What the engine's output objects and inputs are: the order models and enums the cmdlets write, and the keys and queries they build.</summary>
        private static readonly string[] EngineModels =
        {
            "WxOrders.ChannelsAddress", "WxOrders.ChannelsAftersaleDetail", "WxOrders.ChannelsAftersaleOrder", "WxOrders.ChannelsAgentInfo",
            "WxOrders.ChannelsChangeSkuInfo", "WxOrders.ChannelsCommissionInfo", "WxOrders.ChannelsCommissionStatus", "WxOrders.ChannelsCouponInfo",
            "WxOrders.ChannelsCustomInfo", "WxOrders.ChannelsDeliveryInfo", "WxOrders.ChannelsDeliveryProduct", "WxOrders.ChannelsDeliveryProductInfo",
            "WxOrders.ChannelsDropshipInfo", "WxOrders.ChannelsExtInfo", "WxOrders.ChannelsExtraService", "WxOrders.ChannelsFreeGiftInfo",
            "WxOrders.ChannelsFreeGiftMainProduct", "WxOrders.ChannelsGreetingCardInfo", "WxOrders.ChannelsIntraCityOrderInfo", "WxOrders.ChannelsOrder",
            "WxOrders.ChannelsOrderDetail", "WxOrders.ChannelsOrderPresentInfo", "WxOrders.ChannelsOrderScene", "WxOrders.ChannelsOrderStatus",
            "WxOrders.ChannelsPayInfo", "WxOrders.ChannelsPaymentMethod", "WxOrders.ChannelsPriceInfo", "WxOrders.ChannelsProductCouponInfo",
            "WxOrders.ChannelsProductInfo", "WxOrders.ChannelsQualityInspectInfo", "WxOrders.ChannelsRechargeInfo", "WxOrders.ChannelsRefundInfo",
            "WxOrders.ChannelsSettleInfo", "WxOrders.ChannelsSharerInfo", "WxOrders.ChannelsSkuAttr", "WxOrders.ChannelsSkuDeliverInfo",
            "WxOrders.ChannelsSkuSharerInfo", "WxOrders.ChannelsSourceInfo", "WxOrders.ChannelsTelNumberExtInfo", "WxOrders.ChannelsVoucher",
            "WxOrders.CoopOrder", "WxOrders.CoopOrderDetail", "WxOrders.CoopPriceInfo", "WxOrders.CoopProductInfo", "WxOrders.CoopSkuAttr",
            "WxOrders.ShopBuyerInfo", "WxOrders.ShopDelivery", "WxOrders.ShopDeliveryDetail", "WxOrders.ShopOrder", "WxOrders.ShopOrderDetail",
            "WxOrders.ShopOrderStatus", "WxOrders.ShopPayInfo", "WxOrders.ShopPriceDetail", "WxOrders.ShopPriceInfo", "WxOrders.ShopProductInfo",
            "WxOrders.ShopPromotionInfo", "WxOrders.ShopRemarkInfo", "WxOrders.ShopServiceOrder", "WxOrders.ShopSharerInfo",
            "WxOrders.UnionCommissionStatus", "WxOrders.UnionOrder", "WxOrders.UnionOrderQuery", "WxOrders.UnionProduct", "WxOrders.UnionPromotionInfo",
            "WxOrders.WshotoAddressInfo", "WxOrders.WshotoBusinessTime", "WxOrders.WshotoCheckInfo", "WxOrders.WshotoExpressType", "WxOrders.WshotoOrder",
            "WxOrders.WshotoOrderItem", "WxOrders.WshotoOrderStatus", "WxOrders.WshotoOrderStatusTag", "WxOrders.WshotoOrderType",
            "WxOrders.WshotoPayStatus", "WxOrders.WshotoRefundStatus",
            "WxOrders.Platforms.Coop.CoopOrderKey", "WxOrders.Platforms.Shop.ShopOrderKey", "WxOrders.Platforms.Shop.ShopOrderQuery",
            "WxOrders.Platforms.Wshoto.WshotoListRecord", "WxOrders.Platforms.Wshoto.WshotoOrderQuery", "WxOrders.Platforms.Wshoto.WshotoTimeField",
            "WxOrders.Platforms.Channels.ChannelsOrderQuery", "WxOrders.Platforms.Channels.ChannelsTimeField",
            "WxOrders.OrderLine", "WxOrders.OrderLineText", "WxOrders.OrderSource",
            "WxOrders.Connection", "WxOrders.WxPlatform", "WxOrders.WxApiException", "WxOrders.WxErrorCategory",
            "WxOrders.Checkpoint", "WxOrders.CheckpointLock", "WxOrders.CheckpointPendingState", "WxOrders.CheckpointSource",
        };

        /// <summary>What the cmdlet layer calls: the connection and its order clients, the walker and search runs, the checkpoint run.</summary>
        private static readonly string[] EngineBoundary =
        {
            // Connections: the handle (never a secret or a token), its order clients, the registry.
            "WxOrders.Http.ApiConnection", "WxOrders.Http.ConnectionRegistry", "WxOrders.Http.ConnectionSettings", "WxOrders.Http.NotConnectedException",
            "WxOrders.Http.ShopClient", "WxOrders.Http.CoopClient", "WxOrders.Http.UnionClient", "WxOrders.Http.WshotoClient", "WxOrders.Http.ChannelsClient",
            "WxOrders.Http.IOperationLog", "WxOrders.Http.Redactor",
            // Lookups and searches.
            "WxOrders.Paging.ApiPage`1", "WxOrders.Paging.PageStyle", "WxOrders.Paging.PageWalk", "WxOrders.Paging.PageWalk`1",
            "WxOrders.Paging.NumberedPageWalk`1", "WxOrders.Paging.CursorPageWalk`1", "WxOrders.Paging.SearchRun`1", "WxOrders.Paging.SearchStep`1",
            "WxOrders.Paging.PageSearchRun`1", "WxOrders.Paging.DetailedSearchRun`2", "WxOrders.Paging.OrderedFetches`2", "WxOrders.Paging.FetchOutcome`2",
            "WxOrders.Paging.LookupNotice", "WxOrders.Lines.OrderLines",
            // Search windows: a time parameter as an instant, the 7-day slices of a WeChat Store search.
            "WxOrders.Instants", "WxOrders.Paging.TimeSlice",
            // Checkpoints.
            "WxOrders.Checkpoints.CheckpointRequest", "WxOrders.Checkpoints.CheckpointRun", "WxOrders.Checkpoints.CheckpointStore",
            "WxOrders.Checkpoints.CheckpointDefaults", "WxOrders.Checkpoints.CheckpointFilter", "WxOrders.Checkpoints.CheckpointException",
            // The module's dependency resolver asks it at import.
            "WxOrders.RuntimeCheck",
        };

        private static readonly string[] SandboxSurface =
        {
            "WxOrders.Sandbox", "WxOrders.SandboxOptions", "WxOrders.SandboxFailureKind", "WxOrders.SandboxMalformation",
            "WxOrders.SandboxTestHooks", "WxOrders.ShopOrderSample", "WxOrders.CoopOrderSample",
            // Live mode's ground truth for the tests: one order's current version, per source.
            "WxOrders.SandboxOrderVersion", "WxOrders.SandboxSource",
        };

        [Theory]
        [InlineData("WxOrders.Core")]
        [InlineData("WxOrders.Sandbox")]
        public void OnlyTheTestsAndTheBenchmarksSeeInternals(string assembly)
        {
            var granted = (assembly == "WxOrders.Core" ? Engine : Emulator)
                .GetCustomAttributes<InternalsVisibleToAttribute>()
                .Select(a => a.AssemblyName)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();
            Assert.DoesNotContain("WxOrders", granted);
            Assert.Equal(new[] { "WxOrders.Benchmarks", "WxOrders.Tests" }, granted);
        }

        [Fact]
        public void TheEnginesPublicTypesAreTheListedOnes()
        {
            AssertSurface(Engine, EngineModels.Concat(EngineBoundary));
        }

        [Fact]
        public void TheSandboxsPublicTypesAreTheListedOnes()
        {
            AssertSurface(Emulator, SandboxSurface);
        }

        [Fact]
        public void AConnectionShowsNoSecretAndNoHttpClient()
        {
            var properties = typeof(ApiConnection).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(
                new[] { "AppId", "BaseUri", "Channels", "Coop", "Name", "Platform", "Shop", "TokenDescription", "TokenExpiresAt", "Union", "Wshoto" },
                properties);
            Assert.Empty(typeof(ApiConnection).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
            foreach (var client in new[] { typeof(ShopClient), typeof(CoopClient), typeof(UnionClient), typeof(WshotoClient), typeof(ChannelsClient) })
            {
                Assert.Empty(client.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
                Assert.Empty(client.GetProperties(BindingFlags.Public | BindingFlags.Instance));
            }
        }

        private static void AssertSurface(Assembly assembly, System.Collections.Generic.IEnumerable<string> listed)
        {
            var expected = listed.ToList();
            Assert.Equal(expected.Count, expected.Distinct(StringComparer.Ordinal).Count());
            var actual = assembly.GetExportedTypes().Select(t => t.FullName).ToList();
            var added = actual.Except(expected, StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var removed = expected.Except(actual, StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.True(
                added.Count == 0 && removed.Count == 0,
                assembly.GetName().Name + "'s public types changed. New: " + string.Join(", ", added) + ". Gone: " + string.Join(", ", removed) +
                ". A public type is part of the cmdlet/engine boundary (docs/architecture.md): make it internal, or list it in BoundaryTests.");
        }
    }
}
