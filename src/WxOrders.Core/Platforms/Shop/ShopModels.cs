using System;
using System.Text.Json.Serialization;
using WxOrders.Json;

namespace WxOrders
{
    /// <summary>Order status of a Mini Program transaction-component order. Numbers not listed here are kept as they are.</summary>
    [JsonConverter(typeof(WireEnumConverter<ShopOrderStatus>))]
    public enum ShopOrderStatus
    {
        /// <summary>10: awaiting payment.</summary>
        Unpaid = 10,
        /// <summary>11: paid through checkout (treated like 10 by the merchant).</summary>
        CheckoutPaid = 11,
        /// <summary>20: paid, awaiting shipment.</summary>
        AwaitingShipment = 20,
        /// <summary>30: shipped, awaiting receipt.</summary>
        AwaitingReceipt = 30,
        /// <summary>100: completed.</summary>
        Completed = 100,
        /// <summary>181: cancelled after a payment timeout.</summary>
        PaymentTimeoutCancelled = 181,
        /// <summary>200: cancelled after every item went through after-sale.</summary>
        AfterSaleCancelled = 200,
        /// <summary>250: cancelled by the buyer, by timeout or by the merchant.</summary>
        Cancelled = 250,
        /// <summary>1010: deposit paid.</summary>
        DepositPaid = 1010,
    }

    /// <summary>
    /// A Mini Program transaction-component order (POST /shop/order/get). Money is in fen (1/100 yuan) as integers;
    /// times are China time (+08:00).
    /// </summary>
    public sealed class ShopOrder
    {
        /// <summary>The platform order id (exact unsigned 64-bit).</summary>
        [JsonPropertyName("order_id")]
        public ulong OrderId { get; set; }

