using System.Collections.Generic;
using System.Text.Json;
using WxOrders.Emulation.Data.Union;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>POST /union/promoter/order/info: the orders of up to 200 ids; unknown ids are left out.</summary>
    internal sealed class UnionInfoEndpoint : SandboxEndpoint
    {
        public UnionInfoEndpoint(SandboxContext context)
            : base(context, "POST", WirePaths.UnionOrderInfo, WirePlatform.WeChat)
        {
        }

        public override string FaultKey(SandboxRequest request)
        {
            var ids = ReadIds(request, out _);
            return ids != null && ids.Count > 0 ? ids[0] : null;
        }

        public override SandboxResponse Handle(SandboxRequest request)
        {
            var ids = ReadIds(request, out var problem);
            if (ids == null)
            {
                return Error(200002, problem);
            }

            var data = Context.Union;
            var view = data.Live?.Latest; // a lookup sees a change at once; only the lists wait for the visibility delay
            var found = new List<int>(ids.Count);
            var seen = new HashSet<int>();
            foreach (var id in ids)
            {
                var index = data.IndexOf(id);
                if (index >= 0 && !Context.Options.PermanentFailures.ContainsKey(id) && seen.Add(index))
                {
                    found.Add(index);
                }
            }

            return Context.Envelopes.WeChatOk(
                w =>
                {
                    w.WritePropertyName("orderList");
                    w.WriteStartArray();
                    foreach (var index in found)
                    {
                        UnionOrderWriter.Write(w, Seed, index, data.Version(index, view));
                    }

                    w.WriteEndArray();
                },
                256 + (900 * found.Count));
        }

        private static bool IsDigits(string id)
        {
            if (string.IsNullOrEmpty(id))
            {
                return false;
            }

            foreach (var c in id)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The ids of orderIdList (strings or numbers); null with the errmsg when the list is missing, bad or over 200,
        /// or holds an id that is not a string of digits (the API answers 200002 for the whole request then).
        /// </summary>
        private static List<string> ReadIds(SandboxRequest request, out string problem)
        {
            problem = null;
            using (var doc = ParseBody(request))
            {
                if (doc == null || !doc.RootElement.TryGetProperty("orderIdList", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    problem = "invalid args, orderIdList is required";
                    return null;
                }

                if (list.GetArrayLength() > WirePaths.UnionMaxBatch)
                {
                    problem = "invalid args, orderIdList exceeds the limit of 200";
                    return null;
                }

                var ids = new List<string>(list.GetArrayLength());
                foreach (var item in list.EnumerateArray())
                {
                    var id = item.ValueKind == JsonValueKind.String ? item.GetString()
                        : item.ValueKind == JsonValueKind.Number ? item.GetRawText()
                        : null;
                    if (!IsDigits(id))
                    {
                        problem = "invalid args, orderIdList holds a value that is not an order id";
                        return null;
                    }

                    ids.Add(id);
                }

                return ids;
            }
        }
    }
}
