using WxOrders.Emulation.Auth;
using WxOrders.Emulation.Data.Channels;
using WxOrders.Emulation.Data.Coop;
using WxOrders.Emulation.Data.Shop;
using WxOrders.Emulation.Data.Union;
using WxOrders.Emulation.Data.Wshoto;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation
{
    /// <summary>
    /// What the endpoints of one sandbox share: its options, credentials and tokens, one data set per API, the
    /// counters and the envelopes. A new API adds its data set here; a "live" data set (orders that arrive and change)
    /// replaces one of these without touching the endpoints' request handling.
    /// </summary>
    internal sealed class SandboxContext
    {
        public SandboxContext(SandboxOptions options)
        {
            Options = options;
            WeChatTokens = new TokenIssuer(options.TokenLifetime);
            WshotoTokens = new TokenIssuer(options.TokenLifetime);
            Shop = new ShopOrders(options.Seed, options.OrderCount);
            Coop = new CoopOrders(options.Seed, options.OrderCount);
            Union = new UnionOrders(options.Seed, options.OrderCount);
            Wshoto = new WshotoOrders(options.Seed, options.OrderCount);
            Channels = new ChannelsStoreData(options.Seed, options.OrderCount);
        }

        public SandboxOptions Options { get; }

        public int Seed => Options.Seed;

        public int OrderCount => Options.OrderCount;

        public SandboxCredentials Credentials { get; } = new SandboxCredentials();

        public TokenIssuer WeChatTokens { get; }

        public TokenIssuer WshotoTokens { get; }

        public SandboxCounters Counters { get; } = new SandboxCounters();

        public Envelopes Envelopes { get; } = new Envelopes();

        public ShopOrders Shop { get; }

        public CoopOrders Coop { get; }

        public UnionOrders Union { get; }

        public WshotoOrders Wshoto { get; }

        public ChannelsStoreData Channels { get; }

        public TokenIssuer TokensOf(WirePlatform platform) => platform == WirePlatform.WeChat ? WeChatTokens : WshotoTokens;
    }
}
