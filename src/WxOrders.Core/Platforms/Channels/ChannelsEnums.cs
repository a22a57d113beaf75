using System.Text.Json.Serialization;
using WxOrders.Json;

// ChannelsOrderStatus, the store's order status, is shared with the co-account orders and lives in CoopModels.cs.
namespace WxOrders
{
    /// <summary>
    /// How a WeChat Store order was paid (pay_info.payment_method). Numbers not listed here are kept as they are.
    /// https://developers.weixin.qq.com/doc/store/API/order/get
    /// </summary>
    [JsonConverter(typeof(WireEnumConverter<ChannelsPaymentMethod>))]
    public enum ChannelsPaymentMethod
    {
        /// <summary>1: 微信支付, WeChat Pay.</summary>
        WeChatPay = 1,
        /// <summary>2: 先用后付, pay later: TransactionId stays empty until the buyer is charged at receipt.</summary>
        PayLater = 2,
        /// <summary>3: 抽奖商品0元订单, a zero-price lottery order (no transaction).</summary>
        ZeroPriceLottery = 3,
        /// <summary>4: 会员积分兑换订单, redeemed with member points (no transaction).</summary>
        PointsRedemption = 4,
    }

    /// <summary>Where a WeChat Store order was placed (ext_info.order_scene). Numbers not listed here are kept as they are.</summary>
    [JsonConverter(typeof(WireEnumConverter<ChannelsOrderScene>))]
    public enum ChannelsOrderScene
    {
        /// <summary>1: 其他, anywhere else.</summary>
        Other = 1,
        /// <summary>2: 直播间, a live room.</summary>
        LiveRoom = 2,
        /// <summary>3: 短视频, a short video.</summary>
        ShortVideo = 3,
        /// <summary>4: 商品分享, a shared product.</summary>
        ProductShare = 4,
        /// <summary>5: 商品橱窗主页, the showcase home page.</summary>
        Showcase = 5,
        /// <summary>6: 公众号文章商品卡片, a product card in an official-account article.</summary>
        OfficialAccountArticle = 6,
    }

    /// <summary>Settlement state of a promoter's commission (commission_infos[].status). Numbers not listed here are kept.</summary>
    [JsonConverter(typeof(WireEnumConverter<ChannelsCommissionStatus>))]
    public enum ChannelsCommissionStatus
    {
        /// <summary>1: not settled yet.</summary>
        Unsettled = 1,
        /// <summary>2: settled.</summary>
        Settled = 2,
    }
}
