using WxOrders.Emulation.Data.Wshoto;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>POST /openapi/mall/order/detail: one order by order_sn; any other order_sn answers code 20001 (not found).</summary>
    internal sealed class WshotoEndpoint : SandboxEndpoint
    {
        public const long NotFoundCode = 20001;

        public WshotoEndpoint(SandboxContext context)
            : base(context, "POST", WirePaths.WshotoOrder, WirePlatform.Wshoto)
        {
        }

        public override string FaultKey(SandboxRequest request) => BodyString(request, "order_sn");

        public override SandboxResponse Handle(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return Error(47001, "请求体不是 JSON 对象");
                }

                var orderSn = StringProperty(doc.RootElement, "order_sn");
                if (string.IsNullOrEmpty(orderSn))
                {
                    return Error(47001, "order_sn 不能为空");
                }

                if (TryPermanentFailure(orderSn, out var failure))
                {
                    return failure;
                }

                var index = Context.Wshoto.IndexOf(orderSn);
                if (index < 0)
                {
                    return Error(NotFoundCode, "订单不存在");
                }

                return Context.Envelopes.WshotoOk(w => WshotoOrderWriter.Write(w, Context.Wshoto, index, Context.Wshoto.Timeline(index, Context.Wshoto.Live?.Latest)));
            }
        }
    }
}
