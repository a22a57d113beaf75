using System.Text.Json.Serialization;
using WxOrders.Http;
using WxOrders.Platforms.Channels;
using WxOrders.Platforms.Coop;
using WxOrders.Platforms.Shop;
using WxOrders.Platforms.Union;
using WxOrders.Platforms.Wshoto;

namespace WxOrders.Json
{
    /// <summary>
    /// The one place for how WxOrders reads and writes the platforms' JSON, and the serialization metadata of every
    /// request and response type. The options: numbers may arrive as strings, property names match case-insensitively
    /// (the documents disagree on case, e.g. "Errcode"), unknown fields are ignored, nulls are not written.
    /// A new API adds its request and response types here (the generator of System.Text.Json 8 accepts
    /// [JsonSerializable] on one declaration of a context only, so they cannot live in the platform's folder).
    /// Converters listed in the options apply to one model type each: OneOrManyConverter reads Wshoto's "data", which
    /// is one order in the document's example and "object[]" in its table.
    /// </summary>
    [JsonSourceGenerationOptions(
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Default,
        Converters = new[] { typeof(OneOrManyConverter<WshotoOrder>) })]

    // Tokens (Auth/).
    [JsonSerializable(typeof(WeChatTokenRequest))]
    [JsonSerializable(typeof(WeChatTokenResponse))]
    [JsonSerializable(typeof(WshotoResponse<WshotoTokenData>))]

    // WeChat Mini Program shop: POST /shop/order/get.
    [JsonSerializable(typeof(ShopOrderRequest))]
    [JsonSerializable(typeof(ShopOrderResponse))]

    // WeChat Mini Program shop: POST /shop/order/get_list.
    [JsonSerializable(typeof(ShopOrderListRequest))]
    [JsonSerializable(typeof(ShopOrderListResponse))]

    // WeChat Store (Channels): POST /channels/ec/order/get.
    [JsonSerializable(typeof(ChannelsOrderRequest))]
    [JsonSerializable(typeof(ChannelsOrderResponse))]

    // WeChat Store (Channels): POST /channels/ec/order/list/get.
    [JsonSerializable(typeof(ChannelsOrderListRequest))]
    [JsonSerializable(typeof(ChannelsOrderListResponse))]

    // WeChat Channels co-account: POST /channels/ec/cooperation/order/get.
    [JsonSerializable(typeof(CoopOrderRequest))]
    [JsonSerializable(typeof(CoopOrderResponse))]

    // WeChat union: POST /union/promoter/order/info, GET /union/promoter/order/search.
    [JsonSerializable(typeof(UnionOrderInfoRequest))]
    [JsonSerializable(typeof(UnionOrderListResponse))]

    // Wshoto mall: POST /openapi/mall/order/detail.
    [JsonSerializable(typeof(WshotoOrderRequest))]
    [JsonSerializable(typeof(WshotoResponse<WshotoOrder[]>))]
    [JsonSerializable(typeof(WshotoOrder))]

    // Wshoto mall: /openapi/mall/order/list (GET with a JSON body).
    [JsonSerializable(typeof(WshotoOrderListRequest))]
    [JsonSerializable(typeof(WshotoResponse<WshotoListData>))]
    internal sealed partial class WireJsonContext : JsonSerializerContext
    {
    }
}
