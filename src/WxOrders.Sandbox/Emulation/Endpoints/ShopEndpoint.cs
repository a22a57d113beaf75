using System.Globalization;
using System.Text.Json;
using WxOrders.Emulation.Data.Shop;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>POST /shop/order/get: one order by order_id (a uint64 number) or out_order_id, and the buyer's openid.</summary>
    internal sealed class ShopEndpoint : SandboxEndpoint
    {
        /// <summary>errcode of an unknown order, or an openid that is not its buyer's.</summary>
        public const long NotFoundCode = 1010014;

        public ShopEndpoint(SandboxContext context)
            : base(context, "POST", WirePaths.ShopOrder, WirePlatform.WeChat)
        {
        }

        private ShopOrders Orders => Context.Shop;

        public override string FaultKey(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return null;
                }

                var root = doc.RootElement;
                return root.TryGetProperty("order_id", out var id) ? id.GetRawText() : StringProperty(root, "out_order_id");
            }
        }

        public override SandboxResponse Handle(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return Error(47001, "data format error");
                }

                var root = doc.RootElement;
                var openId = StringProperty(root, "openid");
                int index;
                string key;
                if (root.TryGetProperty("order_id", out var idElement))
                {
                    if (idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetUInt64(out var id))
                    {
                        return Error(47001, "data format error: order_id must be a uint64 number");
                    }

                    key = id.ToString(CultureInfo.InvariantCulture);
                    index = Orders.IndexOfId(id);
                }
                else
                {
                    var outId = StringProperty(root, "out_order_id");
                    if (string.IsNullOrEmpty(outId))
                    {
                        return Error(47001, "data format error: order_id or out_order_id is required");
                    }

                    key = outId;
                    index = Orders.IndexOfOutId(outId);
                }

                if (string.IsNullOrEmpty(openId))
                {
                    return Error(47001, "data format error: openid is required");
                }

                if (TryPermanentFailure(key, out var failure))
                {
                    return failure;
                }

                if (index < 0 || !Orders.IsBuyer(index, openId))
                {
                    return Error(NotFoundCode, "order not exist or openid not match");
                }

                return Context.Envelopes.WeChatOk(w => ShopOrderWriter.Write(w, Orders, index, Orders.Version(index, Orders.Live?.Latest)));
            }
        }
    }
}
