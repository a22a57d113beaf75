using System.Text.Json;
using WxOrders.Emulation.Data.Channels;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>
    /// POST /channels/ec/order/get on <see cref="ChannelsStoreData"/>: order_id (a string, or a number as some clients
    /// send it) must be one of the data set's ids, else errcode 100002 (not exist), the code ErrorCatalog maps to
    /// ObjectNotFound; a missing order_id is 40097 (invalid argument), a body that is not JSON 47001.
    /// </summary>
    internal sealed class ChannelsOrderEndpoint : SandboxEndpoint
    {
        public const long NotFoundCode = 100002;

        public ChannelsOrderEndpoint(SandboxContext context)
            : base(context, "POST", WirePaths.ChannelsOrder, WirePlatform.WeChat)
        {
        }

        public override string FaultKey(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                return doc == null ? null : OrderIdOf(doc.RootElement);
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

                var orderId = OrderIdOf(doc.RootElement);
                if (string.IsNullOrEmpty(orderId))
                {
                    return Error(40097, "invalid args, order_id is required");
                }

                if (TryPermanentFailure(orderId, out var failure))
                {
                    return failure;
                }

                var data = Context.Channels;
                var index = data.IndexOf(orderId);
                if (index < 0)
                {
                    return Error(NotFoundCode, "order not exist");
                }

                var view = data.Live?.Latest; // a lookup sees a change at once; only the list waits for the visibility delay
                var live = view != null && view.Contains(index);
                return Context.Envelopes.WeChatOk(w => ChannelsOrderWriter.Write(w, data, index, data.Version(index, view), live), 4096);
            }
        }

        private static string OrderIdOf(JsonElement root)
        {
            if (!root.TryGetProperty("order_id", out var v))
            {
                return null;
            }

            return v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;
        }
    }
}
