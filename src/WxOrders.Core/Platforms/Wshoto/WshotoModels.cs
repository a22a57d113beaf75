using System;
using System.Text.Json.Serialization;
using WxOrders.Json;

namespace WxOrders
{
    /// <summary>Wshoto order type. Numbers not listed here are kept as they are.</summary>
    [JsonConverter(typeof(WireEnumConverter<WshotoOrderType>))]
    public enum WshotoOrderType
    {
        /// <summary>0: a normal order.</summary>
        Normal = 0,
        /// <summary>1: a group-buy order.</summary>
        GroupBuy = 1,
        /// <summary>2: a flash-sale order.</summary>
        FlashSale = 2,
        /// <summary>3: a shopping-cart order.</summary>
        Cart = 3,
    }

    /// <summary>Wshoto order status. Numbers not listed here are kept as they are.</summary>
    [JsonConverter(typeof(WireEnumConverter<WshotoOrderStatus>))]
    public enum WshotoOrderStatus
    {
        /// <summary>0: awaiting payment.</summary>
        Unpaid = 0,
        /// <summary>1: awaiting confirmation (group forming, or awaiting the merchant's acceptance).</summary>
        PendingConfirmation = 1,
        /// <summary>2: awaiting shipment.</summary>
        AwaitingShipment = 2,
        /// <summary>3: shipped, awaiting receipt.</summary>
        AwaitingReceipt = 3,
        /// <summary>4: completed.</summary>
        Completed = 4,
        /// <summary>5: closed.</summary>
        Closed = 5,
    }

    /// <summary>Wshoto payment status. Numbers not listed here are kept as they are.</summary>
    [JsonConverter(typeof(WireEnumConverter<WshotoPayStatus>))]
    public enum WshotoPayStatus
    {
        /// <summary>0: not paid.</summary>
        Unpaid = 0,
        /// <summary>1: paid.</summary>
        Paid = 1,
    }

    /// <summary>How a Wshoto order is delivered. Numbers not listed here are kept as they are.</summary>
    [JsonConverter(typeof(WireEnumConverter<WshotoExpressType>))]
    public enum WshotoExpressType
    {
        /// <summary>0: nothing to ship.</summary>
        NoShipping = 0,
        /// <summary>1: shipped by express.</summary>
        Express = 1,
        /// <summary>2: redeemed at a store (write-off).</summary>
        StorePickup = 2,
    }

    /// <summary>What moved a Wshoto order to its current status. Numbers not listed here are kept as they are.</summary>
    [JsonConverter(typeof(WireEnumConverter<WshotoOrderStatusTag>))]
    public enum WshotoOrderStatusTag
    {
        /// <summary>1: closed after a payment timeout.</summary>
        TimeoutClosed = 1,
        /// <summary>2: cancelled by the buyer.</summary>
        BuyerCancelled = 2,
        /// <summary>3: closed after a full refund.</summary>
        RefundClosed = 3,
        /// <summary>4: the deal completed.</summary>
        Completed = 4,
        /// <summary>5: the group buy expired before it was confirmed.</summary>
        GroupBuyExpired = 5,
        /// <summary>6: group buy failed, refund in progress.</summary>
        GroupBuyRefunding = 6,
        /// <summary>7: group buy failed, refund failed.</summary>
        GroupBuyRefundFailed = 7,
        /// <summary>8: group buy failed, refunded.</summary>
        GroupBuyRefunded = 8,
        /// <summary>9: cancelled by the seller.</summary>
        SellerCancelled = 9,
        /// <summary>10: closed by after-sale.</summary>
        AfterSaleClosed = 10,
    }

    /// <summary>After-sale status of a Wshoto order (null when there was no after-sale). Unknown numbers are kept.</summary>
    [JsonConverter(typeof(WireEnumConverter<WshotoRefundStatus>))]
    public enum WshotoRefundStatus
    {
        /// <summary>1: after-sale in progress.</summary>
        InProgress = 1,
        /// <summary>2: after-sale finished.</summary>
        Finished = 2,
    }