        /// <summary>The merchant's own order id.</summary>
        [JsonPropertyName("out_order_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OutOrderId { get; set; }

        [JsonPropertyName("status")]
        public ShopOrderStatus Status { get; set; }

        /// <summary>
        /// When the order was created (China time). Sent by /shop/order/get and /shop/order/get_list although the
        /// order/get page's field table leaves it out; the list filters on it.
        /// </summary>
        [JsonPropertyName("create_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? CreateTime { get; set; }

        /// <summary>When the order last changed (China time): its version, with OrderId the key of a change.</summary>
        [JsonPropertyName("update_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? UpdateTime { get; set; }

        /// <summary>The order's fund type as the API sends it (a number; its values are not documented).</summary>
        [JsonPropertyName("fund_type")]
        public int? FundType { get; set; }

        /// <summary>The scene the order was placed in, as the API sends it (a number; its values are not documented).</summary>
        [JsonPropertyName("scene")]
        public int? Scene { get; set; }

        /// <summary>Mini Program page of the order, for the WeChat order centre.</summary>
        [JsonPropertyName("path")]
        public string Path { get; set; }

        /// <summary>
        /// The buyer's openid: the one the order was looked up with (Get-ShopOrder), or the list's openid field
        /// (Search-ShopOrder).
        /// </summary>
        [JsonIgnore]
        public string OpenId { get; set; }

        /// <summary>The list sends the buyer's openid; order/get does not (there it comes from the request).</summary>
        [JsonPropertyName("openid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        [JsonInclude]
        internal string WireOpenId
        {
            get => null;
            set => OpenId = OpenId ?? value;
        }

        [JsonPropertyName("order_detail")]
        public ShopOrderDetail OrderDetail { get; set; }

        public override string ToString() => OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class ShopOrderDetail
    {
        [JsonPropertyName("product_infos")]
        public ShopProductInfo[] ProductInfos { get; set; }

        [JsonPropertyName("pay_info")]
        public ShopPayInfo PayInfo { get; set; }

        [JsonPropertyName("price_info")]
        public ShopPriceInfo PriceInfo { get; set; }

        [JsonPropertyName("delivery_detail")]
        public ShopDeliveryDetail DeliveryDetail { get; set; }

        [JsonPropertyName("promotion_info")]
        public ShopPromotionInfo PromotionInfo { get; set; }

        [JsonPropertyName("sharer_info")]
        public ShopSharerInfo SharerInfo { get; set; }

        [JsonPropertyName("buyer_info")]
        public ShopBuyerInfo BuyerInfo { get; set; }

        [JsonPropertyName("remark_info")]
        public ShopRemarkInfo RemarkInfo { get; set; }

        [JsonPropertyName("price_detail")]
        public ShopPriceDetail PriceDetail { get; set; }

        [JsonPropertyName("service_orders")]
        public ShopServiceOrder[] ServiceOrders { get; set; }

        [JsonPropertyName("shop_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ShopId { get; set; }

        /// <summary>Shopping guide id.</summary>
        [JsonPropertyName("dg_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DgId { get; set; }
    }

    public sealed class ShopProductInfo
    {
        [JsonPropertyName("out_product_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OutProductId { get; set; }

        [JsonPropertyName("out_sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OutSkuId { get; set; }

        /// <summary>Quantity bought.</summary>
        [JsonPropertyName("product_cnt")]
        public long? ProductCnt { get; set; }

        /// <summary>Unit price when the order was made, in fen.</summary>
        [JsonPropertyName("sale_price")]
        public long? SalePrice { get; set; }

        /// <summary>Average unit price after discounts, in fen.</summary>
        [JsonPropertyName("real_price")]
        public long? RealPrice { get; set; }

        [JsonPropertyName("path")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string Path { get; set; }

        [JsonPropertyName("title")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string Title { get; set; }

        [JsonPropertyName("head_image")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string HeadImage { get; set; }
    }

    public sealed class ShopPayInfo
    {
        /// <summary>Payment method as text (e.g. "WeChat Pay").</summary>
        [JsonPropertyName("pay_method")]
        public string PayMethod { get; set; }

        /// <summary>0 WeChat Pay, 1 cash on delivery, 2 merchant membership card.</summary>
        [JsonPropertyName("pay_method_type")]
        public int? PayMethodType { get; set; }

        [JsonPropertyName("prepay_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PrepayId { get; set; }

        [JsonPropertyName("prepay_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? PrepayTime { get; set; }

        [JsonPropertyName("transaction_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string TransactionId { get; set; }

        [JsonPropertyName("pay_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? PayTime { get; set; }
    }

    /// <summary>Amounts in fen.</summary>
    public sealed class ShopPriceInfo
    {
        /// <summary>Amount paid: goods + freight + additional - discount, in fen.</summary>
        [JsonPropertyName("order_price")]
        public long? OrderPrice { get; set; }

        [JsonPropertyName("freight")]
        public long? Freight { get; set; }

        [JsonPropertyName("discounted_price")]
        public long? DiscountedPrice { get; set; }

        [JsonPropertyName("additional_price")]
        public long? AdditionalPrice { get; set; }

        [JsonPropertyName("additional_remarks")]
        public string AdditionalRemarks { get; set; }
    }

    public sealed class ShopDeliveryDetail
    {
        [JsonPropertyName("delivery_type")]
        public int? DeliveryType { get; set; }

        /// <summary>1 when every item has shipped.</summary>
        [JsonPropertyName("finish_all_delivery")]
        public int? FinishAllDelivery { get; set; }

        [JsonPropertyName("delivery_list")]
        public ShopDelivery[] DeliveryList { get; set; }
    }

    public sealed class ShopDelivery
    {
        /// <summary>Express company id.</summary>
        [JsonPropertyName("delivery_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DeliveryId { get; set; }

        [JsonPropertyName("waybill_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string WaybillId { get; set; }

        [JsonPropertyName("deliverer_name")]
        public string DelivererName { get; set; }

        [JsonPropertyName("deliverer_phone")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DelivererPhone { get; set; }

        /// <summary>Logistics status (the field table spells the wire key "delivey_status"; both spellings are read).</summary>
        [JsonPropertyName("delivery_status")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DeliveryStatus { get; set; }

        [JsonPropertyName("delivey_status")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        [JsonInclude]
        internal string DeliveyStatus
        {
            get => null;
            set => DeliveryStatus = DeliveryStatus ?? value;
        }
    }

    public sealed class ShopPromotionInfo
    {
        [JsonPropertyName("promoter_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PromoterId { get; set; }

        /// <summary>Nickname of the promoting Channels account.</summary>
        [JsonPropertyName("finder_nickname")]
        public string FinderNickname { get; set; }
    }

    public sealed class ShopSharerInfo
    {
        [JsonPropertyName("sharer_openid")]
        public string SharerOpenId { get; set; }
    }

    public sealed class ShopBuyerInfo
    {
        [JsonPropertyName("delivery_name")]
        public string DeliveryName { get; set; }

        [JsonPropertyName("delivery_mobile")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DeliveryMobile { get; set; }

        [JsonPropertyName("delivery_address")]
        public string DeliveryAddress { get; set; }

        [JsonPropertyName("province")]
        public string Province { get; set; }

        [JsonPropertyName("city")]
        public string City { get; set; }

        [JsonPropertyName("area")]
        public string Area { get; set; }

        [JsonPropertyName("zip_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ZipCode { get; set; }

        [JsonPropertyName("lastedchange_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? LastedChangeTime { get; set; }
    }

    public sealed class ShopRemarkInfo
    {
        [JsonPropertyName("buyer_message")]
        public string BuyerMessage { get; set; }

        [JsonPropertyName("trade_memo")]
        public string TradeMemo { get; set; }
    }

    /// <summary>Discount details; amounts in fen.</summary>
    public sealed class ShopPriceDetail
    {
        [JsonPropertyName("total_amount")]
        public long? TotalAmount { get; set; }

        /// <summary>0 none, 1 amount off, 2 percentage discount.</summary>
        [JsonPropertyName("benefit_type")]
        public int? BenefitType { get; set; }

        /// <summary>vip, coupon or integral.</summary>
        [JsonPropertyName("discount_type")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DiscountType { get; set; }

        [JsonPropertyName("benefit_name")]
        public string BenefitName { get; set; }

        [JsonPropertyName("benefit_info")]
        public string BenefitInfo { get; set; }

        [JsonPropertyName("benefit_condition")]
        public long? BenefitCondition { get; set; }

        [JsonPropertyName("benefit_value")]
        public long? BenefitValue { get; set; }

        [JsonPropertyName("benefit_discount")]
        public long? BenefitDiscount { get; set; }

        [JsonPropertyName("coupon_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CouponId { get; set; }
    }

    public sealed class ShopServiceOrder
    {
        [JsonPropertyName("out_product_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OutProductId { get; set; }

        [JsonPropertyName("sub_order_price")]
        public long? SubOrderPrice { get; set; }

        [JsonPropertyName("sub_order_amount")]
        public long? SubOrderAmount { get; set; }

        [JsonPropertyName("sub_order_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SubOrderId { get; set; }
    }
}
