using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Paging;
using WxOrders.Platforms.Channels;
using WxOrders.Platforms.Coop;
using WxOrders.Platforms.Shop;
using WxOrders.Platforms.Union;
using WxOrders.Platforms.Wshoto;

// The order clients: what a cmdlet may ask of a connection, one class per API family. Each method keeps the shape of
// the engine's static platform API it calls (ShopListApi.ListAsync(client, query, ...) is Shop.ListAsync(query, ...)),
// without the ApiClient, which stays inside the engine. A cmdlet gets one from ApiConnection (connection.Shop, ...).
namespace WxOrders.Http
{
    /// <summary>The Mini Program shop (transaction component): POST /shop/order/get and /shop/order/get_list.</summary>
    public sealed class ShopClient
    {
        /// <summary>The platform a shop connection is made to.</summary>
        public const WxPlatform Platform = ShopApi.Platform;

        /// <summary>The most orders one list page may ask for (the list refuses more with errcode 990005).</summary>
        public const int MaxPageSize = ShopListApi.MaxPageSize;

        private readonly ApiClient client;

        internal ShopClient(ApiClient client) => this.client = client;

        /// <summary>One order by its platform id or merchant id, with the buyer's openid.</summary>
        public Task<ShopOrder> GetOrderAsync(ShopOrderKey key, IOperationLog log, CancellationToken cancellationToken) =>
            ShopApi.GetOrderAsync(client, key, log, cancellationToken);

        /// <summary>One page of the creation-time list (numbered from 1), in ascending creation order.</summary>
        public Task<ApiPage<ShopOrder>> ListAsync(ShopOrderQuery query, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            ShopListApi.ListAsync(client, query, page, pageSize, log, cancellationToken);
    }

    /// <summary>The WeChat Channels co-account order API: POST /channels/ec/cooperation/order/get (removed by WeChat on 2025-06-16).</summary>
    public sealed class CoopClient
    {
        public const WxPlatform Platform = CoopApi.Platform;

        private readonly ApiClient client;

        internal CoopClient(ApiClient client) => this.client = client;

        public Task<CoopOrder> GetOrderAsync(CoopOrderKey key, IOperationLog log, CancellationToken cancellationToken) =>
            CoopApi.GetOrderAsync(client, key, log, cancellationToken);
    }

    /// <summary>WeChat Union promoter orders: POST /union/promoter/order/info (by id) and GET /union/promoter/order/search (pages).</summary>
    public sealed class UnionClient
    {
        public const WxPlatform Platform = UnionApi.Platform;

        /// <summary>The most ids per lookup and orders per search page (errcode 200002 above it).</summary>
        public const int MaxBatch = UnionApi.MaxBatch;

        private readonly ApiClient client;

        internal UnionClient(ApiClient client) => this.client = client;

        /// <summary>Looks up 1 to <see cref="MaxBatch"/> ids in one request; ids the API does not know are absent from the result.</summary>
        public Task<List<UnionOrder>> GetOrdersAsync(IReadOnlyList<string> orderIds, IOperationLog log, CancellationToken cancellationToken) =>
            UnionApi.GetOrdersAsync(client, orderIds, log, cancellationToken);

        /// <summary>One search page (numbered from 1) with the list's total.</summary>
        public Task<ApiPage<UnionOrder>> SearchAsync(UnionOrderQuery query, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            UnionApi.SearchAsync(client, query, page, pageSize, log, cancellationToken);

        /// <summary>A DateTime from PowerShell as an instant: Kind Unspecified (Get-Date) is local time, Utc stays UTC.</summary>
        public static DateTimeOffset ToInstant(DateTime time) => UnionApi.ToInstant(time);

        /// <summary>The ObjectNotFound error for an id a lookup did not return.</summary>
        public static WxApiException NotFound(string orderId) => UnionApi.NotFound(orderId);
    }

    /// <summary>Wshoto mall orders: POST /openapi/mall/order/detail (by order_sn) and /openapi/mall/order/list (pages).</summary>
    public sealed class WshotoClient
    {
        public const WxPlatform Platform = WshotoApi.Platform;

        /// <summary>The most orders one list page may ask for.</summary>
        public const int MaxPageSize = WshotoListApi.MaxPageSize;

        private readonly ApiClient client;

        internal WshotoClient(ApiClient client) => this.client = client;

        public Task<WshotoOrder> GetOrderAsync(string orderSn, IOperationLog log, CancellationToken cancellationToken) =>
            WshotoApi.GetOrderAsync(client, orderSn, log, cancellationToken);

        /// <summary>One page of the list (numbered from 1): the records name the orders; GetOrderAsync reads each in full.</summary>
        public Task<ApiPage<WshotoListRecord>> ListAsync(WshotoOrderQuery query, int page, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            WshotoListApi.ListAsync(client, query, page, pageSize, log, cancellationToken);

        public Task<WshotoOrder> ReadListedAsync(WshotoListRecord record, IOperationLog log, CancellationToken cancellationToken) =>
            WshotoListApi.ReadListedAsync(client, record, log, cancellationToken);
    }

    /// <summary>The WeChat Store (微信小店) order API: POST /channels/ec/order/get.</summary>
    public sealed class ChannelsClient
    {
        public const WxPlatform Platform = ChannelsApi.Platform;

        public const int MaxPageSize = ChannelsApi.MaxPageSize;

        private readonly ApiClient client;

        internal ChannelsClient(ApiClient client) => this.client = client;

        public Task<ChannelsOrder> GetOrderAsync(string orderId, IOperationLog log, CancellationToken cancellationToken) =>
            ChannelsApi.GetOrderAsync(client, orderId, log, cancellationToken);

        public Task<ApiPage<string>> ListAsync(ChannelsOrderQuery query, TimeSlice slice, string nextKey, int pageSize, IOperationLog log, CancellationToken cancellationToken) =>
            ChannelsApi.ListAsync(client, query, slice, nextKey, pageSize, log, cancellationToken);
    }
}
