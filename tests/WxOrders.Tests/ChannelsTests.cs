using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Json;
using WxOrders.Emulation;
using WxOrders.Emulation.Data.Channels;
using WxOrders.Emulation.Endpoints;
using WxOrders.Emulation.Server;
using WxOrders.Http;
using WxOrders.Lines;
using WxOrders.Platforms.Channels;
using WxOrders.Platforms.Coop;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>Get-ChannelsOrder's core: a full example, the wire's variations, the lines, and the sandbox end to end.</summary>
    public class ChannelsTests
    {
        private static readonly TimeSpan China = TimeSpan.FromHours(8);

        private static ChannelsOrderResponse Parse(string json) =>
            JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), WireJsonContext.Default.ChannelsOrderResponse);

        private static ChannelsOrder Order(string orderJson) => Parse(@"{""errcode"":0,""errmsg"":""ok"",""order"":" + orderJson + "}").Order;

        private static DateTimeOffset At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(China);

        [Fact]
        public void FullExampleGivesEveryDocumentedValue()
        {
            var response = JsonSerializer.Deserialize(SandboxClients.Data("channels-order-get.json"), WireJsonContext.Default.ChannelsOrderResponse);
            Assert.Equal(0L, response.ErrCode);
            var o = response.Order;
            Assert.Equal("3729145503581234176", o.OrderId);
            Assert.Equal(ChannelsOrderStatus.AwaitingReceipt, o.Status);
            Assert.Equal(At(1751508922), o.CreateTime);
            Assert.Equal(China, o.CreateTime.Value.Offset);
            Assert.Equal(At(1751539200), o.UpdateTime);
            Assert.Equal(("oAbCd1234efGH5678ijKL90mnOPq", "oUnIoN1234efGH5678ijKL90mnOP"), (o.OpenId, o.UnionId));
            Assert.Equal((true, "3729145503581234177", "3729145503581234177", "生日快乐"), (o.IsPresent, o.PresentOrderId, o.PresentOrderIdStr, o.PresentNote));
            Assert.Equal(("oGiVeR1234efGH5678ijKL90mnOP", "oGiVeRuNiOn34efGH5678ijKL90", 3), (o.PresentGiverOpenId, o.PresentGiverUnionId, o.PresentSendType));
            var present = o.OrderPresentInfo;
            Assert.Equal((true, "3729145503581234177", "生日快乐", "oGiVeR1234efGH5678ijKL90mnOP", "oGiVeRuNiOn34efGH5678ijKL90", 3, false),
                (present.IsPresent, present.PresentOrderIdStr, present.PresentNote, present.PresentGiverOpenId, present.PresentGiverUnionId, present.PresentSendType, present.IsB2cFreePresent));
            Assert.True(o.IsFlashSaleOrder);
            var city = o.IntraCityOrderInfo;
            Assert.Equal(("city-shop-1", 1, At(1751520000), At(1751523600)), (city.ShopId, city.PredictArriveTimeType, city.PredictArriveStartTime.Value, city.PredictArriveEndTime.Value));

            var d = o.OrderDetail;
            Assert.Equal(2, d.ProductInfos.Length);
            var p = d.ProductInfos[0];
            Assert.Equal(("10000123456789", "2345678901"), (p.ProductId, p.SkuId));
            Assert.Equal(("https://mmecimage.cn/p/example/thumb", "云南古树普洱茶饼 357g", 2L), (p.ThumbImg, p.Title, p.SkuCnt));
            Assert.Equal((12800L, 15800L, 23600L, 23800L, 23600L), (p.SalePrice, p.MarketPrice, p.EstimatePrice, p.ChangePrice, p.RealPrice));
            Assert.Equal((true, true, 1L, 0L, "PE-357-2021"), (p.IsDiscounted, p.IsChangePrice, p.OnAftersaleSkuCnt, p.FinishAftersaleSkuCnt, p.SkuCode));
            Assert.Equal(new[] { "年份=2021", "规格=357g" }, p.SkuAttrs.Select(a => a.ToString()));
            Assert.Equal(("OUT-P-1", "OUT-S-1", "WH-KM-01"), (p.OutProductId, p.OutSkuId, p.OutWarehouseId));
            Assert.Equal((1, At(1752000000), 2), (p.SkuDeliverInfo.StockType, p.SkuDeliverInfo.PredictDeliveryTime.Value, p.SkuDeliverInfo.FullPaymentPresaleDeliveryType));
            Assert.Equal((1, 1), (p.ExtraService.SevenDayReturn, p.ExtraService.FreightInsurance));
            Assert.Equal((true, 100L), (p.UseDeduction, p.DeductionPrice));
            var coupon = Assert.Single(p.OrderProductCouponInfoList);
            Assert.Equal((1, "301234567890", "9876543", 2000L), (coupon.CouponType, coupon.UserCouponId, coupon.CouponId, coupon.DiscountedPrice));
            Assert.Equal(At(1751764350), p.DeliveryDeadline);
            Assert.Equal(
                new long?[] { 2000, 11, 12, 13, 14, 15, 16, 17, 18 },
                new[] { p.MerchantDiscountedPrice, p.FinderDiscountedPrice, p.VipDiscountedPrice, p.BulkbuyDiscountedPrice, p.CashCouponDiscountedPrice, p.LimitedDiscountDiscountedPrice, p.PlatformActivityMerchantDiscountedPrice, p.NationalSubsidyDiscountedPrice, p.NationalSubsidyMerchantDiscountedPrice });
            Assert.Equal((false, "pu-0001"), (p.IsFreeGift, p.ProductUniqueId));
            Assert.Equal((3, "2345678901", "2345678902", At(1751600000)), (p.ChangeSkuInfo.PreshipmentChangeSkuState, p.ChangeSkuInfo.OldSkuId, p.ChangeSkuInfo.NewSkuId, p.ChangeSkuInfo.DdlTimeStamp.Value));
            var voucher = Assert.Single(p.VoucherList);
            Assert.Equal(("V-0001", 1, 5000L, "1"), (voucher.VoucherCode, voucher.VoucherType, voucher.VoucherBuyAmount, voucher.TimeIndex));
            Assert.Equal("3729145503581234999", p.DropshipInfo.DsOrderId); // a number beyond 2^53 on the wire
            Assert.True(p.IsFlashSale);

            var gift = d.ProductInfos[1];
            Assert.True(gift.IsFreeGift); // 1 on the wire
            var main = Assert.Single(gift.FreeGiftInfo.MainProductList);
            Assert.Equal(("10000123456789", "2345678901", "task-77", 1L), (main.ProductId, main.SkuId, main.TaskId, main.GiftCnt));
            Assert.Empty(gift.SkuAttrs);
            Assert.Equal(string.Empty, gift.SkuCode);

            var pay = d.PayInfo;
            Assert.Equal(("wx03101522887766554433221100", At(1751508922), At(1751508965), "4200002712202507031234567890", ChannelsPaymentMethod.WeChatPay),
                (pay.PrepayId, pay.PrepayTime.Value, pay.PayTime.Value, pay.TransactionId, pay.PaymentMethod.Value));

            var price = d.PriceInfo;
            Assert.Equal((25600L, 500L, 26100L, 23900L, 2000L, true), (price.ProductPrice, price.Freight, price.OriginalOrderPrice, price.OrderPrice, price.DiscountedPrice, price.IsDiscounted));
            Assert.Equal((23600L, 100L, 400L, true, true, 100L, 23800L), (price.EstimateProductPrice, price.ChangeDownPrice, price.ChangeFreight, price.IsChangeFreight, price.UseDeduction, price.DeductionPrice, price.MerchantReceivePrice));
            Assert.Equal(
                new long?[] { 2000, 21, 22, 23, 24, 25, 26, 27, 28 },
                new[] { price.MerchantDiscountedPrice, price.FinderDiscountedPrice, price.VipDiscountedPrice, price.BulkbuyDiscountedPrice, price.CashCouponDiscountedPrice, price.LimitedDiscountDiscountedPrice, price.PlatformActivityMerchantDiscountedPrice, price.NationalSubsidyDiscountedPrice, price.NationalSubsidyMerchantDiscountedPrice });

            var delivery = d.DeliveryInfo;
            var a = delivery.AddressInfo;
            Assert.Equal(("张*", "650000", "云南省", "昆明市", "五华区", "****", "530102"), (a.UserName, a.PostalCode, a.ProvinceName, a.CityName, a.CountyName, a.DetailInfo, a.NationalCode));
            Assert.Equal(("139****5678", "3单元", string.Empty, 1, "5f2b9c0e7d41a8836b0e4f19a2c7d3e1"), (a.TelNumber, a.HouseNumber, a.VirtualOrderTelNumber, a.UseTelNumber, a.HashCode));
            Assert.Equal(("139****5678", "17012345678", At(1754100000), 2L), (a.TelNumberExtInfo.RealTelNumber, a.TelNumberExtInfo.VirtualTelNumber, a.TelNumberExtInfo.VirtualTelExpireTime.Value, a.TelNumberExtInfo.GetVirtualTelCnt));
            Assert.Equal(("李*", "盘龙区", 0), (delivery.AddressUnderReview.UserName, delivery.AddressUnderReview.CountyName, delivery.AddressUnderReview.UseTelNumber));
            Assert.Equal(At(1751510000), delivery.AddressApplyTime);
            Assert.Equal(2, delivery.DeliveryProductInfo.Length);
            var parcel = delivery.DeliveryProductInfo[0];
            Assert.Equal(("SF1234567890123", "SF", "顺丰速运", At(1751539200), 1), (parcel.WaybillId, parcel.DeliveryId, parcel.DeliveryName, parcel.DeliveryTime.Value, parcel.DeliverType));
            Assert.Equal(("10000123456789", "2345678901", 1L), (parcel.ProductInfos[0].ProductId, parcel.ProductInfos[0].SkuId, parcel.ProductInfos[0].ProductCnt));
            Assert.Equal("张*", parcel.DeliveryAddress.UserName);
            Assert.Equal(2, delivery.DeliveryProductInfo[1].ProductInfos.Length);
            Assert.Null(delivery.DeliveryProductInfo[1].DeliveryAddress);
            Assert.Equal((At(1751539200), 0, "EW-CIPHER-01", 1, 2, 0), (delivery.ShipDoneTime.Value, delivery.DeliverMethod, delivery.EwaybillOrderCode, delivery.QualityInspectType, delivery.QualityInspectInfo.InspectStatus, delivery.DropshipFlag));
            Assert.Equal(("13900000000", "phone", "oRecharge12345"), (delivery.RechargeInfo.AccountNo, delivery.RechargeInfo.AccountType, delivery.RechargeInfo.WxOpenId));

            Assert.Equal("301234567890", d.CouponInfo.UserCouponId);
            var ext = d.ExtInfo;
            Assert.Equal(("请用礼盒包装", "已备注", "sphAbCdEfG12345", "export/live-1", ChannelsOrderScene.LiveRoom, "vip-sess-1", 1),
                (ext.CustomerNotes, ext.MerchantNotes, ext.FinderId, ext.LiveId, ext.OrderScene.Value, ext.VipOrderSessionId, ext.CommissionHandlingProgress));
            Assert.Null(ext.ConfirmReceiptTime); // 0: not confirmed yet

            Assert.Equal(2, d.CommissionInfos.Length);
            var c = d.CommissionInfos[0];
            Assert.Equal(("2345678901", "茶山小店", 0, ChannelsCommissionStatus.Unsettled, 2360L), (c.SkuId, c.Nickname, c.Type, c.Status.Value, c.Amount));
            Assert.Equal(("sphAbCdEfG12345", "ofAbCd", "talent-1", string.Empty), (c.FinderId, c.OpenFinderId, c.TalentId, c.AgencyId));
            Assert.Equal((1, ChannelsCommissionStatus.Settled, "agency-9"), (d.CommissionInfos[1].Type, d.CommissionInfos[1].Status.Value, d.CommissionInfos[1].AgencyId));
            var settle = d.SettleInfo;
            Assert.Equal((236L, 230L, 12L, 10L, At(1752000000)), (settle.PredictCommissionFee, settle.CommissionFee, settle.PredictWecoinCommission, settle.WecoinCommission, settle.SettleTime.Value));
            Assert.Equal(("oSharer1", "uSharer1", 1, 2, 1), (d.SharerInfo.SharerOpenId, d.SharerInfo.SharerUnionId, d.SharerInfo.SharerType, d.SharerInfo.ShareScene, d.SharerInfo.HandlingProgress));
            var skuSharer = Assert.Single(d.SkuSharerInfos);
            Assert.Equal(("2345678901", "oSharer2", "uSharer2", 0, 3, 0, true), (skuSharer.SkuId, skuSharer.SharerOpenId, skuSharer.SharerUnionId, skuSharer.SharerType, skuSharer.ShareScene, skuSharer.HandlingProgress, skuSharer.FromWecom));
            Assert.Equal(("sphAgent1", "代理号"), (d.AgentInfo.AgentFinderId, d.AgentInfo.AgentFinderNickname));
            var source = Assert.Single(d.SourceInfos);
            Assert.Equal(("2345678901", 100, 5, "sphAbCdEfG12345", "茶山小店"), (source.SkuId, source.SaleChannel, source.AccountType, source.AccountId, source.AccountNickname));
            Assert.Equal(("1", "content-1", "head-1", "gh_123456"), (source.ContentType, source.ContentId, source.PromoterHeadSupplierId, source.OriginalId));
            Assert.Equal(500L, d.RefundInfo.RefundFreight);
            Assert.Equal(("小王", "张三", "生日快乐！"), (d.GreetingCardInfo.GiverName, d.GreetingCardInfo.ReceiverName, d.GreetingCardInfo.GreetingMessage));
            Assert.Equal((1, "https://mmecimage.cn/p/custom", "https://mmecimage.cn/p/preview", "福"), (d.CustomInfo.CustomType, d.CustomInfo.CustomImgUrl, d.CustomInfo.CustomPreviewImgUrl, d.CustomInfo.CustomWord));

            var after = Assert.Single(o.AftersaleDetail.AftersaleOrderList);
            Assert.Equal(("4729145503581234176", 13, 1L), (after.AftersaleOrderId, after.Status, o.AftersaleDetail.OnAftersaleOrderCnt));
        }

        [Theory]
        [InlineData("3729145503581234176")]
        [InlineData("\"3729145503581234176\"")]
        public void OrderIdsBeyondTwoToTheFiftyThirdAreExactAsNumberOrString(string wire)
        {
            var order = Order(@"{""order_id"":" + wire + @",""present_order_id"":9007199254740993}");
            Assert.Equal("3729145503581234176", order.OrderId);
            // 2^53 + 1: the first integer a double cannot hold.
            Assert.Equal("9007199254740993", order.PresentOrderId);
            Assert.NotEqual(order.OrderId, ((double)3729145503581234176L).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void NumbersAsStringsAndStringsAsNumbersAreBothRead()
        {
            var order = Order(@"{""order_id"":3729145503581234176,""status"":""100"",""create_time"":""1751508922"",""update_time"":1751539200,
                ""openid"":12345,
                ""order_detail"":{""product_infos"":[{""product_id"":10000123456789,""sku_id"":2345678901,""sku_cnt"":""2"",""sale_price"":""12800"",
                  ""title"":357,""is_discounted"":""true"",""is_free_gift"":""1"",""delivery_deadline"":""1751764350""}],
                  ""pay_info"":{""payment_method"":""2"",""pay_time"":""1751508965"",""transaction_id"":4200002712202507031234567890},
                  ""price_info"":{""order_price"":""23600"",""is_discounted"":1},
                  ""ext_info"":{""order_scene"":""3""},
                  ""commission_infos"":[{""sku_id"":2345678901,""status"":""2"",""amount"":""118""}]}}");
            Assert.Equal("3729145503581234176", order.OrderId);
            Assert.Equal(ChannelsOrderStatus.Completed, order.Status);
            Assert.Equal(At(1751508922), order.CreateTime);
            Assert.Equal("12345", order.OpenId);
            var p = order.OrderDetail.ProductInfos[0];
            Assert.Equal(("10000123456789", "2345678901", 2L, 12800L, "357"), (p.ProductId, p.SkuId, p.SkuCnt, p.SalePrice, p.Title));
            Assert.Equal((true, true, At(1751764350)), (p.IsDiscounted, p.IsFreeGift, p.DeliveryDeadline.Value));
            Assert.Equal((ChannelsPaymentMethod.PayLater, At(1751508965), "4200002712202507031234567890"), (order.OrderDetail.PayInfo.PaymentMethod.Value, order.OrderDetail.PayInfo.PayTime.Value, order.OrderDetail.PayInfo.TransactionId));
            Assert.Equal((23600L, true), (order.OrderDetail.PriceInfo.OrderPrice, order.OrderDetail.PriceInfo.IsDiscounted));
            Assert.Equal(ChannelsOrderScene.ShortVideo, order.OrderDetail.ExtInfo.OrderScene);
            Assert.Equal(("2345678901", ChannelsCommissionStatus.Settled, 118L), (order.OrderDetail.CommissionInfos[0].SkuId, order.OrderDetail.CommissionInfos[0].Status.Value, order.OrderDetail.CommissionInfos[0].Amount));
        }

        [Fact]
        public void UnknownFieldsAreIgnoredAndUnknownEnumNumbersKept()
        {
            var order = Order(@"{""order_id"":""1"",""status"":190,""brand_new"":{""a"":[1,{""b"":2}]},""order_detail"":{
                ""pay_info"":{""payment_method"":9,""future"":true},""ext_info"":{""order_scene"":42},
                ""product_infos"":[{""title"":""x"",""package_sku_list"":[{""sku_id"":""1""}],""next_year"":{}}],
                ""commission_infos"":[{""status"":5}]},""aftersale_detail"":{""aftersale_order_list"":[{""status"":77}]},""extra"":[1]}");
            Assert.Equal((ChannelsOrderStatus)190, order.Status); // seen in the field; WxJava names it
            Assert.Equal("OversoldCancelled", order.Status.ToString());
            Assert.Equal("9", order.OrderDetail.PayInfo.PaymentMethod.ToString());
            Assert.Equal("42", order.OrderDetail.ExtInfo.OrderScene.ToString());
            Assert.Equal("5", order.OrderDetail.CommissionInfos[0].Status.ToString());
            Assert.Equal(77, order.AftersaleDetail.AftersaleOrderList[0].Status);
            Assert.Equal("x", order.OrderDetail.ProductInfos[0].Title);
            Assert.Equal("777", Order(@"{""status"":777}").Status.ToString());
        }

        [Theory]
        [InlineData("10", ChannelsOrderStatus.Unpaid)]
        [InlineData("12", ChannelsOrderStatus.GiftPending)]
        [InlineData("13", ChannelsOrderStatus.GroupBuyPending)]
        [InlineData("20", ChannelsOrderStatus.Paid)]
        [InlineData("21", ChannelsOrderStatus.PartiallyShipped)]
        [InlineData("30", ChannelsOrderStatus.AwaitingReceipt)]
        [InlineData("100", ChannelsOrderStatus.Completed)]
        [InlineData("200", ChannelsOrderStatus.CancelledAfterSale)]
        [InlineData("250", ChannelsOrderStatus.Cancelled)]
        [InlineData("999", (ChannelsOrderStatus)999)]
        public void EveryDocumentedStatusIsNamed(string wire, ChannelsOrderStatus expected)
        {
            Assert.Equal(expected, Order(@"{""status"":" + wire + "}").Status);
        }

        [Fact]
        public void AnUnpaidOrderHasAnEmptyPayInfo()
        {
            var order = Order(@"{""order_id"":""3729145503581234176"",""status"":10,""create_time"":1751508922,""update_time"":1751508922,
                ""order_detail"":{""pay_info"":{},""price_info"":{""order_price"":23600},""ext_info"":{""confirm_receipt_time"":0},
                ""delivery_info"":{""ship_done_time"":0,""delivery_product_info"":[]}}}");
            var pay = order.OrderDetail.PayInfo;
            Assert.NotNull(pay);
            Assert.Equal((null, null, null, null, (ChannelsPaymentMethod?)null), (pay.PrepayId, pay.PrepayTime, pay.PayTime, pay.TransactionId, pay.PaymentMethod));
            Assert.Null(order.OrderDetail.ExtInfo.ConfirmReceiptTime);
            Assert.Null(order.OrderDetail.DeliveryInfo.ShipDoneTime);
            Assert.Empty(order.OrderDetail.DeliveryInfo.DeliveryProductInfo);

            var line = Assert.Single(ChannelsLines.From(order));
            Assert.Null(line.PaidAt);
            Assert.Equal(236.00m, line.OrderAmount);
            Assert.Null(line.ProductId);
        }

        [Theory]
        [InlineData("true", true)]
        [InlineData("false", false)]
        [InlineData("1", true)]
        [InlineData("0", false)]
        [InlineData("\"1\"", true)]
        [InlineData("\"false\"", false)]
        [InlineData("null", null)]
        [InlineData("\"\"", null)]
        public void FlagsReadAsBooleansOrNumbers(string wire, bool? expected)
        {
            var order = Order(@"{""is_present"":" + wire + @",""order_detail"":{""product_infos"":[{""is_free_gift"":" + wire + "}]}}");
            Assert.Equal(expected, order.IsPresent);
            Assert.Equal(expected, order.OrderDetail.ProductInfos[0].IsFreeGift);
        }

        [Fact]
        public void AFlagThatIsNeitherFailsTheParseInsteadOfGuessing()
        {
            Assert.Throws<JsonException>(() => Order(@"{""is_present"":""maybe""}"));
        }

        [Theory]
        [InlineData(@"{""merchant_receive_price"":777}", 777L)]
        [InlineData(@"{""merchant_receieve_price"":888,""merchant_receive_price"":777}", 888L)]
        [InlineData(@"{""merchant_receive_price"":777,""merchant_receieve_price"":888}", 888L)]
        public void MerchantReceivePriceReadsBothSpellings(string priceInfo, long expected)
        {
            Assert.Equal(expected, Order(@"{""order_detail"":{""price_info"":" + priceInfo + "}}").OrderDetail.PriceInfo.MerchantReceivePrice);
        }

        [Fact]
        public void SourceInfoAsOneObjectReadsAsAOneElementList()
        {
            var single = Order(@"{""order_detail"":{""source_info"":{""sku_id"":""7"",""sale_channel"":1}}}");
            Assert.Equal("7", Assert.Single(single.OrderDetail.SourceInfos).SkuId);
            var both = Order(@"{""order_detail"":{""source_infos"":[{""sku_id"":""1""},{""sku_id"":""2""}],""source_info"":{""sku_id"":""7""}}}");
            Assert.Equal(new[] { "1", "2" }, both.OrderDetail.SourceInfos.Select(s => s.SkuId));
        }

        [Fact]
        public void RequestBodyIsOnlyTheOrderIdAsAString()
        {
            var body = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(new ChannelsOrderRequest { OrderId = "3729145503581234176" }, WireJsonContext.Default.ChannelsOrderRequest));
            Assert.Equal(@"{""order_id"":""3729145503581234176""}", body);
        }

        [Fact]
        public void LinesAreOnePerProductLineInExactYuanWithUpdatedAtAndTheSkusCommission()
        {
            var order = JsonSerializer.Deserialize(SandboxClients.Data("channels-order-get.json"), WireJsonContext.Default.ChannelsOrderResponse).Order;
            Platforms.OrderItems.ForEachPresent(order.OrderDetail.ProductInfos, p => p.OrderId = order.OrderId);
            var lines = OrderLines.From(order).ToArray();
            Assert.Equal(2, lines.Length);
            var l = lines[0];
            Assert.Equal((OrderSource.Channels, "3729145503581234176", "AwaitingReceipt", "30"), (l.Source, l.OrderId, l.Status, l.StatusCode));
            Assert.Equal((At(1751508922), At(1751508965), At(1751539200)), (l.CreatedAt.Value, l.PaidAt.Value, l.UpdatedAt.Value));
            Assert.Equal(("oAbCd1234efGH5678ijKL90mnOPq", "10000123456789", "2345678901", "PE-357-2021", 2L), (l.BuyerOpenId, l.ProductId, l.SkuId, l.SkuCode, l.Quantity));
            Assert.Equal((128.00m, 236.00m, 239.00m, 5.00m, 20.00m), (l.UnitPrice.Value, l.LineAmount.Value, l.OrderAmount.Value, l.Freight.Value, l.Discount.Value));
            Assert.Equal("128.00", l.UnitPrice.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Two promoters on the SKU: 23.60 + 1.18, still open while one part is unsettled.
            Assert.Equal((24.78m, "Unsettled"), (l.Commission.Value, l.CommissionStatus));
            Assert.Null(l.ShopAppId);
            Assert.Equal("CNY", l.Currency);
            Assert.Equal((0.00m, (decimal?)null, (string)null), (lines[1].LineAmount.Value, lines[1].Commission, lines[1].CommissionStatus));
        }

        [Fact]
        public void ErrorTableAdvisesOnTheStoreCodes()
        {
            Assert.Equal(FailureAction.Transient, ErrorCatalog.Lookup(WxPlatform.WeChat, -1).Action);
            Assert.Equal(FailureAction.TokenRejected, ErrorCatalog.Lookup(WxPlatform.WeChat, 40001).Action);
            Assert.Equal(FailureAction.TokenRejected, ErrorCatalog.Lookup(WxPlatform.WeChat, 42001).Action);
            Assert.Equal(FailureAction.Permanent, ErrorCatalog.Lookup(WxPlatform.WeChat, 45009).Action);
            Assert.Equal(FailureAction.MinuteQuota, ErrorCatalog.Lookup(WxPlatform.WeChat, 45011).Action);
            Assert.Contains("131", ErrorCatalog.Lookup(WxPlatform.WeChat, 48001).Advice);

            var notFound = ErrorCatalog.Lookup(WxPlatform.WeChat, ChannelsOrderEndpoint.NotFoundCode);
            Assert.Equal(WxErrorCategory.ObjectNotFound, notFound.Category);
            Assert.Contains("Get-ChannelsOrder", notFound.Advice);
            Assert.Contains("-ShopAppId", notFound.Advice);

            var invalid = ErrorCatalog.Lookup(WxPlatform.WeChat, 40097);
            Assert.Equal((FailureAction.Permanent, WxErrorCategory.InvalidArgument), (invalid.Action, invalid.Category));
            Assert.Contains("7 days", invalid.Advice);

            foreach (var code in new long[] { 45035, 61004 })
            {
                var ex = ErrorCatalog.FromApi(WxPlatform.WeChat, ChannelsApi.GetPath, code, "access clientip 203.0.113.7 is not registered rid: 6a-7b");
                Assert.Equal(WxErrorCategory.PermissionDenied, ex.Category);
                Assert.False(ex.IsTransient);
                Assert.Contains("203.0.113.7", ex.Message);
                Assert.Contains("channels.weixin.qq.com/shop", ex.Message);
            }
        }

        [Theory]
        [InlineData("{\"errcode\":48001,\"errmsg\":\"api unauthorized rid: 6a-7b\"}", HttpStatusCode.OK)]
        [InlineData("<html>404 Not Found</html>", HttpStatusCode.NotFound)]
        public async Task TheCoopEndpointGoneOrClosedSaysItWasRemovedAndPointsAtTheStoreCmdlets(string body, HttpStatusCode status)
        {
            var handler = new ScriptedHandler((req, _, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}")
                : status == HttpStatusCode.OK ? ScriptedHandler.Json(body) : ScriptedHandler.Text(body, "text/html", status));
            using var client = new ApiClient(TestSettings(), handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => CoopApi.GetOrderAsync(client, new CoopOrderKey("wxshop", "coiqBw3B"), null, CancellationToken.None));
            Assert.Contains("2025-06-16", ex.Message);
            Assert.Contains("Get-ChannelsOrder", ex.Message);
            Assert.Contains("Search-ChannelsOrder", ex.Message);
            Assert.DoesNotContain(ScriptedHandler.Token(1), ex.Message);
            Assert.Equal(status == HttpStatusCode.OK ? 48001L : (long?)null, ex.ErrorCode);

            // Other failures of the endpoint say nothing about its removal.
            var other = new ScriptedHandler((req, _, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}")
                : ScriptedHandler.Json("{\"errcode\":100002,\"errmsg\":\"order not exist\"}"));
            using var client2 = new ApiClient(TestSettings(), other);
            var notFound = await Assert.ThrowsAsync<WxApiException>(() => CoopApi.GetOrderAsync(client2, new CoopOrderKey("wxshop", "coiqBw3B"), null, CancellationToken.None));
            Assert.DoesNotContain("2025-06-16", notFound.Message);
        }

        [Fact]
        public async Task AResponseForAnotherOrderIsRefusedNotRelabelled()
        {
            var handler = new ScriptedHandler((req, _, n) => req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath
                ? ScriptedHandler.Json("{\"access_token\":\"" + ScriptedHandler.Token(n) + "\",\"expires_in\":7200}")
                : ScriptedHandler.Json("{\"errcode\":0,\"errmsg\":\"ok\",\"order\":{\"order_id\":\"3729000000000000999\",\"status\":20}}"));
            using var client = new ApiClient(TestSettings(), handler);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => ChannelsApi.GetOrderAsync(client, "3729145503581234176", null, CancellationToken.None));
            Assert.Equal("WxOrders.InvalidResponse", ex.ErrorId);
            Assert.Equal(@"{""order_id"":""3729145503581234176""}", handler.Bodies[1]);
        }

        [Fact]
        public async Task SandboxAnswersItsOrdersAndOnlyThem()
        {
            using var sb = Sandbox.Start(seed: 3, orderCount: 64);
            using var client = SandboxClients.For(sb, WxPlatform.WeChat);
            var ids = sb.GetChannelsOrderIds(64);
            Assert.Equal(sb.SampleChannelsOrderIds, ids.Take(10));
            var orders = await Task.WhenAll(ids.Select(id => ChannelsApi.GetOrderAsync(client, id, null, CancellationToken.None)));
            Assert.Equal(ids, orders.Select(o => o.OrderId));
            Assert.All(orders, o => Assert.All(o.OrderDetail.ProductInfos, p => Assert.Equal(o.OrderId, p.OrderId)));
            Assert.All(ids, id => Assert.Matches("^[1-9][0-9]{18}$", id));
            Assert.All(ids, id => Assert.True(ulong.Parse(id) > (1UL << 53)));

            // Every documented status and one no source lists; unpaid orders with an empty pay_info.
            var statuses = orders.Select(o => (int)o.Status.Value).Distinct().OrderBy(s => s).ToArray();
            Assert.Equal(new[] { 10, 12, 13, 20, 21, 30, 100, 190, 200, 250, 999 }, statuses);
            Assert.All(orders.Where(o => o.Status == ChannelsOrderStatus.Unpaid || o.Status == ChannelsOrderStatus.Cancelled), o =>
            {
                Assert.NotNull(o.OrderDetail.PayInfo);
                Assert.Null(o.OrderDetail.PayInfo.PayTime);
                Assert.Null(o.OrderDetail.PayInfo.PaymentMethod);
            });
            Assert.All(orders.Where(o => o.Status == ChannelsOrderStatus.Completed), o => Assert.NotNull(o.OrderDetail.PayInfo.PayTime));

            // Masked addresses; gifts waiting for their recipient have none.
            Assert.All(orders.Where(o => o.Status != ChannelsOrderStatus.GiftPending), o =>
            {
                var a = o.OrderDetail.DeliveryInfo.AddressInfo;
                Assert.Matches("^.\\*$", a.UserName);
                Assert.Matches("^1[0-9]{2}\\*{4}[0-9]{4}$", a.TelNumber);
                Assert.Equal("****", a.DetailInfo);
            });
            Assert.All(orders.Where(o => o.Status == ChannelsOrderStatus.GiftPending), o =>
            {
                Assert.True(o.IsPresent);
                Assert.Null(o.OrderDetail.DeliveryInfo.AddressInfo);
                Assert.Matches("^[0-9]{19}$", o.PresentOrderIdStr);
                Assert.Equal(o.PresentOrderIdStr, o.PresentOrderId);
            });

            // Parcels: several on some orders, each shipping what the lines hold (half of it while partly shipped).
            Assert.Contains(orders, o => o.OrderDetail.DeliveryInfo.DeliveryProductInfo?.Length > 1);
            foreach (var o in orders.Where(o => o.OrderDetail.DeliveryInfo.DeliveryProductInfo != null))
            {
                var shipped = o.OrderDetail.DeliveryInfo.DeliveryProductInfo.SelectMany(p => p.ProductInfos).Sum(p => p.ProductCnt.Value);
                var bought = o.OrderDetail.ProductInfos.Sum(p => p.SkuCnt.Value);
                if (o.Status == ChannelsOrderStatus.PartiallyShipped)
                {
                    Assert.Equal(Math.Max(1, bought / 2), shipped);
                    Assert.Null(o.OrderDetail.DeliveryInfo.ShipDoneTime);
                }
                else
                {
                    Assert.Equal(bought, shipped);
                    Assert.NotNull(o.OrderDetail.DeliveryInfo.ShipDoneTime);
                }
            }

            // Orders with and without commission; free gift lines; amounts that add up.
            Assert.Contains(orders, o => o.OrderDetail.CommissionInfos != null);
            Assert.Contains(orders, o => o.OrderDetail.CommissionInfos == null && o.OrderDetail.SettleInfo == null);
            Assert.Contains(orders, o => o.OrderDetail.ProductInfos.Any(p => p.IsFreeGift == true && p.FreeGiftInfo.MainProductList.Length == 1));
            foreach (var o in orders)
            {
                var p = o.OrderDetail.PriceInfo;
                Assert.Equal(p.ProductPrice, o.OrderDetail.ProductInfos.Sum(l => l.SalePrice * l.SkuCnt));
                Assert.Equal(p.OriginalOrderPrice, p.ProductPrice + p.Freight);
                Assert.Equal(p.OrderPrice, p.OriginalOrderPrice - p.DiscountedPrice - p.DeductionPrice - p.ChangeDownPrice);
                Assert.Equal(p.OrderPrice + p.DeductionPrice - p.Freight, o.OrderDetail.ProductInfos.Sum(l => l.RealPrice));
                Assert.NotNull(p.MerchantReceivePrice); // either spelling
            }

            // Every time in an order is at or before its update time.
            foreach (var o in orders)
            {
                var d = o.OrderDetail;
                var times = new[] { o.CreateTime, d.PayInfo.PayTime, d.DeliveryInfo.ShipDoneTime, d.ExtInfo.ConfirmReceiptTime, d.SettleInfo?.SettleTime, d.DeliveryInfo.AddressApplyTime }
                    .Concat(d.DeliveryInfo.DeliveryProductInfo?.Select(p => p.DeliveryTime) ?? Enumerable.Empty<DateTimeOffset?>());
                Assert.All(times.Where(t => t.HasValue), t => Assert.True(t.Value <= o.UpdateTime.Value, o.OrderId));
            }

            var unknown = await Assert.ThrowsAsync<WxApiException>(() => ChannelsApi.GetOrderAsync(client, "3729000000000000001", null, CancellationToken.None));
            Assert.Equal((ChannelsOrderEndpoint.NotFoundCode, WxErrorCategory.ObjectNotFound), (unknown.ErrorCode.Value, unknown.Category));
            var beyond = await Assert.ThrowsAsync<WxApiException>(() => ChannelsApi.GetOrderAsync(client, ChannelsStoreData.OrderIdText(64), null, CancellationToken.None));
            Assert.Equal(ChannelsOrderEndpoint.NotFoundCode, beyond.ErrorCode);
        }

        [Fact]
        public async Task SandboxTakesANumericOrderIdAndRefusesAMissingOne()
        {
            using var sb = Sandbox.Start(seed: 1, orderCount: 10);
            using var client = SandboxClients.For(sb, WxPlatform.WeChat);
            using (var numeric = await SandboxClients.PostRawAsync(client, sb, ChannelsApi.GetPath, @"{""order_id"":" + sb.SampleChannelsOrderIds[2] + "}"))
            {
                Assert.Equal(0, numeric.RootElement.GetProperty("errcode").GetInt32());
            }

            using (var missing = await SandboxClients.PostRawAsync(client, sb, ChannelsApi.GetPath, "{}"))
            {
                Assert.Equal(40097, missing.RootElement.GetProperty("errcode").GetInt32());
            }

            var endpoint = new ChannelsOrderEndpoint(sb.Context);
            Assert.Equal("42", endpoint.FaultKey(new SandboxRequest { Method = "POST", Path = ChannelsApi.GetPath, Body = Encoding.UTF8.GetBytes(@"{""order_id"":42}") }));
            Assert.Equal("42", endpoint.FaultKey(new SandboxRequest { Method = "POST", Path = ChannelsApi.GetPath, Body = Encoding.UTF8.GetBytes(@"{""order_id"":""42""}") }));
        }

        [Fact]
        public async Task SandboxPermanentFailureIsKeyedByOrderId()
        {
            var options = new SandboxOptions { Seed = 1, OrderCount = 10 };
            options.PermanentFailures[ChannelsStoreData.OrderIdText(3)] = 45035;
            using var sb = new Sandbox(options);
            using var client = SandboxClients.For(sb, WxPlatform.WeChat);
            var ex = await Assert.ThrowsAsync<WxApiException>(() => ChannelsApi.GetOrderAsync(client, sb.SampleChannelsOrderIds[3], null, CancellationToken.None));
            Assert.Equal((45035L, WxErrorCategory.PermissionDenied), (ex.ErrorCode.Value, ex.Category));
            Assert.NotNull(await ChannelsApi.GetOrderAsync(client, sb.SampleChannelsOrderIds[4], null, CancellationToken.None));
        }

        [Fact]
        public void StoreDataIsDeterministicNewestFirstAndReadyForTimeWindows()
        {
            var data = new ChannelsStoreData(seed: 5, count: 1000);
            var again = new ChannelsStoreData(seed: 5, count: 1000);
            for (var i = 0; i < 1000; i++)
            {
                Assert.Equal(i, data.IndexOf(ChannelsStoreData.OrderIdText(i)));
                Assert.Equal((data.CreateTime(i), data.UpdateTime(i), data.Status(i)), (again.CreateTime(i), again.UpdateTime(i), again.Status(i)));
                Assert.True(data.UpdateTime(i) >= data.CreateTime(i));
                if (i > 0)
                {
                    Assert.True(data.CreateTime(i) < data.CreateTime(i - 1)); // strictly newest first
                }
            }

            Assert.Equal(-1, data.IndexOf(ChannelsStoreData.OrderIdText(1000)));
            Assert.Equal(-1, data.IndexOf("3729000000000000001"));
            Assert.Equal(-1, data.IndexOf("0" + ChannelsStoreData.OrderIdText(1).Substring(1)));

            // A creation window is an index range: more than 7 days of orders, so a list must slice.
            var span = data.CreateTime(0) - data.CreateTime(999);
            Assert.True(span > 4 * 7 * 86400, span.ToString());
            var end = data.CreateTime(100);
            var start = end - 604799;
            var first = data.FirstCreatedAtOrBefore(end);
            var last = data.FirstCreatedAtOrBefore(start - 1);
            Assert.Equal(100, first);
            Assert.All(Enumerable.Range(first, last - first), i => Assert.InRange(data.CreateTime(i), start, end));
            Assert.True(data.CreateTime(last) < start);
            Assert.Equal(0, data.FirstCreatedAtOrBefore(long.MaxValue));
            Assert.Equal(1000, data.FirstCreatedAtOrBefore(0));

            // Any 16 consecutive orders hold every status.
            Assert.Equal(ChannelsStoreData.Statuses.Distinct().Count(), Enumerable.Range(500, ChannelsStoreData.Statuses.Length).Select(data.Status).Distinct().Count());
        }

        private static ConnectionSettings TestSettings() => new ConnectionSettings
        {
            Name = "t",
            Platform = WxPlatform.WeChat,
            AppId = "wxtest",
            AppSecret = SecureText.Protect("S3cr3t-app-secret-value-0001"),
            BaseUri = new Uri("https://api.test/"),
            MaxRetryCount = 0,
        };
    }
}
