using System;
using System.Linq;
using WxOrders.Emulation;
using WxOrders.Emulation.Data;
using WxOrders.Emulation.Endpoints;
using WxOrders.Emulation.Wire;
using WxOrders.Platforms.Channels;
using WxOrders.Platforms.Coop;
using WxOrders.Platforms.Shop;
using WxOrders.Platforms.Union;
using WxOrders.Platforms.Wshoto;
using Xunit;

namespace WxOrders.Tests.Emulation
{
    /// <summary>The sandbox as its own assembly: apart from the engine, one route per endpoint, one binary search.</summary>
    public class SandboxStructureTests
    {
        [Fact]
        public void TheEngineAndTheSandboxDoNotReferenceEachOther()
        {
            var engine = typeof(WxPlatform).Assembly;
            var sandbox = typeof(WxOrders.Sandbox).Assembly;
            Assert.Equal("WxOrders.Sandbox", sandbox.GetName().Name);
            Assert.DoesNotContain(engine.GetReferencedAssemblies(), r => r.Name == "WxOrders.Sandbox");
            Assert.DoesNotContain(sandbox.GetReferencedAssemblies(), r => r.Name == "WxOrders.Core");
            Assert.DoesNotContain(engine.GetTypes(), t => t.Namespace != null && t.Namespace.StartsWith("WxOrders.Emulation", StringComparison.Ordinal));
            Assert.DoesNotContain(engine.GetTypes(), t => t.Name.Contains("Sandbox"));
        }

        [Fact]
        public void EveryEndpointIsNamedForItsApiAndServesItsOwnRoute()
        {
            using var sb = WxOrders.Sandbox.Start(orderCount: 10);
            var endpoints = EndpointCatalog.Create(sb.Context).ToList();
            Assert.All(endpoints, e => Assert.EndsWith("Endpoint", e.GetType().Name, StringComparison.Ordinal));
            var routes = endpoints.Select(e => e.Method + " " + e.Path).OrderBy(r => r, StringComparer.Ordinal).ToArray();
            Assert.Equal(
                new[]
                {
                    "GET /openapi/access_token",
                    "GET /openapi/mall/order/list",
                    "GET /union/promoter/order/search",
                    "POST /cgi-bin/stable_token",
                    "POST /channels/ec/cooperation/order/get",
                    "POST /channels/ec/order/get",
                    "POST /channels/ec/order/list/get",
                    "POST /openapi/mall/order/detail",
                    "POST /openapi/mall/order/list",
                    "POST /shop/order/get",
                    "POST /shop/order/get_list",
                    "POST /union/promoter/order/info",
                },
                routes);
            Assert.Equal(routes.Length, EndpointCatalog.Routes(sb.Context).Count);
        }

        [Fact]
        public void TheSandboxServesThePathsTheClientsCall()
        {
            // Two sets of constants on purpose (the sandbox emulates the wire, it does not borrow the client's):
            // this is where they must agree.
            Assert.Equal(ShopApi.Path, WirePaths.ShopOrder);
            Assert.Equal(CoopApi.Path, WirePaths.CoopOrder);
            Assert.Equal(UnionApi.InfoPath, WirePaths.UnionOrderInfo);
            Assert.Equal(UnionApi.SearchPath, WirePaths.UnionOrderSearch);
            Assert.Equal(UnionApi.MaxBatch, WirePaths.UnionMaxBatch);
            Assert.Equal(WshotoApi.Path, WirePaths.WshotoOrder);
            Assert.Equal(ChannelsApi.GetPath, WirePaths.ChannelsOrder);
            Assert.Equal(ShopListApi.Path, WirePaths.ShopOrderList);
            Assert.Equal(ShopListApi.MaxPageSize, WirePaths.ListMaxPageSize);
            Assert.Equal(WshotoListApi.Path, WirePaths.WshotoOrderList);
        }

        [Fact]
        public void TheBinarySearchFindsTheFirstIndexAsALinearScanDoes()
        {
            var random = new Random(12);
            for (var n = 0; n < 200; n++)
            {
                var sorted = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(0, 20)).OrderBy(v => v).ToArray();
                for (var value = -1; value <= 21; value++)
                {
                    var linear = Array.FindIndex(sorted, v => v >= value);
                    Assert.Equal(linear < 0 ? sorted.Length : linear, SortedSearch.First(sorted.Length, k => sorted[k] >= value));
                }
            }

            Assert.Equal(0, SortedSearch.First(0, _ => throw new InvalidOperationException("never called for an empty range")));
        }

        [Fact]
        public void TestOnlyKnobsLiveOnTestHooksOnly()
        {
            var sandboxMethods = typeof(WxOrders.Sandbox).GetMethods().Select(m => m.Name).ToList();
            foreach (var hook in typeof(SandboxTestHooks).GetMethods().Where(m => m.DeclaringType == typeof(SandboxTestHooks)).Select(m => m.Name))
            {
                if (hook != nameof(ToString))
                {
                    Assert.DoesNotContain(hook, sandboxMethods);
                }
            }

            using var sb = WxOrders.Sandbox.Start(orderCount: 100);
            Assert.Equal(100, sb.TestHooks.CountUnionOrders());
            sb.TestHooks.SimulateUnionArrivals(40, 0);
            Assert.Equal(60, sb.TestHooks.CountUnionOrders());
            Assert.Equal(60, sb.TestHooks.CountUnionOrders(new UnionOrderQuery()));
            Assert.Equal(0, sb.TestHooks.CountUnionOrders(new UnionOrderQuery { CommissionStatus = UnionCommissionStatus.Unknown }));
        }
    }
}
