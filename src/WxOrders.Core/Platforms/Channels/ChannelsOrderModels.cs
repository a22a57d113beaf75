using System;
using System.Text.Json.Serialization;
using WxOrders.Json;

namespace WxOrders
{
    /// <summary>
    /// A WeChat Store (微信小店) order, as POST /channels/ec/order/get returns it
    /// (https://developers.weixin.qq.com/doc/store/API/order/get).
    /// Money is in fen (1/100 yuan) as integers; times are China time (+08:00), null while "not yet" (0 on the wire);
    /// ids are exact text (order ids have 19 digits, beyond what a double holds).
    /// </summary>
    public sealed class ChannelsOrder
    {
        /// <summary>The store order id: 19 digits, as text (the wire sends a string or a number).</summary>
        [JsonPropertyName("order_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OrderId { get; set; }

        /// <summary>The order status; a number the documents do not list is kept and prints as that number.</summary>
        [JsonPropertyName("status")]
        public ChannelsOrderStatus? Status { get; set; }

        [JsonPropertyName("create_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? CreateTime { get; set; }

        /// <summary>When the order last changed (status, shipping, after-sale, address): what incremental pulls follow.</summary>
        [JsonPropertyName("update_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? UpdateTime { get; set; }

        /// <summary>The order owner's openid: the payer, or the recipient of a gift order.</summary>
        [JsonPropertyName("openid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OpenId { get; set; }

        /// <summary>The owner's unionid: only when the store is bound to an Open Platform account, for orders placed after binding.</summary>
        [JsonPropertyName("unionid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string UnionId { get; set; }

        [JsonPropertyName("order_detail")]
        public ChannelsOrderDetail OrderDetail { get; set; }

        [JsonPropertyName("aftersale_detail")]
        public ChannelsAftersaleDetail AftersaleDetail { get; set; }

        /// <summary>True for a gift order (送礼).</summary>
        [JsonPropertyName("is_present")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsPresent { get; set; }

        /// <summary>Deprecated numeric gift order id, kept as exact text; prefer PresentOrderIdStr.</summary>
        [JsonPropertyName("present_order_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PresentOrderId { get; set; }

        /// <summary>The gift order id.</summary>
        [JsonPropertyName("present_order_id_str")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PresentOrderIdStr { get; set; }

        /// <summary>The giver's message.</summary>
        [JsonPropertyName("present_note")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PresentNote { get; set; }

        [JsonPropertyName("present_giver_openid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PresentGiverOpenId { get; set; }

        [JsonPropertyName("present_giver_unionid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PresentGiverUnionId { get; set; }

        /// <summary>How the gift was sent: 0 single chat, 1 group chat, 2 official account, 3 Channels, 4 WeCom single chat, 5 WeCom group, 6 Mini Program.</summary>
        [JsonPropertyName("present_send_type")]
        public int? PresentSendType { get; set; }

        [JsonPropertyName("order_present_info")]
        public ChannelsOrderPresentInfo OrderPresentInfo { get; set; }

        [JsonPropertyName("is_flash_sale_order")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsFlashSaleOrder { get; set; }

        [JsonPropertyName("intra_city_order_info")]
        public ChannelsIntraCityOrderInfo IntraCityOrderInfo { get; set; }

        public override string ToString() => OrderId;
    }

    public sealed class ChannelsOrderDetail
    {
        /// <summary>One entry per SKU line.</summary>
        [JsonPropertyName("product_infos")]
        public ChannelsProductInfo[] ProductInfos { get; set; }

        [JsonPropertyName("price_info")]
        public ChannelsPriceInfo PriceInfo { get; set; }

        /// <summary>Payment; every property is null while the order is unpaid (the wire sends an empty object).</summary>
        [JsonPropertyName("pay_info")]
        public ChannelsPayInfo PayInfo { get; set; }

        [JsonPropertyName("delivery_info")]
        public ChannelsDeliveryInfo DeliveryInfo { get; set; }

        /// <summary>Legacy coupon reference; order_product_coupon_info_list on the product lines replaces it.</summary>
        [JsonPropertyName("coupon_info")]
        public ChannelsCouponInfo CouponInfo { get; set; }

        [JsonPropertyName("ext_info")]
        public ChannelsExtInfo ExtInfo { get; set; }

        /// <summary>Commissions of the promoters (talents, agencies) who sold the order's SKUs.</summary>
        [JsonPropertyName("commission_infos")]
        public ChannelsCommissionInfo[] CommissionInfos { get; set; }

        [JsonPropertyName("settle_info")]
        public ChannelsSettleInfo SettleInfo { get; set; }

        /// <summary>The sharer of the order (no longer maintained by the platform).</summary>
        [JsonPropertyName("sharer_info")]
        public ChannelsSharerInfo SharerInfo { get; set; }

        /// <summary>The sharer of each SKU (no longer maintained by the platform).</summary>
        [JsonPropertyName("sku_sharer_infos")]
        public ChannelsSkuSharerInfo[] SkuSharerInfos { get; set; }

        [JsonPropertyName("agent_info")]
        public ChannelsAgentInfo AgentInfo { get; set; }

        /// <summary>Where each SKU was sold from. Also read from "source_info" (one object), as one SDK models it.</summary>
        [JsonPropertyName("source_infos")]
        public ChannelsSourceInfo[] SourceInfos { get; set; }

        [JsonPropertyName("source_info")]
        [JsonInclude]
        internal ChannelsSourceInfo SourceInfoSingle
        {
            get => null;
            set => SourceInfos = SourceInfos ?? (value == null ? null : new[] { value });
        }

        [JsonPropertyName("refund_info")]
        public ChannelsRefundInfo RefundInfo { get; set; }

        [JsonPropertyName("greeting_card_info")]
        public ChannelsGreetingCardInfo GreetingCardInfo { get; set; }

        [JsonPropertyName("custom_info")]
        public ChannelsCustomInfo CustomInfo { get; set; }
    }

    /// <summary>One SKU line of a store order; amounts in fen. OrderId is the order's (not on the wire).</summary>
    public sealed class ChannelsProductInfo
    {
        /// <summary>The order this line belongs to (set from the order, so a line can be exported on its own).</summary>
        [JsonIgnore]
        public string OrderId { get; set; }

        /// <summary>The product (SPU) id, as exact text.</summary>
        [JsonPropertyName("product_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ProductId { get; set; }

        /// <summary>The SKU id, as exact text.</summary>
        [JsonPropertyName("sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuId { get; set; }

        [JsonPropertyName("thumb_img")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ThumbImg { get; set; }

        [JsonPropertyName("title")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string Title { get; set; }

        /// <summary>Quantity bought.</summary>
        [JsonPropertyName("sku_cnt")]
        public long? SkuCnt { get; set; }

        /// <summary>Unit sale price, in fen.</summary>
        [JsonPropertyName("sale_price")]
        public long? SalePrice { get; set; }

        /// <summary>Unit list price, in fen.</summary>
        [JsonPropertyName("market_price")]
        public long? MarketPrice { get; set; }

        /// <summary>Line total after every discount, in fen (sent when IsDiscounted is true).</summary>
        [JsonPropertyName("estimate_price")]
        public long? EstimatePrice { get; set; }

        /// <summary>Line total after a manual price change, in fen (sent when IsChangePrice is true).</summary>
        [JsonPropertyName("change_price")]
        public long? ChangePrice { get; set; }

        /// <summary>Line total paid, in fen: the smaller of EstimatePrice and ChangePrice.</summary>
        [JsonPropertyName("real_price")]
        public long? RealPrice { get; set; }

        [JsonPropertyName("is_discounted")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsDiscounted { get; set; }

        [JsonPropertyName("is_change_price")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsChangePrice { get; set; }

        /// <summary>Quantity currently in after-sale or refund.</summary>
        [JsonPropertyName("on_aftersale_sku_cnt")]
        public long? OnAftersaleSkuCnt { get; set; }

        /// <summary>Quantity whose after-sale or refund is finished.</summary>
        [JsonPropertyName("finish_aftersale_sku_cnt")]
        public long? FinishAftersaleSkuCnt { get; set; }

        /// <summary>The merchant's SKU code; may be empty.</summary>
        [JsonPropertyName("sku_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuCode { get; set; }

        [JsonPropertyName("sku_attrs")]
        public ChannelsSkuAttr[] SkuAttrs { get; set; }

        [JsonPropertyName("out_product_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OutProductId { get; set; }

        [JsonPropertyName("out_sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OutSkuId { get; set; }

        /// <summary>The regional stock (warehouse) the line ships from.</summary>
        [JsonPropertyName("out_warehouse_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OutWarehouseId { get; set; }

        [JsonPropertyName("sku_deliver_info")]
        public ChannelsSkuDeliverInfo SkuDeliverInfo { get; set; }

        [JsonPropertyName("extra_service")]
        public ChannelsExtraService ExtraService { get; set; }

        /// <summary>True when member points paid part of the line.</summary>
        [JsonPropertyName("use_deduction")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? UseDeduction { get; set; }

        /// <summary>Amount covered by member points, in fen.</summary>
        [JsonPropertyName("deduction_price")]
        public long? DeductionPrice { get; set; }

        [JsonPropertyName("order_product_coupon_info_list")]
        public ChannelsProductCouponInfo[] OrderProductCouponInfoList { get; set; }

        /// <summary>The ship-by deadline.</summary>
        [JsonPropertyName("delivery_deadline")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? DeliveryDeadline { get; set; }

        /// <summary>Merchant discount on the line, in fen.</summary>
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

        /// <summary>Flash-sale (limited-time) discount, in fen.</summary>
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

        /// <summary>True for a free gift line (0/1 on the wire).</summary>
        [JsonPropertyName("is_free_gift")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsFreeGift { get; set; }

        /// <summary>For a free gift line: the lines that earned it.</summary>
        [JsonPropertyName("free_gift_info")]
        public ChannelsFreeGiftInfo FreeGiftInfo { get; set; }

        /// <summary>A constant id of this line within the order.</summary>
        [JsonPropertyName("product_unique_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ProductUniqueId { get; set; }

        /// <summary>A buyer's request to change the SKU before shipping.</summary>
        [JsonPropertyName("change_sku_info")]
        public ChannelsChangeSkuInfo ChangeSkuInfo { get; set; }

        [JsonPropertyName("voucher_list")]
        public ChannelsVoucher[] VoucherList { get; set; }

        [JsonPropertyName("dropship_info")]
        public ChannelsDropshipInfo DropshipInfo { get; set; }

        [JsonPropertyName("is_flash_sale")]
        [JsonConverter(typeof(WireBoolConverter))]
        public bool? IsFlashSale { get; set; }

        public override string ToString() => Title;
    }

    /// <summary>One SKU attribute: a key/value pair such as 年份 = 2021.</summary>
    public sealed class ChannelsSkuAttr
    {
        [JsonPropertyName("attr_key")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AttrKey { get; set; }

        [JsonPropertyName("attr_value")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AttrValue { get; set; }

        public override string ToString() => AttrKey + "=" + AttrValue;
    }

    public sealed class ChannelsSkuDeliverInfo
    {
        /// <summary>0 in stock, 1 full-payment presale.</summary>
        [JsonPropertyName("stock_type")]
        public int? StockType { get; set; }

        /// <summary>When a presale line is expected to ship (unix seconds on the wire, or their text).</summary>
        [JsonPropertyName("predict_delivery_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? PredictDeliveryTime { get; set; }

        [JsonPropertyName("full_payment_presale_delivery_type")]
        public int? FullPaymentPresaleDeliveryType { get; set; }
    }

    public sealed class ChannelsExtraService
    {
        /// <summary>1 when the line has seven-day no-reason returns.</summary>
        [JsonPropertyName("seven_day_return")]
        public int? SevenDayReturn { get; set; }

        /// <summary>1 when the line has return-freight insurance.</summary>
        [JsonPropertyName("freight_insurance")]
        public int? FreightInsurance { get; set; }
    }

    public sealed class ChannelsProductCouponInfo
    {
        [JsonPropertyName("coupon_type")]
        public int? CouponType { get; set; }

        [JsonPropertyName("user_coupon_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string UserCouponId { get; set; }

        [JsonPropertyName("coupon_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CouponId { get; set; }

        /// <summary>What the coupon took off the line, in fen.</summary>
        [JsonPropertyName("discounted_price")]
        public long? DiscountedPrice { get; set; }
    }

    public sealed class ChannelsFreeGiftInfo
    {
        [JsonPropertyName("main_product_list")]
        public ChannelsFreeGiftMainProduct[] MainProductList { get; set; }
    }

    public sealed class ChannelsFreeGiftMainProduct
    {
        [JsonPropertyName("product_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ProductId { get; set; }

        [JsonPropertyName("sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuId { get; set; }

        [JsonPropertyName("task_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string TaskId { get; set; }

        [JsonPropertyName("gift_cnt")]
        public long? GiftCnt { get; set; }
    }

    public sealed class ChannelsChangeSkuInfo
    {
        /// <summary>3 pending, 4 approved, 5 rejected, 6 cancelled by the buyer, 7 timed out (as one source lists them).</summary>
        [JsonPropertyName("preshipment_change_sku_state")]
        public int? PreshipmentChangeSkuState { get; set; }

        [JsonPropertyName("old_sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OldSkuId { get; set; }

        [JsonPropertyName("new_sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string NewSkuId { get; set; }

        /// <summary>The merchant's deadline to answer the request.</summary>
        [JsonPropertyName("ddl_time_stamp")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? DdlTimeStamp { get; set; }
    }

    public sealed class ChannelsVoucher
    {
        [JsonPropertyName("voucher_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string VoucherCode { get; set; }

        [JsonPropertyName("voucher_type")]
        public int? VoucherType { get; set; }

        /// <summary>What the voucher cost, in fen.</summary>
        [JsonPropertyName("voucher_buy_amount")]
        public long? VoucherBuyAmount { get; set; }

        [JsonPropertyName("time_index")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string TimeIndex { get; set; }
    }

    public sealed class ChannelsDropshipInfo
    {
        /// <summary>The dropshipping order id, as exact text (a string or a number on the wire).</summary>
        [JsonPropertyName("ds_order_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DsOrderId { get; set; }
    }
}
