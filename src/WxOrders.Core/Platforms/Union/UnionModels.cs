using System;
using System.Globalization;
using System.Text.Json.Serialization;
using WxOrders.Json;

namespace WxOrders
{
    /// <summary>
    /// Commission status of a WeChat Union product line. The wire text is kept in UnionProduct.CommissionStatusCode,
    /// so a status the documents do not list reads as Unknown here and survives there.
    /// </summary>
    public enum UnionCommissionStatus
    {
        /// <summary>A status WxOrders does not know (see CommissionStatusCode), or none.</summary>
        Unknown = 0,
        /// <summary>SETTLEMENT_PENDING: not settled yet; the commission shows as "-".</summary>
        [WireName("SETTLEMENT_PENDING")]
        Pending,
        /// <summary>SETTLEMENT_SUCCESS: settled.</summary>
        [WireName("SETTLEMENT_SUCCESS")]
        Settled,
        /// <summary>SETTLEMENT_CANCELED: settlement cancelled (refund, return).</summary>
        [WireName("SETTLEMENT_CANCELED")]
        Canceled,
    }

    /// <summary>
    /// A WeChat Union promoter order (POST /union/promoter/order/info, GET /union/promoter/order/search).
    /// Money is decimal yuan (Price, Commission) except EstimatedCommission (fen); times are China time (+08:00).
    /// </summary>
    public sealed class UnionOrder
    {
        [JsonPropertyName("orderId")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string OrderId { get; set; }

        [JsonPropertyName("payTime")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? PayTime { get; set; }

        /// <summary>When the buyer confirmed receipt; null while not confirmed (0 on the wire).</summary>
        [JsonPropertyName("confirmReceiptTime")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? ConfirmReceiptTime { get; set; }

        [JsonPropertyName("shopName")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ShopName { get; set; }

        /// <summary>The shop's AppId (wire name shopAppid).</summary>
        [JsonPropertyName("shopAppid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ShopAppId { get; set; }

        [JsonPropertyName("customizeInfo")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CustomizeInfo { get; set; }

        [JsonPropertyName("customUserId")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CustomUserId { get; set; }

        [JsonPropertyName("userNickName")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string UserNickName { get; set; }

        [JsonPropertyName("productList")]
        public UnionProduct[] ProductList { get; set; }

        /// <summary>
        /// The order's version: the latest commissionStatusUpdateTime of its products (the time the union search's
        /// change feed filters on); null when no product has one.
        /// </summary>
        [JsonIgnore]
        public DateTimeOffset? UpdateTime
        {
            get
            {
                DateTimeOffset? latest = null;
                if (ProductList != null)
                {
                    foreach (var product in ProductList)
                    {
                        var t = product?.CommissionStatusUpdateTime;
                        if (t.HasValue && (!latest.HasValue || t.Value > latest.Value))
                        {
                            latest = t;
                        }
                    }
                }

                return latest;
            }
        }

        public override string ToString() => OrderId;
    }

    /// <summary>One product line of a union order. Price and Commission are decimal yuan; EstimatedCommission is fen.</summary>
    public sealed class UnionProduct
    {
        /// <summary>The order this line belongs to (not on the wire; set from the order, so lines can be exported on their own).</summary>
        [JsonIgnore]
        public string OrderId { get; set; }

        /// <summary>Product SPU id (a string or a number on the wire; kept exactly).</summary>
        [JsonPropertyName("productId")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ProductId { get; set; }

        [JsonPropertyName("skuId")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SkuId { get; set; }

        [JsonPropertyName("title")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string Title { get; set; }

        [JsonPropertyName("thumbImg")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ThumbImg { get; set; }

        /// <summary>Total price of the line in yuan ("0.20" or "¥0.20" on the wire), exact.</summary>
        [JsonPropertyName("price")]
        [JsonConverter(typeof(YuanConverter))]
        public decimal? Price { get; set; }

        /// <summary>Quantity bought.</summary>
        [JsonPropertyName("productCnt")]
        public long? ProductCnt { get; set; }

        /// <summary>Commission rate in units of 1/10,000 (9000 = 90%).</summary>
        [JsonPropertyName("ratio")]
        public long? Ratio { get; set; }

        /// <summary>Commission rate as a fraction (Ratio / 10,000, exact): 9000 gives 0.9.</summary>
        [JsonIgnore]
        public decimal? CommissionRatio => Ratio.HasValue ? Ratio.Value / 10000m : (decimal?)null;

        /// <summary>The commission status; Unknown for text WxOrders does not know (kept in CommissionStatusCode).</summary>
        [JsonIgnore]
        public UnionCommissionStatus CommissionStatus => WireNames<UnionCommissionStatus>.Parse(CommissionStatusCode);

        /// <summary>The commission status as the API sent it, such as SETTLEMENT_PENDING.</summary>
        [JsonPropertyName("commissionStatus")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CommissionStatusCode { get; set; }

        [JsonPropertyName("commissionStatusUpdateTime")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? CommissionStatusUpdateTime { get; set; }

        /// <summary>When the commission was settled (profit sharing succeeded).</summary>
        [JsonPropertyName("profitShardingSucTime")]
        [JsonConverter(typeof(WireTimeConverter))]
        public DateTimeOffset? ProfitShardingSucTime { get; set; }

        /// <summary>Commission in yuan, exact; null while pending ("-" on the wire).</summary>
        [JsonPropertyName("commission")]
        [JsonConverter(typeof(YuanConverter))]
        public decimal? Commission { get; set; }

        /// <summary>Estimated commission in fen (1/100 yuan).</summary>
        [JsonPropertyName("estimatedCommission")]
        public long? EstimatedCommission { get; set; }

        /// <summary>Category names, comma-separated.</summary>
        [JsonPropertyName("categoryStr")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CategoryStr { get; set; }

        [JsonPropertyName("promotionInfo")]
        public UnionPromotionInfo PromotionInfo { get; set; }

        [JsonPropertyName("customizeInfo")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string CustomizeInfo { get; set; }

        public override string ToString() => ProductId;
    }

    public sealed class UnionPromotionInfo
    {
        /// <summary>Promotion position id.</summary>
        [JsonPropertyName("promotionSourcePid")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PromotionSourcePid { get; set; }

        /// <summary>Promotion position name.</summary>
        [JsonPropertyName("promotionSourceName")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string PromotionSourceName { get; set; }

        public override string ToString() => PromotionSourceName ?? PromotionSourcePid;
    }

    /// <summary>The filter of Search-UnionOrder. Times are instants; on the wire they are unix seconds.</summary>
    public sealed class UnionOrderQuery
    {
        /// <summary>Earliest payment time (inclusive).</summary>
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Latest payment time.</summary>
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Only lines with this commission status; null for all.</summary>
        public UnionCommissionStatus? CommissionStatus { get; set; }

        /// <summary>Earliest commission-status update; given with or without the end, it also sorts by that time.</summary>
        public DateTimeOffset? CommissionUpdateStartTime { get; set; }

        public DateTimeOffset? CommissionUpdateEndTime { get; set; }

        /// <summary>True when a commission-update time is given: the API then sorts and filters by it.</summary>
        public bool SortByCommissionUpdateTime => CommissionUpdateStartTime.HasValue || CommissionUpdateEndTime.HasValue;

        /// <summary>Null when the query can be sent, else what is wrong and what to do (before any request).</summary>
        public string Validate()
        {
            if (StartTime.HasValue && EndTime.HasValue && EndTime.Value < StartTime.Value)
            {
                return Instants.ReversedWindow("-EndTime", EndTime.Value, "-StartTime", StartTime.Value);
            }

            if (CommissionUpdateStartTime.HasValue && CommissionUpdateEndTime.HasValue && CommissionUpdateEndTime.Value < CommissionUpdateStartTime.Value)
            {
                return Instants.ReversedWindow("-CommissionUpdateEndTime", CommissionUpdateEndTime.Value, "-CommissionUpdateStartTime", CommissionUpdateStartTime.Value);
            }

            if (CommissionStatus.HasValue && WireNames<UnionCommissionStatus>.ToWire(CommissionStatus.Value) == null)
            {
                return "-CommissionStatus must be Pending, Settled or Canceled.";
            }

            return null;
        }

    }
}