    /// <summary>
    /// A Wshoto mall order (POST /openapi/mall/order/detail). Money is in fen (1/100 yuan) as integers; times are
    /// China time (+08:00); ids are kept as text exactly as sent (they have up to 19 digits and may arrive as JSON
    /// numbers or strings).
    /// </summary>
    public sealed class WshotoOrder
    {
        /// <summary>The mall order number (19 digits).</summary>
        [JsonPropertyName("order_sn")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OrderSn { get; set; }

        [JsonPropertyName("type")]
        public WshotoOrderType? Type { get; set; }

        [JsonPropertyName("status")]
        public WshotoOrderStatus? Status { get; set; }

        [JsonPropertyName("pay_status")]
        public WshotoPayStatus? PayStatus { get; set; }

        /// <summary>The third-party-app id of the staff member the order belongs to.</summary>
        [JsonPropertyName("user_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string UserId { get; set; }

        /// <summary>The customer's nickname.</summary>
        [JsonPropertyName("customer_name")]
        public string CustomerName { get; set; }

        /// <summary>The customer's unionid (of the enterprise).</summary>
        [JsonPropertyName("customer_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CustomerId { get; set; }

        /// <summary>The customer's openid.</summary>
        [JsonPropertyName("open_id")]
        public string OpenId { get; set; }

        [JsonPropertyName("phone_num")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PhoneNum { get; set; }

        /// <summary>Order total, in fen.</summary>
        [JsonPropertyName("total_price")]
        public long? TotalPrice { get; set; }

        /// <summary>Total commission of the promoters, in fen.</summary>
        [JsonPropertyName("commission_price")]
        public long? CommissionPrice { get; set; }

        /// <summary>Discount, in fen.</summary>
        [JsonPropertyName("coupon_price")]
        public long? CouponPrice { get; set; }

        /// <summary>Price change, in fen.</summary>
        [JsonPropertyName("change_price")]
        public long? ChangePrice { get; set; }

        /// <summary>Customer points used for a deduction.</summary>
        [JsonPropertyName("integral")]
        public long? Integral { get; set; }

        /// <summary>Amount the points took off, in fen. Read from "integral_deduct_price" (the table) or "integralDeduct_price" (the example).</summary>
        [JsonPropertyName("integral_deduct_price")]
        public long? IntegralDeductPrice { get; set; }

        [JsonPropertyName("integralDeduct_price")]
        [JsonInclude]
        internal long? IntegralDeductPriceExampleSpelling
        {
            get => null;
            set => IntegralDeductPrice = IntegralDeductPrice ?? value;
        }

        /// <summary>Shipping, in fen.</summary>
        [JsonPropertyName("freight_price")]
        public long? FreightPrice { get; set; }

        /// <summary>Amount paid, in fen.</summary>
        [JsonPropertyName("pay_price")]
        public long? PayPrice { get; set; }

        /// <summary>The WeChat Pay merchant order number.</summary>
        [JsonPropertyName("pay_num")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PayNum { get; set; }

        /// <summary>The id of the coupon used.</summary>
        [JsonPropertyName("coupon_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CouponId { get; set; }

        [JsonPropertyName("detail_list")]
        public WshotoOrderItem[] DetailList { get; set; }

        [JsonPropertyName("express_type")]
        public WshotoExpressType? ExpressType { get; set; }

        /// <summary>The waybill number.</summary>
        [JsonPropertyName("express_no")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ExpressNo { get; set; }

        /// <summary>The express company.</summary>
        [JsonPropertyName("express_name")]
        public string ExpressName { get; set; }

        [JsonPropertyName("create_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? CreateTime { get; set; }

        [JsonPropertyName("update_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? UpdateTime { get; set; }

        /// <summary>The buyer's remark.</summary>
        [JsonPropertyName("remark")]
        public string Remark { get; set; }

        [JsonPropertyName("finish_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? FinishTime { get; set; }

        [JsonPropertyName("pay_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? PayTime { get; set; }

        [JsonPropertyName("send_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? SendTime { get; set; }

        [JsonPropertyName("cancel_remark")]
        public string CancelRemark { get; set; }

        [JsonPropertyName("order_status_tag")]
        public WshotoOrderStatusTag? OrderStatusTag { get; set; }

        [JsonPropertyName("close_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? CloseTime { get; set; }

        /// <summary>Null when the order never went through after-sale.</summary>
        [JsonPropertyName("refund_status")]
        public WshotoRefundStatus? RefundStatus { get; set; }

        /// <summary>Why a refund failed (from WeChat Pay).</summary>
        [JsonPropertyName("refund_failure_reasons")]
        public string RefundFailureReasons { get; set; }

        /// <summary>The seller's remark.</summary>
        [JsonPropertyName("seller_comments")]
        public string SellerComments { get; set; }

        /// <summary>The flash-sale activity id (flash-sale orders only).</summary>
        [JsonPropertyName("activity_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ActivityId { get; set; }

        /// <summary>Delivery address (express orders).</summary>
        [JsonPropertyName("order_address_info")]
        public WshotoAddressInfo OrderAddressInfo { get; set; }

        /// <summary>Store redemption details (store-pickup orders).</summary>
        [JsonPropertyName("order_check_info")]
        public WshotoCheckInfo OrderCheckInfo { get; set; }

        public override string ToString() => OrderSn;
    }

    /// <summary>One line of a Wshoto order; amounts in fen, ids as exact text. OrderSn is the order's (not on the wire).</summary>
    public sealed class WshotoOrderItem
    {
        /// <summary>The order number this line belongs to (from the order, not the line).</summary>
        [JsonIgnore]
        public string OrderSn { get; set; }

        [JsonPropertyName("order_detail_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OrderDetailId { get; set; }

        [JsonPropertyName("sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuId { get; set; }

        [JsonPropertyName("spu_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SpuId { get; set; }

        /// <summary>SKU specification, such as "颜色:红色;尺码:M".</summary>
        [JsonPropertyName("spec_desc")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SpecDesc { get; set; }

        /// <summary>SPU code.</summary>
        [JsonPropertyName("spu_no")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SpuNo { get; set; }

        /// <summary>SKU code.</summary>
        [JsonPropertyName("sku_no")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuNo { get; set; }

        [JsonPropertyName("goods_name")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string GoodsName { get; set; }

        /// <summary>Quantity.</summary>
        [JsonPropertyName("goods_num")]
        public long? GoodsNum { get; set; }

        [JsonPropertyName("thumbnail")]
        public string Thumbnail { get; set; }

        /// <summary>Line total, in fen.</summary>
        [JsonPropertyName("total_price")]
        public long? TotalPrice { get; set; }

        /// <summary>Promoter commission on this line, in fen.</summary>
        [JsonPropertyName("commission_price")]
        public long? CommissionPrice { get; set; }

        /// <summary>Promoter commission rate in percent (15 means 15%).</summary>
        [JsonPropertyName("commission_rate")]
        public decimal? CommissionRate { get; set; }

        /// <summary>Unit price, in fen.</summary>
        [JsonPropertyName("goods_price")]
        public long? GoodsPrice { get; set; }

        /// <summary>Discount on this line, in fen.</summary>
        [JsonPropertyName("coupon_price")]
        public long? CouponPrice { get; set; }

        /// <summary>Customer points used on this line.</summary>
        [JsonPropertyName("integral")]
        public long? Integral { get; set; }

        /// <summary>Amount the points took off this line, in fen.</summary>
        [JsonPropertyName("integral_deduct_price")]
        public long? IntegralDeductPrice { get; set; }

        [JsonPropertyName("integralDeduct_price")]
        [JsonInclude]
        internal long? IntegralDeductPriceExampleSpelling
        {
            get => null;
            set => IntegralDeductPrice = IntegralDeductPrice ?? value;
        }

        /// <summary>Amount paid for this line, in fen.</summary>
        [JsonPropertyName("pay_price")]
        public long? PayPrice { get; set; }

        public override string ToString() => GoodsName;
    }

    /// <summary>Delivery address of an express order.</summary>
    public sealed class WshotoAddressInfo
    {
        /// <summary>The recipient.</summary>
        [JsonPropertyName("name")]
        public string Name { get; set; }

        [JsonPropertyName("mobile")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string Mobile { get; set; }

        /// <summary>The street address.</summary>
        [JsonPropertyName("address")]
        public string Address { get; set; }

        /// <summary>The region code, such as 110101.</summary>
        [JsonPropertyName("area_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AreaCode { get; set; }

        [JsonPropertyName("province")]
        public string Province { get; set; }

        [JsonPropertyName("city")]
        public string City { get; set; }

        [JsonPropertyName("district")]
        public string District { get; set; }

        public override string ToString() => Province + City + District + Address;
    }

    /// <summary>Store redemption (write-off) details of a store-pickup order.</summary>
    public sealed class WshotoCheckInfo
    {
        /// <summary>The phone number left for the appointment.</summary>
        [JsonPropertyName("mobile")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string Mobile { get; set; }

        /// <summary>The store booked (wire key "appoint_store_Name"; names match case-insensitively).</summary>
        [JsonPropertyName("appoint_store_name")]
        public string AppointStoreName { get; set; }

        /// <summary>The store that redeemed the order.</summary>
        [JsonPropertyName("consume_store_name")]
        public string ConsumeStoreName { get; set; }

        [JsonPropertyName("appoint_time_start")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? AppointTimeStart { get; set; }

        [JsonPropertyName("appoint_time_end")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? AppointTimeEnd { get; set; }

        /// <summary>The store's opening hours (only when no appointment time is set).</summary>
        [JsonPropertyName("business_time")]
        public WshotoBusinessTime BusinessTime { get; set; }

        /// <summary>When the order was redeemed (wire key "checkTime").</summary>
        [JsonPropertyName("checkTime")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? CheckTime { get; set; }

        /// <summary>The third-party-app id of the staff member who redeemed it (wire key "checkStaffUserId").</summary>
        [JsonPropertyName("checkStaffUserId")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CheckStaffUserId { get; set; }
    }

    /// <summary>A store's opening hours, as the platform writes them (start and end time of day).</summary>
    public sealed class WshotoBusinessTime
    {
        [JsonPropertyName("start_time")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string StartTime { get; set; }

        [JsonPropertyName("end_time")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string EndTime { get; set; }

        public override string ToString() => StartTime + "-" + EndTime;
    }
}
