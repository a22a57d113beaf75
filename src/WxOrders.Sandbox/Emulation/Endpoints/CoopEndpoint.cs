using WxOrders.Emulation.Data.Coop;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>
    /// POST /channels/ec/cooperation/order/get: one order by shop_appid and order_id. An id that is not the data set's,
    /// or a shop_appid the order does not belong to, answers errcode 100002 (not exist), the code ErrorCatalog maps to
    /// ObjectNotFound.
    /// </summary>
    internal sealed class CoopEndpoint : SandboxEndpoint
    {
        public const long NotFoundCode = 100002;

        public CoopEndpoint(SandboxContext context)
            : base(context, "POST", WirePaths.CoopOrder, WirePlatform.WeChat)
        {
        }

        public override string FaultKey(SandboxRequest request) => BodyString(request, "order_id");

        public override SandboxResponse Handle(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return Error(47001, "data format error");
                }

                var root = doc.RootElement;
                var shopAppId = StringProperty(root, "shop_appid");
                var orderId = StringProperty(root, "order_id");
                if (string.IsNullOrEmpty(shopAppId))
                {
                    return Error(47001, "data format error: shop_appid is required");
                }

                if (string.IsNullOrEmpty(orderId))
                {
                    return Error(47001, "data format error: order_id is required");
                }

                if (TryPermanentFailure(orderId, out var failure))
                {
                    return failure;
                }

                var index = Context.Coop.IndexOf(orderId);
                if (index < 0 || !Context.Coop.IsOfShop(index, shopAppId))
                {
                    return Error(NotFoundCode, "order not exist");
                }

                return Context.Envelopes.WeChatOk(w => CoopOrderWriter.Write(w, Seed, index));
            }
        }
    }
}
