using System;
using System.Globalization;
using WxOrders.Emulation.Data.Union;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>GET /union/promoter/order/search: pages of the orders a filter selects, with totalNum.</summary>
    internal sealed class UnionSearchEndpoint : SandboxEndpoint
    {
        public UnionSearchEndpoint(SandboxContext context)
            : base(context, "GET", WirePaths.UnionOrderSearch, WirePlatform.WeChat)
        {
        }

        public override string FaultKey(SandboxRequest request) => "page=" + (request.QueryValue("page") ?? "1");

        public override SandboxResponse Handle(SandboxRequest request)
        {
            if (!Number(request, "page", 1, out var page) || page < 1 || page > int.MaxValue ||
                !Number(request, "pageSize", 10, out var pageSize) || pageSize < 1 || pageSize > WirePaths.UnionMaxBatch)
            {
                return Error(200002, "invalid args, page must be 1 or more and pageSize 1 to 200");
            }

            if (TryPermanentFailure("page=" + page.ToString(CultureInfo.InvariantCulture), out var failure, "page " + page.ToString(CultureInfo.InvariantCulture)))
            {
                return failure;
            }

            var filter = new UnionFilter { IsValid = true };
            if (!Time(request, "startTimestamp", out filter.PayStart) || !Time(request, "endTimestamp", out filter.PayEnd))
            {
                return Error(200002, "invalid args, startTimestamp and endTimestamp are unix seconds");
            }

            var status = request.QueryValue("commissionStatus");
            if (!string.IsNullOrEmpty(status))
            {
                var s = UnionOrders.StatusIndex(status);
                if (s < 0 || s >= 3)
                {
                    return Error(200002, "invalid args, commissionStatus");
                }

                filter.Status = s;
            }

            var sort = request.QueryValue("sortByCommissionUpdateTime");
            if (sort == "1")
            {
                filter.SortByUpdate = true;
                if (!Time(request, "startCommissionUpdateTime", out filter.UpdateStart) || !Time(request, "endCommissionUpdateTime", out filter.UpdateEnd))
                {
                    return Error(200002, "invalid args, startCommissionUpdateTime and endCommissionUpdateTime are unix seconds");
                }
            }
            else if (!string.IsNullOrEmpty(sort) && sort != "0")
            {
                return Error(200002, "invalid args, sortByCommissionUpdateTime is 0 or 1");
            }

            var data = Context.Union;
            var cap = data.PageCap;
            if (cap > 0 && pageSize > cap)
            {
                pageSize = cap; // a server that caps the page size answers (and numbers its pages) at its own size
            }

            var view = data.Live?.Visible();
            var selection = view == null ? data.Select(filter) : data.Select(filter, view);
            var offset = (page - 1) * pageSize;
            var take = offset >= selection.Count ? 0 : (int)Math.Min(pageSize, selection.Count - offset);
            var response = Context.Envelopes.WeChatOk(
                w =>
                {
                    w.WritePropertyName("orderList");
                    w.WriteStartArray();
                    for (var k = 0; k < take; k++)
                    {
                        var index = selection.IndexAt((int)offset + k);
                        UnionOrderWriter.Write(w, Seed, index, data.Version(index, view));
                    }

                    w.WriteEndArray();
                    w.WriteNumber("pageSize", pageSize);
                    w.WriteNumber("totalNum", selection.Count);
                },
                256 + (900 * take));
            data.AfterSearch();
            return response;
        }

        private static bool Number(SandboxRequest request, string name, long fallback, out long value)
        {
            var text = request.QueryValue(name);
            if (string.IsNullOrEmpty(text))
            {
                value = fallback;
                return true;
            }

            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        private static bool Time(SandboxRequest request, string name, out long? value)
        {
            value = null;
            var text = request.QueryValue(name);
            if (string.IsNullOrEmpty(text))
            {
                return true;
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return false;
            }

            value = seconds;
            return true;
        }
    }
}
