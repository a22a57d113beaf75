using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using WxOrders.Emulation.Data;
using WxOrders.Emulation.Data.Wshoto;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>
    /// /openapi/mall/order/list (open.wshoto.com/doc/pages/mall/order/orderList.html), documented as GET with a JSON
    /// body; the same body by POST is served too (what WxOrders sends from .NET Framework), and RequestCounts tells the
    /// two apart ("GET /openapi/mall/order/list", "POST /openapi/mall/order/list"). Rules: type 1 creation, 2 completion
    /// (only completed orders have that time), 3 last update; start_time required (unix seconds), end_time optional,
    /// both inclusive; status_list keeps those statuses; current_index from 1 (default 1), page_size 1 to 100 (default
    /// 100). Wshoto documents no error codes: a bad value (type, a missing start_time, start after end, page_size over
    /// 100, ...) answers code 40097, a body that is not a JSON object 47001. Records come oldest first by the window's
    /// time (ties by order: the order is not documented), data.total counts the whole window.
    /// </summary>
    internal class WshotoListEndpoint : SandboxEndpoint
    {
        public const long InvalidCode = 40097;

        public WshotoListEndpoint(SandboxContext context)
            : this(context, "GET")
        {
        }

        protected WshotoListEndpoint(SandboxContext context, string method)
            : base(context, method, WirePaths.WshotoOrderList, WirePlatform.Wshoto)
        {
        }

        public override string FaultKey(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                return "page=" + (doc != null && doc.RootElement.TryGetProperty("current_index", out var v) ? v.GetRawText() : "1");
            }
        }

        public override SandboxResponse Handle(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return Error(47001, "请求体不是 JSON 对象");
                }

                var root = doc.RootElement;
                if (!Int(root, "type", null, out var type) || type < 1 || type > 3)
                {
                    return Error(InvalidCode, "参数错误: type 为 1 (创建时间)、2 (完成时间) 或 3 (更新时间)");
                }

                if (!Long(root, "start_time", out var start) || !start.HasValue)
                {
                    return Error(InvalidCode, "参数错误: start_time 不能为空");
                }

                if (!Long(root, "end_time", out var end) || (end.HasValue && end.Value < start.Value))
                {
                    return Error(InvalidCode, "参数错误: end_time 不能早于 start_time");
                }

                if (!Int(root, "current_index", 1, out var page) || page < 1)
                {
                    return Error(InvalidCode, "参数错误: current_index 从 1 开始");
                }

                if (!Int(root, "page_size", WirePaths.ListMaxPageSize, out var pageSize) || pageSize < 1 || pageSize > WirePaths.ListMaxPageSize)
                {
                    return Error(InvalidCode, "参数错误: page_size 最大 100");
                }

                if (!Statuses(root, out var statuses))
                {
                    return Error(InvalidCode, "参数错误: status_list 为状态数组");
                }

                if (TryPermanentFailure("page=" + page.ToString(CultureInfo.InvariantCulture), out var failure, "page " + page.ToString(CultureInfo.InvariantCulture)))
                {
                    return failure;
                }

                var data = Context.Wshoto;
                var view = data.Live?.Visible();
                var selection = data.Window(type, start, end, view);
                if (statuses != null)
                {
                    var keep = new List<int>();
                    for (var k = 0; k < selection.Count; k++)
                    {
                        var index = selection.IndexAt(k);
                        if (statuses.Contains(data.Version(index, view).Status))
                        {
                            keep.Add(index);
                        }
                    }

                    selection = new OrderSelection(keep.ToArray(), 0, keep.Count);
                }

                var offset = (long)(page - 1) * pageSize;
                var take = offset >= selection.Count ? 0 : (int)Math.Min(pageSize, selection.Count - offset);
                return Context.Envelopes.WshotoOk(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("total", selection.Count);
                    w.WriteNumber("size", pageSize);
                    w.WriteNumber("current", page);
                    w.WritePropertyName("records");
                    w.WriteStartArray();
                    for (var k = 0; k < take; k++)
                    {
                        var index = selection.IndexAt((int)offset + k);
                        WshotoListWriter.WriteRecord(w, data, index, data.Timeline(index, view));
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
        }

        private static bool Int(JsonElement root, string name, int? fallback, out int value)
        {
            value = fallback ?? 0;
            if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return fallback.HasValue;
            }

            return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out value);
        }

        private static bool Long(JsonElement root, string name, out long? value)
        {
            value = null;
            if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n))
            {
                return false;
            }

            value = n;
            return true;
        }

        private static bool Statuses(JsonElement root, out HashSet<int> statuses)
        {
            statuses = null;
            if (!root.TryGetProperty("status_list", out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (v.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var set = new HashSet<int>();
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var s))
                {
                    return false;
                }

                set.Add(s);
            }

            statuses = set.Count == 0 ? null : set;
            return true;
        }
    }

    /// <summary>The same list by POST with the same body: what WxOrders sends where .NET Framework cannot send a GET body.</summary>
    internal sealed class WshotoListPostEndpoint : WshotoListEndpoint
    {
        public WshotoListPostEndpoint(SandboxContext context)
            : base(context, "POST")
        {
        }
    }
}
