using System.Text.Json.Serialization;
using WxOrders.Json;

namespace WxOrders
{
    /// <summary>
    /// Status of a WeChat Channels store order (the store's OrderStatus). Numbers not listed here are kept as they are.
    /// </summary>
    [JsonConverter(typeof(WireEnumConverter<ChannelsOrderStatus>))]
    public enum ChannelsOrderStatus
    {
        /// <summary>10: awaiting payment.</summary>
        Unpaid = 10,
        /// <summary>12: a gift order awaiting the recipient's acceptance.</summary>
        GiftPending = 12,
        /// <summary>13: a group-buy order waiting for the group to form.</summary>
        GroupBuyPending = 13,
        /// <summary>20: paid, awaiting shipment.</summary>
        Paid = 20,
        /// <summary>21: some items shipped.</summary>
        PartiallyShipped = 21,
        /// <summary>30: shipped, awaiting receipt.</summary>
        AwaitingReceipt = 30,
        /// <summary>100: completed.</summary>
        Completed = 100,
        /// <summary>190: cancelled by the merchant after overselling.</summary>
        OversoldCancelled = 190,
        /// <summary>200: cancelled after every item went through after-sale.</summary>
        CancelledAfterSale = 200,
        /// <summary>250: cancelled (by the buyer, by timeout or by the merchant).</summary>
        Cancelled = 250,
    }

    /// <summary>
    /// A WeChat Channels store order placed through a Mini Program that is a co-account of the store
    /// (POST /channels/ec/cooperation/order/get). Money is in fen (1/100 yuan) as integers.
    /// The response carries neither id: ShopAppId and OrderId are the ones the order was looked up with.
    /// </summary>
    public sealed class CoopOrder
    {
        /// <summary>The store's AppID the order was looked up with (from the request, not the response).</summary>
        [JsonIgnore]
        public string ShopAppId { get; set; }

        /// <summary>The co-account order id the order was looked up with (from the request, not the response).</summary>
        [JsonIgnore]
        public string OrderId { get; set; }

        /// <summary>The store order status; null when the response leaves it out.</summary>
        [JsonPropertyName("status")]
        public ChannelsOrderStatus? Status { get; set; }

        /// <summary>The buyer's openid.</summary>
        [JsonPropertyName("openid")]
        public string OpenId { get; set; }

        /// <summary>The buyer's unionid, when the store is bound to an open-platform account.</summary>
        [JsonPropertyName("unionid")]
        public string UnionId { get; set; }

        [JsonPropertyName("order_detail")]
        public CoopOrderDetail OrderDetail { get; set; }

        public override string ToString() => OrderId;
    }

    public sealed class CoopOrderDetail
    {
        [JsonPropertyName("product_infos")]
        public CoopProductInfo[] ProductInfos { get; set; }

        [JsonPropertyName("price_info")]
        public CoopPriceInfo PriceInfo { get; set; }
    }

    /// <summary>One item of a co-account order; amounts in fen. OrderId is the order's (not on the wire).</summary>
    public sealed class CoopProductInfo
    {
        /// <summary>The co-account order id this item belongs to (from the request, not the response).</summary>
        [JsonIgnore]
        public string OrderId { get; set; }

