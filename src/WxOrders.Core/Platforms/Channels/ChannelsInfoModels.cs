using System;
using System.Text.Json.Serialization;
using WxOrders.Json;

namespace WxOrders
{
    /// <summary>Price information of a store order; every amount is in fen.</summary>
    public sealed class ChannelsPriceInfo
    {
        /// <summary>Goods total, in fen.</summary>
        [JsonPropertyName("product_price")]
        public long? ProductPrice { get; set; }

        /// <summary>Shipping, in fen.</summary>
        [JsonPropertyName("freight")]
        public long? Freight { get; set; }

        /// <summary>ProductPrice + Freight, in fen.</summary>
        [JsonPropertyName("original_order_price")]
        public long? OriginalOrderPrice { get; set; }

        /// <summary>What the buyer pays, in fen: OriginalOrderPrice - DiscountedPrice - DeductionPrice - ChangeDownPrice.</summary>
        [JsonPropertyName("order_price")]
        public long? OrderPrice { get; set; }

        /// <summary>Merchant and coupon discount, in fen (flagged by IsDiscounted).</summary>
        [JsonPropertyName("discounted_price")]
        public long? DiscountedPrice { get; set; }

        [JsonPropertyName("is_discounted")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsDiscounted { get; set; }

        /// <summary>Estimated goods total, in fen.</summary>
        [JsonPropertyName("estimate_product_price")]
        public long? EstimateProductPrice { get; set; }

        /// <summary>What a manual price change took off, in fen.</summary>
        [JsonPropertyName("change_down_price")]
        public long? ChangeDownPrice { get; set; }

        /// <summary>Shipping after a change, in fen (flagged by IsChangeFreight).</summary>
        [JsonPropertyName("change_freight")]
        public long? ChangeFreight { get; set; }

        [JsonPropertyName("is_change_freight")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsChangeFreight { get; set; }

        [JsonPropertyName("use_deduction")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? UseDeduction { get; set; }

        /// <summary>Amount covered by member points, in fen.</summary>
        [JsonPropertyName("deduction_price")]
        public long? DeductionPrice { get; set; }

        /// <summary>
        /// What the merchant receives, in fen. The wire key is misspelt "merchant_receieve_price"; the correct
        /// spelling "merchant_receive_price" is read too (the documented one wins when both come).
        /// </summary>
        [JsonPropertyName("merchant_receieve_price")]
        public long? MerchantReceivePrice { get; set; }

        [JsonPropertyName("merchant_receive_price")]
        [JsonInclude]
        internal long? MerchantReceivePriceCorrectSpelling
        {
            get => null;
            set => MerchantReceivePrice = MerchantReceivePrice ?? value;
        }

        /// <summary>Merchant discount, in fen.</summary>
        [JsonPropertyName("merchant_discounted_price")]
        public long? MerchantDiscountedPrice { get; set; }

        /// <summary>Discount paid by the promoting talent (finder), in fen.</summary>
        [JsonPropertyName("finder_discounted_price")]
        public long? FinderDiscountedPrice { get; set; }

        /// <summary>Member discount, in fen.</summary>
        [JsonPropertyName("vip_discounted_price")]
        public long? VipDiscountedPrice { get; set; }

        /// <summary>Group-buy discount, in fen.</summary>
        [JsonPropertyName("bulkbuy_discounted_price")]
        public long? BulkbuyDiscountedPrice { get; set; }

        /// <summary>Platform cash-coupon discount, in fen.</summary>
        [JsonPropertyName("cash_coupon_discounted_price")]
        public long? CashCouponDiscountedPrice { get; set; }

        /// <summary>Flash-sale discount, in fen.</summary>
        [JsonPropertyName("limited_discount_discounted_price")]
        public long? LimitedDiscountDiscountedPrice { get; set; }

        /// <summary>The merchant's share of a platform activity's discount, in fen.</summary>
        [JsonPropertyName("platform_activity_merchant_discounted_price")]
        public long? PlatformActivityMerchantDiscountedPrice { get; set; }

        /// <summary>National subsidy, in fen.</summary>
        [JsonPropertyName("national_subsidy_discounted_price")]
        public long? NationalSubsidyDiscountedPrice { get; set; }

        /// <summary>The merchant's share of the national subsidy, in fen.</summary>
        [JsonPropertyName("national_subsidy_merchant_discounted_price")]
        public long? NationalSubsidyMerchantDiscountedPrice { get; set; }
    }

    /// <summary>Payment of a store order. The wire sends an empty object while the order is unpaid: every property is null then.</summary>
    public sealed class ChannelsPayInfo
    {
        [JsonPropertyName("prepay_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PrepayId { get; set; }

        [JsonPropertyName("prepay_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? PrepayTime { get; set; }

        [JsonPropertyName("pay_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? PayTime { get; set; }

        /// <summary>The WeChat Pay transaction; empty for PayLater until the buyer is charged, always empty for ZeroPriceLottery and PointsRedemption.</summary>
        [JsonPropertyName("transaction_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string TransactionId { get; set; }

        [JsonPropertyName("payment_method")]
        public ChannelsPaymentMethod? PaymentMethod { get; set; }
    }

    public sealed class ChannelsCouponInfo
    {
        [JsonPropertyName("user_coupon_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string UserCouponId { get; set; }
    }

    /// <summary>Notes, the confirmation time, the selling talent and live room, and the order scene.</summary>
    public sealed class ChannelsExtInfo
    {
        [JsonPropertyName("customer_notes")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CustomerNotes { get; set; }

        [JsonPropertyName("merchant_notes")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string MerchantNotes { get; set; }

        /// <summary>When receipt was confirmed, by the buyer or automatically.</summary>
        [JsonPropertyName("confirm_receipt_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? ConfirmReceiptTime { get; set; }

        /// <summary>The Channels account (finder) the order came through.</summary>
        [JsonPropertyName("finder_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string FinderId { get; set; }

        [JsonPropertyName("live_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string LiveId { get; set; }

        [JsonPropertyName("order_scene")]
        public ChannelsOrderScene? OrderScene { get; set; }

        [JsonPropertyName("vip_order_session_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string VipOrderSessionId { get; set; }

        /// <summary>0 commission not generated yet, 1 generated.</summary>
        [JsonPropertyName("commission_handling_progress")]
        public int? CommissionHandlingProgress { get; set; }
    }

    /// <summary>The commission of one promoter on one SKU; Amount in fen.</summary>
    public sealed class ChannelsCommissionInfo
    {
        [JsonPropertyName("sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuId { get; set; }

        [JsonPropertyName("nickname")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string Nickname { get; set; }

        /// <summary>0 talent (达人); 1 agency (带货机构) or group leader (团长): the sources disagree.</summary>
        [JsonPropertyName("type")]
        public int? Type { get; set; }

        [JsonPropertyName("status")]
        public ChannelsCommissionStatus? Status { get; set; }

        /// <summary>The commission, in fen.</summary>
        [JsonPropertyName("amount")]
        public long? Amount { get; set; }

        [JsonPropertyName("finder_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string FinderId { get; set; }

        [JsonPropertyName("openfinderid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OpenFinderId { get; set; }

        [JsonPropertyName("talent_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string TalentId { get; set; }

        [JsonPropertyName("agency_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AgencyId { get; set; }
    }

    /// <summary>Settlement of a store order, in fen. The actual (not predicted) amounts stay null until settlement.</summary>
    public sealed class ChannelsSettleInfo
    {
        [JsonPropertyName("predict_commission_fee")]
        public long? PredictCommissionFee { get; set; }

        [JsonPropertyName("commission_fee")]
        public long? CommissionFee { get; set; }

        [JsonPropertyName("predict_wecoin_commission")]
        public long? PredictWecoinCommission { get; set; }

        [JsonPropertyName("wecoin_commission")]
        public long? WecoinCommission { get; set; }

        [JsonPropertyName("settle_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? SettleTime { get; set; }
    }

    public sealed class ChannelsSharerInfo
    {
        [JsonPropertyName("sharer_openid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SharerOpenId { get; set; }

        [JsonPropertyName("sharer_unionid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SharerUnionId { get; set; }

        /// <summary>0 an ordinary sharer, 1 a shop sharer.</summary>
        [JsonPropertyName("sharer_type")]
        public int? SharerType { get; set; }

        [JsonPropertyName("share_scene")]
        public int? ShareScene { get; set; }

        /// <summary>0 not handled yet, 1 handled.</summary>
        [JsonPropertyName("handling_progress")]
        public int? HandlingProgress { get; set; }
    }

    public sealed class ChannelsSkuSharerInfo
    {
        [JsonPropertyName("sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuId { get; set; }

        [JsonPropertyName("sharer_openid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SharerOpenId { get; set; }

        [JsonPropertyName("sharer_unionid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SharerUnionId { get; set; }

        [JsonPropertyName("sharer_type")]
        public int? SharerType { get; set; }

        [JsonPropertyName("share_scene")]
        public int? ShareScene { get; set; }

        [JsonPropertyName("handling_progress")]
        public int? HandlingProgress { get; set; }

        /// <summary>True when the share came from WeCom.</summary>
        [JsonPropertyName("from_wecom")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? FromWecom { get; set; }
    }

    public sealed class ChannelsAgentInfo
    {
        [JsonPropertyName("agent_finder_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AgentFinderId { get; set; }

        [JsonPropertyName("agent_finder_nickname")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AgentFinderNickname { get; set; }
    }

    /// <summary>Where one SKU was sold from.</summary>
    public sealed class ChannelsSourceInfo
    {
        [JsonPropertyName("sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuId { get; set; }

        /// <summary>0 linked account, 1 co-account, 2 authorised account, 100 talent sale, 101 agency promotion, 102 other.</summary>
        [JsonPropertyName("sale_channel")]
        public int? SaleChannel { get; set; }

        /// <summary>1 Channels, 2 official account, 3 Mini Program, 4 WeCom, 5 talent, 6 service account, 1000 agency.</summary>
        [JsonPropertyName("account_type")]
        public int? AccountType { get; set; }

        [JsonPropertyName("account_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AccountId { get; set; }

        [JsonPropertyName("account_nickname")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AccountNickname { get; set; }

        [JsonPropertyName("content_type")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ContentType { get; set; }

        [JsonPropertyName("content_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ContentId { get; set; }

        [JsonPropertyName("promoter_head_supplier_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PromoterHeadSupplierId { get; set; }

        [JsonPropertyName("original_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OriginalId { get; set; }
    }

    public sealed class ChannelsRefundInfo
    {
        /// <summary>Shipping refunded, in fen.</summary>
        [JsonPropertyName("refund_freight")]
        public long? RefundFreight { get; set; }
    }

    public sealed class ChannelsGreetingCardInfo
    {
        [JsonPropertyName("giver_name")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string GiverName { get; set; }

        [JsonPropertyName("receiver_name")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ReceiverName { get; set; }

        [JsonPropertyName("greeting_message")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string GreetingMessage { get; set; }
    }

    /// <summary>A customised product: the buyer's image or words.</summary>
    public sealed class ChannelsCustomInfo
    {
        [JsonPropertyName("custom_type")]
        public int? CustomType { get; set; }

        [JsonPropertyName("custom_img_url")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CustomImgUrl { get; set; }

        [JsonPropertyName("custom_preview_img_url")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CustomPreviewImgUrl { get; set; }

        [JsonPropertyName("custom_word")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CustomWord { get; set; }
    }

    /// <summary>The order's after-sale orders and how many are in progress.</summary>
    public sealed class ChannelsAftersaleDetail
    {
        [JsonPropertyName("aftersale_order_list")]
        public ChannelsAftersaleOrder[] AftersaleOrderList { get; set; }

        /// <summary>After-sale orders in progress.</summary>
        [JsonPropertyName("on_aftersale_order_cnt")]
        public long? OnAftersaleOrderCnt { get; set; }
    }

    public sealed class ChannelsAftersaleOrder
    {
        [JsonPropertyName("aftersale_order_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AftersaleOrderId { get; set; }

        /// <summary>Not maintained since 2025-02-07: read the after-sale order with the after-sale API for its state.</summary>
        [JsonPropertyName("status")]
        public int? Status { get; set; }

        public override string ToString() => AftersaleOrderId;
    }

    /// <summary>The gift fields of the order, grouped, plus whether it is a free B2C gift.</summary>
    public sealed class ChannelsOrderPresentInfo
    {
        [JsonPropertyName("is_present")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsPresent { get; set; }

        [JsonPropertyName("present_order_id_str")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PresentOrderIdStr { get; set; }

        [JsonPropertyName("present_note")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PresentNote { get; set; }

        [JsonPropertyName("present_giver_openid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PresentGiverOpenId { get; set; }

        [JsonPropertyName("present_giver_unionid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PresentGiverUnionId { get; set; }

        [JsonPropertyName("present_send_type")]
        public int? PresentSendType { get; set; }

        [JsonPropertyName("is_b2c_free_present")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsB2cFreePresent { get; set; }
    }

    /// <summary>Same-city delivery: the store and the promised arrival window.</summary>
    public sealed class ChannelsIntraCityOrderInfo
    {
        [JsonPropertyName("shop_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ShopId { get; set; }

        [JsonPropertyName("predict_arrive_time_type")]
        public int? PredictArriveTimeType { get; set; }

        [JsonPropertyName("predict_arrive_start_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? PredictArriveStartTime { get; set; }

        [JsonPropertyName("predict_arrive_end_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? PredictArriveEndTime { get; set; }
    }
}
