using WxOrders.Emulation.Auth;
using WxOrders.Emulation.Data.Channels;
using WxOrders.Emulation.Data.Coop;
using WxOrders.Emulation.Data.Shop;
using WxOrders.Emulation.Data.Union;
using WxOrders.Emulation.Data.Live;
using WxOrders.Emulation.Data.Wshoto;
using WxOrders.Emulation.Live;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation
{
    /// <summary>
    /// What the endpoints of one sandbox share: its options, credentials and tokens, one data set per API, the
    /// counters and the envelopes. A new API adds its data set here. In live mode each data set gets a LiveLedger (its
    /// new orders and changes) and one LiveFeed writes them over time.
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
            if (options.Live)
            {
                Union.Live = new LiveLedger(options.OrderCount, options.VisibilityDelay);
                Shop.Live = new LiveLedger(options.OrderCount, options.VisibilityDelay);
                Wshoto.Live = new LiveLedger(options.OrderCount, options.VisibilityDelay);
                Channels.Live = new LiveLedger(options.OrderCount, options.VisibilityDelay);
                Feed = new LiveFeed(this, new[]
                {
                    LiveSource.Union(Union),
                    LiveSource.Shop(Shop, options.ShopChangeAge),
                    LiveSource.Wshoto(Wshoto),
                    LiveSource.Channels(Channels),
                });
            }
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

        /// <summary>The live feed (Start-WxOrdersSandbox -Live); null otherwise.</summary>
        public LiveFeed Feed { get; }

        public TokenIssuer TokensOf(WirePlatform platform) => platform == WirePlatform.WeChat ? WeChatTokens : WshotoTokens;
    }
}
