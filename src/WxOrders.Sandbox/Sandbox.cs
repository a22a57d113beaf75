using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Threading;
using WxOrders.Emulation;
using WxOrders.Emulation.Auth;
using WxOrders.Emulation.Data.Channels;
using WxOrders.Emulation.Data.Union;
using WxOrders.Emulation.Server;

namespace WxOrders
{
    /// <summary>
    /// A local emulator of the four order APIs and both token endpoints, on 127.0.0.1 (Start-WxOrdersSandbox).
    /// Data is generated deterministically from the seed; tokens and request bodies are checked like the real APIs.
    /// What only the tests use is on <see cref="TestHooks"/>.
    /// </summary>
    public sealed class Sandbox : IDisposable
    {
        public const string WeChatSandboxAppId = SandboxCredentials.WeChatAppId;
        public const string WshotoSandboxAppId = SandboxCredentials.WshotoAppId;

        private readonly SandboxContext context;
        private readonly SandboxHttpServer server;
        private int stopped;

        internal Sandbox(SandboxOptions options)
        {
            if (options.OrderCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "OrderCount must be at least 1.");
            }

            context = new SandboxContext(options);
            WeChatAppSecret = Protect(context.Credentials.WeChatSecret);
            WshotoAppSecret = Protect(context.Credentials.WshotoSecret);
            TestHooks = new SandboxTestHooks(context);
            var pipeline = new RequestPipeline(context);
            server = new SandboxHttpServer(options.Port, pipeline.HandleAsync);
            BaseUri = new Uri("http://127.0.0.1:" + server.Port.ToString(CultureInfo.InvariantCulture) + "/");
            StartedAt = DateTimeOffset.Now;
        }

        /// <summary>Starts a sandbox with default options on a free port (for code outside PowerShell).</summary>
        public static Sandbox Start(int seed = 1, int orderCount = 1000) => new Sandbox(new SandboxOptions { Seed = seed, OrderCount = orderCount });

        /// <summary>http://127.0.0.1:port/ : the base URI of both platforms in the sandbox.</summary>
        public Uri BaseUri { get; }

        public int Port => server.Port;

        public int Seed => context.Seed;

        public int OrderCount => context.OrderCount;

        public DateTimeOffset StartedAt { get; }

        public bool IsRunning => Volatile.Read(ref stopped) == 0;

        public TimeSpan Latency => context.Options.Latency;

        public double FailureRate => context.Options.FailureRate;

        public TimeSpan TokenLifetime => context.Options.TokenLifetime;

        /// <summary>True when started with -Live: new orders and status changes arrive over time on every API.</summary>
        public bool IsLive => context.Feed != null;

        /// <summary>Live mode: events (new orders and changes) per second on each API.</summary>
        public double ChangesPerSecond => IsLive ? context.Options.ChangesPerSecond : 0;

        /// <summary>Live mode: how long after it happens a new order or a change shows in the list endpoints.</summary>
        public TimeSpan VisibilityDelay => context.Options.VisibilityDelay;

        /// <summary>Live mode: the shop changes only orders created this recently.</summary>
        public TimeSpan ShopChangeAge => context.Options.ShopChangeAge;

        /// <summary>Live mode: new orders and changes made so far, all APIs together.</summary>
        public long LiveEventCount => context.Feed?.EventCount ?? 0;

        public string WeChatAppId => WeChatSandboxAppId;

        public SecureString WeChatAppSecret { get; }

        public string WshotoAppId => WshotoSandboxAppId;

        public SecureString WshotoAppSecret { get; }

        /// <summary>Ten shop orders to look up (OrderId, OpenId): pipe them to Get-ShopOrder.</summary>
        public ShopOrderSample[] SampleShopOrders => GetShopOrderSamples(10);

        /// <summary>Ten co-account orders (ShopAppId, OrderId), as notification events name them: pipe them to Get-CoopOrder.</summary>
        public CoopOrderSample[] SampleCoopOrders => GetCoopOrderSamples(10);

