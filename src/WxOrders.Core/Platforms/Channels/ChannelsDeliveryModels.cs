using System;
using System.Text.Json.Serialization;
using WxOrders.Json;

namespace WxOrders
{
    /// <summary>Shipping of a store order: the (masked) address, a requested address change, and one entry per parcel.</summary>
    public sealed class ChannelsDeliveryInfo
    {
        /// <summary>The delivery address, masked by the platform (names as "张*", phones as "139****5678").</summary>
        [JsonPropertyName("address_info")]
        public ChannelsAddress AddressInfo { get; set; }

        /// <summary>An address change the buyer asked for; it replaces AddressInfo once the merchant accepts it.</summary>
        [JsonPropertyName("address_under_review")]
        public ChannelsAddress AddressUnderReview { get; set; }

        /// <summary>When the address change was asked for.</summary>
        [JsonPropertyName("address_apply_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? AddressApplyTime { get; set; }

        /// <summary>One entry per parcel shipped.</summary>
        [JsonPropertyName("delivery_product_info")]
        public ChannelsDeliveryProductInfo[] DeliveryProductInfo { get; set; }

        /// <summary>When shipping finished (every item shipped).</summary>
        [JsonPropertyName("ship_done_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? ShipDoneTime { get; set; }

        /// <summary>0 logistics, 1 virtual goods (from the product).</summary>
        [JsonPropertyName("deliver_method")]
        public int? DeliverMethod { get; set; }

        /// <summary>The cipher e-waybill (电子面单) dropshipping uses.</summary>
        [JsonPropertyName("ewaybill_order_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string EwaybillOrderCode { get; set; }

        /// <summary>0 none, 1 jewellery, 2 fresh produce.</summary>
        [JsonPropertyName("quality_inspect_type")]
        public int? QualityInspectType { get; set; }

        [JsonPropertyName("quality_inspect_info")]
        public ChannelsQualityInspectInfo QualityInspectInfo { get; set; }

        /// <summary>The account topped up, for recharge products.</summary>
        [JsonPropertyName("recharge_info")]
        public ChannelsRechargeInfo RechargeInfo { get; set; }

        [JsonPropertyName("dropship_flag")]
        public int? DropshipFlag { get; set; }
    }

    /// <summary>An address as the store API sends it: masked unless decoded with the sensitive-info API.</summary>
    public sealed class ChannelsAddress
    {
        [JsonPropertyName("user_name")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string UserName { get; set; }

        [JsonPropertyName("postal_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PostalCode { get; set; }

        [JsonPropertyName("province_name")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ProvinceName { get; set; }

        [JsonPropertyName("city_name")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CityName { get; set; }

        [JsonPropertyName("county_name")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CountyName { get; set; }

        [JsonPropertyName("detail_info")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DetailInfo { get; set; }

        /// <summary>The region code (some SDKs leave it out).</summary>
        [JsonPropertyName("national_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string NationalCode { get; set; }

        [JsonPropertyName("tel_number")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string TelNumber { get; set; }

        [JsonPropertyName("house_number")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string HouseNumber { get; set; }

        /// <summary>The contact number of a virtual-goods order (DeliverMethod 1).</summary>
        [JsonPropertyName("virtual_order_tel_number")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string VirtualOrderTelNumber { get; set; }

        /// <summary>1 when a virtual number stands for the buyer's phone.</summary>
        [JsonPropertyName("use_tel_number")]
        public int? UseTelNumber { get; set; }

        [JsonPropertyName("tel_number_ext_info")]
        public ChannelsTelNumberExtInfo TelNumberExtInfo { get; set; }

        /// <summary>A stable per-store id of this address.</summary>
        [JsonPropertyName("hash_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string HashCode { get; set; }

        public override string ToString() => ProvinceName + CityName + CountyName + " " + UserName;
    }

    public sealed class ChannelsTelNumberExtInfo
    {
        /// <summary>The real phone number, masked.</summary>
        [JsonPropertyName("real_tel_number")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string RealTelNumber { get; set; }

        [JsonPropertyName("virtual_tel_number")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string VirtualTelNumber { get; set; }

        [JsonPropertyName("virtual_tel_expire_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? VirtualTelExpireTime { get; set; }

        /// <summary>How many times the virtual number has been fetched.</summary>
        [JsonPropertyName("get_virtual_tel_cnt")]
        public long? GetVirtualTelCnt { get; set; }
    }

    /// <summary>One parcel: the carrier, the tracking number and what it holds.</summary>
    public sealed class ChannelsDeliveryProductInfo
    {
        /// <summary>The tracking number.</summary>
        [JsonPropertyName("waybill_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string WaybillId { get; set; }

        /// <summary>The carrier code, such as SF.</summary>
        [JsonPropertyName("delivery_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DeliveryId { get; set; }

        [JsonPropertyName("delivery_name")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string DeliveryName { get; set; }

        [JsonPropertyName("delivery_time")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? DeliveryTime { get; set; }

        /// <summary>1 self-arranged courier, 2 online contract waybill (deprecated), 3 virtual goods, 4 online single waybill (deprecated).</summary>
        [JsonPropertyName("deliver_type")]
        public int? DeliverType { get; set; }

        [JsonPropertyName("product_infos")]
        public ChannelsDeliveryProduct[] ProductInfos { get; set; }

        [JsonPropertyName("delivery_address")]
        public ChannelsAddress DeliveryAddress { get; set; }

        public override string ToString() => DeliveryId + " " + WaybillId;
    }

    /// <summary>What a parcel holds of one SKU.</summary>
    public sealed class ChannelsDeliveryProduct
    {
        [JsonPropertyName("product_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ProductId { get; set; }

        [JsonPropertyName("sku_id")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuId { get; set; }

        [JsonPropertyName("product_cnt")]
        public long? ProductCnt { get; set; }
    }

    public sealed class ChannelsQualityInspectInfo
    {
        [JsonPropertyName("inspect_status")]
        public int? InspectStatus { get; set; }
    }

    public sealed class ChannelsRechargeInfo
    {
        [JsonPropertyName("account_no")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AccountNo { get; set; }

        [JsonPropertyName("account_type")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string AccountType { get; set; }

        [JsonPropertyName("wx_openid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string WxOpenId { get; set; }
    }
}
