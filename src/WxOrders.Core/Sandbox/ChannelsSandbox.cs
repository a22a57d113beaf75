using System;
using System.Linq;
using System.Threading;
using WxOrders.Emulation;

namespace WxOrders
{
    /// <summary>The WeChat Store part of the sandbox: its order data and sample ids.</summary>
    public sealed partial class Sandbox
    {
        private ChannelsStoreData channelsData;

        /// <summary>Ten WeChat Store order ids (19 digits, the newest orders): pipe them to Get-ChannelsOrder.</summary>
        public string[] SampleChannelsOrderIds => GetChannelsOrderIds(10);

        internal ChannelsStoreData ChannelsData =>
            LazyInitializer.EnsureInitialized(ref channelsData, () => new ChannelsStoreData(options.Seed, options.OrderCount));

        /// <summary>The ids of the newest <paramref name="count"/> WeChat Store orders, newest first.</summary>
        public string[] GetChannelsOrderIds(int count) =>
            Enumerable.Range(0, Math.Max(0, Math.Min(count, options.OrderCount))).Select(ChannelsStoreData.OrderIdText).ToArray();
    }
}
