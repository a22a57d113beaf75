using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using WxOrders.Emulation.Data;
using WxOrders.Emulation.Data.Channels;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>
    /// POST /channels/ec/order/list/get (developers.weixin.qq.com/doc/store/shop/API/channels-shop-order/api_getorderlist.html):
    /// the ids of the orders created (create_time_range) or updated (update_time_range) in {start_time, end_time}
    /// (unix seconds, both inclusive), ascending by that time (the order is undocumented), filtered by status (20 and
    /// 30 also match 21, 250 every cancellation, as the filter table says) and openid; page_size 1 to 100 (10 when
    /// absent, SKIT's default). Errors, all errcode 40097 (invalid argument) with what is wrong in errmsg: no range;
    /// BOTH ranges (undocumented: the sandbox refuses them, so a client that sends two is caught); a range whose
    /// end_time - start_time is over 604799 s (7 days) or negative; a page_size out of range; a next_key that is not
    /// one this endpoint issued, or that was issued for a different body (any field but next_key changed, as users
    /// report the real API refusing). A body that is not JSON is 47001, an empty one 44002. The cursor is a keyset
    /// (the last id returned), so orders that change during a walk do not shift the ones not yet listed.
    /// </summary>
    internal sealed class ChannelsListEndpoint : SandboxEndpoint
    {
        public const long InvalidCode = 40097;
        public const long MaxRangeSeconds = 604799;
        public const int DefaultPageSize = 10;

        public ChannelsListEndpoint(SandboxContext context)
            : base(context, "POST", WirePaths.ChannelsOrderList, WirePlatform.WeChat)
        {
        }

        public override string FaultKey(SandboxRequest request) => "next_key=" + (BodyString(request, "next_key") ?? string.Empty);

        public override SandboxResponse Handle(SandboxRequest request)
        {
            if (request.Body == null || request.Body.Length == 0)
            {
                return Error(44002, "empty post data");
            }

            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return Error(47001, "data format error");
                }

                var root = doc.RootElement;
                var hasCreate = root.TryGetProperty("create_time_range", out var createRange) && createRange.ValueKind != JsonValueKind.Null;
                var hasUpdate = root.TryGetProperty("update_time_range", out var updateRange) && updateRange.ValueKind != JsonValueKind.Null;
                if (!hasCreate && !hasUpdate)
                {
                    return Error(InvalidCode, "invalid args, create_time_range or update_time_range is required");
                }

                if (hasCreate && hasUpdate)
                {
                    return Error(InvalidCode, "invalid args, send one of create_time_range and update_time_range");
                }

                var byUpdate = hasUpdate;
                if (!Range(byUpdate ? updateRange : createRange, out var start, out var end, out var problem))
                {
                    return Error(InvalidCode, "invalid args, " + (byUpdate ? "update_time_range" : "create_time_range") + " " + problem);
                }

                var pageSize = DefaultPageSize;
                if (root.TryGetProperty("page_size", out var size) && size.ValueKind != JsonValueKind.Null &&
                    (!size.TryGetInt32(out pageSize) || pageSize < 1 || pageSize > WirePaths.ListMaxPageSize))
                {
                    return Error(InvalidCode, "invalid args, page_size is 1 to 100");
                }

                int? status = null;
                if (root.TryGetProperty("status", out var statusElement) && statusElement.ValueKind != JsonValueKind.Null)
                {
                    if (!statusElement.TryGetInt32(out var s))
                    {
                        return Error(InvalidCode, "invalid args, status is a number");
                    }

                    status = s;
                }

                var openId = StringProperty(root, "openid");
                var hash = BodyHash(root);
                var nextKey = StringProperty(root, "next_key");
                long afterTime = long.MinValue;
                var afterIndex = -1;
                if (!string.IsNullOrEmpty(nextKey) && !Cursor.TryRead(nextKey, hash, out afterTime, out afterIndex))
                {
                    return Error(InvalidCode, "invalid args, next_key invalid: it was not issued for this request's parameters");
                }

                var key = "next_key=" + (nextKey ?? string.Empty);
                if (TryPermanentFailure(key, out var failure))
                {
                    return failure;
                }

                var data = Context.Channels;
                var view = data.Live?.Visible();
                var selection = data.Window(byUpdate, start, end, view);
                if (status.HasValue || !string.IsNullOrEmpty(openId))
                {
                    var keep = new List<int>();
                    for (var k = 0; k < selection.Count; k++)
                    {
                        var index = selection.IndexAt(k);
                        if ((!status.HasValue || StatusMatches(status.Value, data.Version(index, view).Status)) &&
                            (string.IsNullOrEmpty(openId) || string.Equals(openId, data.OpenId(index), StringComparison.Ordinal)))
                        {
                            keep.Add(index);
                        }
                    }

                    selection = new OrderSelection(keep.ToArray(), 0, keep.Count);
                }

                // Keyset: the first position after the cursor's (time, index); the selection is sorted that way.
                var from = afterIndex < 0 ? 0 : SortedSearch.First(selection.Count, k =>
                {
                    var i = selection.IndexAt(k);
                    var t = data.ListTime(byUpdate, i, view);
                    return t > afterTime || (t == afterTime && i > afterIndex);
                });
                var take = Math.Min(pageSize, selection.Count - from);
                var ids = new int[take];
                for (var k = 0; k < take; k++)
                {
                    ids[k] = selection.IndexAt(from + k);
                }

                var hasMore = from + take < selection.Count;
                var next = take > 0 ? Cursor.Write(hash, data.ListTime(byUpdate, ids[take - 1], view), ids[take - 1]) : (nextKey ?? string.Empty);
                return Context.Envelopes.WeChatOk(
                    w =>
                    {
                        w.WritePropertyName("order_id_list");
                        w.WriteStartArray();
                        foreach (var index in ids)
                        {
                            w.WriteStringValue(ChannelsStoreData.OrderIdText(index));
                        }

                        w.WriteEndArray();
                        w.WriteString("next_key", next);
                        w.WriteBoolean("has_more", hasMore);
                    },
                    256 + (24 * take));
            }
        }

        /// <summary>The filter table: 20 and 30 also match partially shipped (21), 250 matches every cancellation.</summary>
        internal static bool StatusMatches(int filter, int status) =>
            filter == status || ((filter == 20 || filter == 30) && status == 21) || (filter == 250 && (status == 190 || status == 200));

        private static bool Range(JsonElement range, out long start, out long end, out string problem)
        {
            start = end = 0;
            problem = null;
            if (range.ValueKind != JsonValueKind.Object ||
                !range.TryGetProperty("start_time", out var s) || !s.TryGetInt64(out start) ||
                !range.TryGetProperty("end_time", out var e) || !e.TryGetInt64(out end))
            {
                problem = "needs start_time and end_time (unix seconds)";
                return false;
            }

            if (end < start)
            {
                problem = "end_time is before start_time";
                return false;
            }

            if (end - start > MaxRangeSeconds)
            {
                problem = "spans more than 7 days (end_time - start_time over 604799)";
                return false;
            }

            return true;
        }

        /// <summary>FNV-1a over every body field but next_key (name and raw value, by name): what a cursor is bound to.</summary>
        private static ulong BodyHash(JsonElement root)
        {
            var hash = 14695981039346656037UL;
            foreach (var p in root.EnumerateObject().Where(p => p.Name != "next_key").OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                foreach (var b in Encoding.UTF8.GetBytes(p.Name + "=" + p.Value.GetRawText() + ";"))
                {
                    hash = (hash ^ b) * 1099511628211UL;
                }
            }

            return hash;
        }

        /// <summary>next_key: base64 of "v1|body hash|time|index" of the last id a page returned.</summary>
        private static class Cursor
        {
            public static string Write(ulong hash, long time, int index) =>
                Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Join("|", "v1", hash.ToString("x16", CultureInfo.InvariantCulture), time.ToString(CultureInfo.InvariantCulture), index.ToString(CultureInfo.InvariantCulture))));

            public static bool TryRead(string key, ulong hash, out long time, out int index)
            {
                time = 0;
                index = -1;
                string[] parts;
                try
                {
                    parts = Encoding.ASCII.GetString(Convert.FromBase64String(key)).Split('|');
                }
                catch (FormatException)
                {
                    return false;
                }

                return parts.Length == 4 && parts[0] == "v1" &&
                    parts[1] == hash.ToString("x16", CultureInfo.InvariantCulture) &&
                    long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out time) &&
                    int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out index);
            }
        }
    }
}
