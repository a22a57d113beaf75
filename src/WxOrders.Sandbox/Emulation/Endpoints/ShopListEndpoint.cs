using System;
using System.Globalization;
using System.Text.Json;
using WxOrders.Emulation.Data;
using WxOrders.Emulation.Data.Shop;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>
    /// POST /shop/order/get_list
    /// (developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/API/order/get_order_list.html):
    /// page (from 1) and page_size (1 to 100, else errcode 990005) are required (990007 when missing); sort_order 1
    /// lists newest first, 2 oldest first, by creation time (ties by order), anything else is 47001;
    /// start_create_time and end_create_time ("yyyy-MM-dd HH:mm:ss", China time) bound the creation time, both
    /// inclusive: a start after the end is 990009, another format 47001. Each entry is the order object of
    /// /shop/order/get plus the buyer's openid; total_num counts the whole window.
    /// </summary>
    internal sealed class ShopListEndpoint : SandboxEndpoint
    {
        public const long PageSizeCode = 990005;
        public const long StartAfterEndCode = 990009;
        public const long MissingCode = 990007;

        public ShopListEndpoint(SandboxContext context)
            : base(context, "POST", WirePaths.ShopOrderList, WirePlatform.WeChat)
        {
        }

        public override string FaultKey(SandboxRequest request) => "page=" + (Number(request, "page") ?? "1");

        public override SandboxResponse Handle(SandboxRequest request)
        {
            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return Error(47001, "data format error");
                }

                var root = doc.RootElement;
                if (!root.TryGetProperty("page", out var pageElement) || !root.TryGetProperty("page_size", out var sizeElement))
                {
                    return Error(MissingCode, "param missing: page and page_size are required");
                }

                if (!pageElement.TryGetInt32(out var page) || !sizeElement.TryGetInt32(out var pageSize) || page < 1)
                {
                    return Error(47001, "data format error: page is a number from 1, page_size a number");
                }

                if (pageSize < 1 || pageSize > WirePaths.ListMaxPageSize)
                {
                    return Error(PageSizeCode, "page_size exceeds the limit (1 to 100)");
                }

                var sort = 1;
                if (root.TryGetProperty("sort_order", out var sortElement) && (!sortElement.TryGetInt32(out sort) || (sort != 1 && sort != 2)))
                {
                    return Error(47001, "data format error: sort_order is 1 (descending) or 2 (ascending)");
                }

                if (!Time(root, "start_create_time", out var start) || !Time(root, "end_create_time", out var end))
                {
                    return Error(47001, "data format error: start_create_time and end_create_time are yyyy-MM-dd HH:mm:ss");
                }

                if (start.HasValue && end.HasValue && start.Value > end.Value)
                {
                    return Error(StartAfterEndCode, "start_create_time is after end_create_time");
                }

                if (TryPermanentFailure("page=" + page.ToString(CultureInfo.InvariantCulture), out var failure, "page " + page.ToString(CultureInfo.InvariantCulture)))
                {
                    return failure;
                }

                var data = Context.Shop;
                var view = data.Live?.Visible();
                var selection = data.CreatedBetween(start, end, view);
                if (sort == 1)
                {
                    selection = selection.Reversed();
                }

                var offset = (long)(page - 1) * pageSize;
                var take = offset >= selection.Count ? 0 : (int)Math.Min(pageSize, selection.Count - offset);
                return Context.Envelopes.WeChatOk(
                    w =>
                    {
                        w.WritePropertyName("orders");
                        w.WriteStartArray();
                        for (var k = 0; k < take; k++)
                        {
                            var index = selection.IndexAt((int)offset + k);
                            ShopOrderWriter.WriteOrder(w, data, index, data.Version(index, view), listed: true);
                        }

                        w.WriteEndArray();
                        w.WriteNumber("total_num", selection.Count);
                    },
                    256 + (2048 * take));
            }
        }

        /// <summary>A body number as text (for the fault key), or null.</summary>
        private static string Number(SandboxRequest request, string name)
        {
            using (var doc = ParseBody(request))
            {
                return doc != null && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;
            }
        }

        /// <summary>An optional China-time string as unix seconds; false when present but not in the format.</summary>
        private static bool Time(JsonElement root, string name, out long? seconds)
        {
            seconds = null;
            if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.String && v.GetString().Length == 0))
            {
                return true;
            }

            if (v.ValueKind != JsonValueKind.String ||
                !DateTime.TryParseExact(v.GetString(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return false;
            }

            seconds = new DateTimeOffset(local, TimeSpan.FromHours(8)).ToUnixTimeSeconds();
            return true;
        }
    }
}