        /// <summary>Ten Wshoto order numbers (19 digits): pipe them to Get-WshotoOrder.</summary>
        public string[] SampleWshotoOrderSns => GetWshotoOrderSns(10);

        /// <summary>Ten union order ids (the newest orders): pipe them to Get-UnionOrder.</summary>
        public string[] SampleUnionOrderIds => GetUnionOrderIds(10);

        /// <summary>Ten WeChat Store order ids (19 digits, the newest orders): pipe them to Get-ChannelsOrder.</summary>
        public string[] SampleChannelsOrderIds => GetChannelsOrderIds(10);

        /// <summary>Requests that arrived in proxy form (absolute URI): the sandbox was used as a client's -Proxy.</summary>
        public long ProxiedRequestCount => context.Counters.ProxiedRequests;

        /// <summary>Token requests answered (both platforms).</summary>
        public long TokenFetchCount => context.Counters.TokenRequests;

        /// <summary>Distinct tokens minted (both platforms): how many times a token expired or was first issued.</summary>
        public long TokensIssued => context.WeChatTokens.Minted + context.WshotoTokens.Minted;

        /// <summary>Faults injected so far, by kind.</summary>
        public IDictionary<string, long> FaultCounts => context.Counters.Faults;

        /// <summary>Total faults injected so far.</summary>
        public long FaultCount => context.Counters.FaultTotal;

        /// <summary>Requests answered so far, by "METHOD /path".</summary>
        public IDictionary<string, long> RequestCounts => context.Counters.Requests;

        /// <summary>
        /// Knobs for tests only (union arrivals, departures and page cap, counts a filter matches, the issued tokens):
        /// not a stable surface, see <see cref="SandboxTestHooks"/>.
        /// </summary>
        public SandboxTestHooks TestHooks { get; }

        internal SandboxContext Context => context;

        /// <summary>Requests answered for a path (any method), such as /shop/order/get.</summary>
        public long GetRequestCount(string path) => context.Counters.RequestsFor(path);

        /// <summary>Sets every counter back to zero.</summary>
        public void ResetCounters() => context.Counters.Reset();

        /// <summary>The first <paramref name="count"/> shop orders of the data set, as lookup keys.</summary>
        public ShopOrderSample[] GetShopOrderSamples(int count) => First(count).Select(context.Shop.Sample).ToArray();

        /// <summary>The first <paramref name="count"/> co-account orders of the data set, as lookup keys.</summary>
        public CoopOrderSample[] GetCoopOrderSamples(int count) => First(count).Select(context.Coop.Sample).ToArray();

        /// <summary>The ids of the newest <paramref name="count"/> WeChat Store orders, newest first.</summary>
        public string[] GetChannelsOrderIds(int count) => First(count).Select(ChannelsStoreData.OrderIdText).ToArray();

        /// <summary>The first <paramref name="count"/> Wshoto order numbers of the data set.</summary>
        public string[] GetWshotoOrderSns(int count) => First(count).Select(Emulation.Data.Wshoto.WshotoOrders.OrderSnText).ToArray();

        /// <summary>The ids of the newest <paramref name="count"/> union orders, in the order a search lists them.</summary>
        public string[] GetUnionOrderIds(int count)
        {
            var from = context.Union.VisibleFrom;
            return Enumerable.Range(from, Math.Max(0, Math.Min(count, context.OrderCount - from))).Select(UnionOrders.OrderIdText).ToArray();
        }

        public void Stop() => Dispose();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 0)
            {
                context.Feed?.Dispose();
                server.Dispose();
            }
        }

        public override string ToString() => BaseUri.ToString();

        private static SecureString Protect(string value)
        {
            var s = new SecureString();
            foreach (var c in value)
            {
                s.AppendChar(c);
            }

            s.MakeReadOnly();
            return s;
        }

        private IEnumerable<int> First(int count) => Enumerable.Range(0, Math.Min(count, context.OrderCount));
    }
}