        /// <summary>The product (SPU) id, exactly as on the wire (a number there, kept as text so no digit is lost).</summary>
        [JsonPropertyName("product_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ProductId { get; set; }

        /// <summary>The SKU id, exactly as on the wire (a number there, kept as text so no digit is lost).</summary>
        [JsonPropertyName("sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuId { get; set; }

        [JsonPropertyName("thumb_img")]
        public string ThumbImg { get; set; }

        /// <summary>Quantity bought.</summary>
        [JsonPropertyName("sku_cnt")]
        public long? SkuCnt { get; set; }

        /// <summary>Unit sale price, in fen.</summary>
        [JsonPropertyName("sale_price")]
        public long? SalePrice { get; set; }

        [JsonPropertyName("title")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string Title { get; set; }

        /// <summary>The merchant's product code.</summary>
        [JsonPropertyName("sku_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuCode { get; set; }

        /// <summary>Unit market price, in fen.</summary>
        [JsonPropertyName("market_price")]
        public long? MarketPrice { get; set; }

        [JsonPropertyName("sku_attrs")]
        public CoopSkuAttr[] SkuAttrs { get; set; }

        /// <summary>Total paid for this SKU line, in fen: the smaller of EstimatePrice and ChangePrice.</summary>
        [JsonPropertyName("real_price")]
        public long? RealPrice { get; set; }

        /// <summary>True when a merchant discount applies (the API's default is false).</summary>
        [JsonPropertyName("is_discounted")]
        public bool? IsDiscounted { get; set; }

        /// <summary>Line total after every discount, in fen (sent when there is a discount).</summary>
        [JsonPropertyName("estimate_price")]
        public long? EstimatePrice { get; set; }

        /// <summary>True when the merchant changed the price (the API's default is false).</summary>
        [JsonPropertyName("is_change_price")]
        public bool? IsChangePrice { get; set; }

        /// <summary>Line total after the price change, in fen (sent when IsChangePrice is true).</summary>
        [JsonPropertyName("change_price")]
        public long? ChangePrice { get; set; }

        public override string ToString() => Title;
    }

    /// <summary>One SKU attribute: a key/value pair such as 产地 = 四川成都.</summary>
    public sealed class CoopSkuAttr
    {
        [JsonPropertyName("attr_key")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AttrKey { get; set; }

        [JsonPropertyName("attr_value")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AttrValue { get; set; }

        public override string ToString() => AttrKey + "=" + AttrValue;
    }

    /// <summary>Price information of a co-account order; every amount is in fen.</summary>
    public sealed class CoopPriceInfo
    {
        /// <summary>Total goods price, in fen.</summary>
        [JsonPropertyName("product_price")]
        public long? ProductPrice { get; set; }

        /// <summary>Amount the buyer paid, in fen: OriginalOrderPrice - DiscountedPrice - FinderDiscountedPrice - DeductionPrice - ChangeDownPrice.</summary>
        [JsonPropertyName("order_price")]
        public long? OrderPrice { get; set; }

        /// <summary>Shipping, in fen.</summary>
        [JsonPropertyName("freight")]
        public long? Freight { get; set; }

        /// <summary>Merchant discount, in fen (sent when there is one).</summary>
        [JsonPropertyName("discounted_price")]
        public long? DiscountedPrice { get; set; }

        /// <summary>True when a merchant coupon or discount applies.</summary>
        [JsonPropertyName("is_discounted")]
        public bool? IsDiscounted { get; set; }

        /// <summary>Original order price, in fen: ProductPrice + Freight.</summary>
        [JsonPropertyName("original_order_price")]
        public long? OriginalOrderPrice { get; set; }

        /// <summary>Estimated goods price, in fen.</summary>
        [JsonPropertyName("estimate_product_price")]
        public long? EstimateProductPrice { get; set; }

        /// <summary>How much a price change took off, in fen.</summary>
        [JsonPropertyName("change_down_price")]
        public long? ChangeDownPrice { get; set; }

        /// <summary>Shipping after a price change, in fen.</summary>
        [JsonPropertyName("change_freight")]
        public long? ChangeFreight { get; set; }

        /// <summary>True when the shipping was changed.</summary>
        [JsonPropertyName("is_change_freight")]
        public bool? IsChangeFreight { get; set; }

        /// <summary>True when membership points were used.</summary>
        [JsonPropertyName("use_deduction")]
        public bool? UseDeduction { get; set; }

        /// <summary>Amount paid with membership points, in fen.</summary>
        [JsonPropertyName("deduction_price")]
        public long? DeductionPrice { get; set; }

        /// <summary>
        /// Amount the merchant receives, in fen: OriginalOrderPrice - DiscountedPrice - DeductionPrice - ChangeDownPrice.
        /// The wire key is misspelt "merchant_receieve_price" on the API page; "merchant_receive_price" is read too.
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

        /// <summary>Merchant discount, in fen (the same meaning as DiscountedPrice).</summary>
        [JsonPropertyName("merchant_discounted_price")]
        public long? MerchantDiscountedPrice { get; set; }

        /// <summary>Discount paid by the promoting Channels account (finder), in fen.</summary>
        [JsonPropertyName("finder_discounted_price")]
        public long? FinderDiscountedPrice { get; set; }
    }
}
