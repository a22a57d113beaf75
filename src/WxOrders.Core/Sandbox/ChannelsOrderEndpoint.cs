using System.Text.Json;

namespace WxOrders.Emulation
{
    /// <summary>
    /// POST /channels/ec/order/get on <see cref="ChannelsStoreData"/>: order_id (a string, or a number as some clients
    /// send it) must be one of the data set's ids, else errcode 100002 (not exist), the code ErrorCatalog maps to
    /// ObjectNotFound; a missing order_id is 40097 (invalid argument), a body that is not JSON 47001.
    /// </summary>
    internal sealed class ChannelsOrderEndpoint : SandboxEndpoint
    {
        public const long NotFoundCode = 100002;

        public ChannelsOrderEndpoint(Sandbox sandbox)
            : base(sandbox)
        {
        }

        public override string Method => "POST";

        public override string Path => Platforms.Channels.ChannelsApi.GetPath;

        public override WxPlatform Platform => WxPlatform.WeChat;

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
                    return Sandbox.Error(Platform, 47001, "data format error");
                }

                var orderId = OrderIdOf(doc.RootElement);
                if (string.IsNullOrEmpty(orderId))
                {
                    return Sandbox.Error(Platform, 40097, "invalid args, order_id is required");
                }

                if (Sandbox.TryPermanentFailure(orderId, out var failCode))
                {
                    return Sandbox.Error(Platform, failCode, "sandbox: permanent failure for " + orderId);
                }

                var data = Sandbox.ChannelsData;
                var index = data.IndexOf(orderId);
                if (index < 0)
                {
                    return Sandbox.Error(Platform, NotFoundCode, "order not exist");
                }

                return Sandbox.WeChatOk(w => ChannelsOrderWriter.Write(w, data, index), 4096);
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
