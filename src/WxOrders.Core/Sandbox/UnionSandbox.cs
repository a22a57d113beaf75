using System;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using WxOrders.Emulation;
using WxOrders.Platforms.Union;

namespace WxOrders
{
    /// <summary>The union part of the sandbox: sample ids and a count of the orders a filter matches.</summary>
    public sealed partial class Sandbox
    {
        private UnionSandboxData unionData;

        /// <summary>Ten union order ids (the newest orders): pipe them to Get-UnionOrder.</summary>
        public string[] SampleUnionOrderIds => GetUnionOrderIds(10);

        internal UnionSandboxData UnionData =>
            LazyInitializer.EnsureInitialized(ref unionData, () => new UnionSandboxData(options.Seed, options.OrderCount));

        /// <summary>The ids of the newest <paramref name="count"/> union orders, in the order a search lists them.</summary>
        public string[] GetUnionOrderIds(int count)
        {
            var from = UnionData.VisibleFrom;
            return Enumerable.Range(from, Math.Max(0, Math.Min(count, options.OrderCount - from))).Select(UnionSandboxData.OrderIdText).ToArray();
        }

        /// <summary>
        /// Lets new union orders arrive during a walk: the newest <paramref name="hiddenNewest"/> orders are hidden
        /// (lookups and searches do not see them), and each search request answered reveals
        /// <paramref name="perSearchRequest"/> more, so pages shift under a walk as they do in production.
        /// </summary>
        public void SimulateUnionArrivals(int hiddenNewest, int perSearchRequest)
        {
            if (hiddenNewest < 0 || hiddenNewest >= options.OrderCount || perSearchRequest < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(hiddenNewest), "Hide 0 to OrderCount - 1 orders and reveal 0 or more per request.");
            }

            UnionData.SetArrivals(hiddenNewest, perSearchRequest);
        }

        /// <summary>
        /// Lets union orders leave during a walk: each search request answered hides the newest
        /// <paramref name="perSearchRequest"/> visible orders more (0 stops it), so the total goes down and the pages
        /// shift up under a walk, as when orders leave a -CommissionStatus filter.
        /// </summary>
        public void SimulateUnionDepartures(int perSearchRequest)
        {
            if (perSearchRequest < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(perSearchRequest), "Hide 0 or more orders per request.");
            }

            UnionData.SetDepartures(perSearchRequest);
        }

        /// <summary>
        /// Makes the union search answer at most <paramref name="maxPageSize"/> orders per page whatever pageSize asks
        /// (page N then holds orders maxPageSize * (N - 1) onwards), as a server that caps the page size; 0 removes the cap.
        /// </summary>
        public void SimulateUnionPageCap(int maxPageSize)
        {
            if (maxPageSize < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPageSize), "The cap is 0 (none) or more.");
            }

            UnionData.PageCap = maxPageSize;
        }

        /// <summary>How many union orders a search with this filter finds (its totalNum); all of them for null.</summary>
        public long CountUnionOrders(UnionOrderQuery query = null)
        {
            var filter = UnionFilter.From(query);
            return filter.IsValid ? UnionData.Select(filter).Count : 0;
        }
    }
}

namespace WxOrders.Emulation
{
    /// <summary>A search filter in wire terms (unix seconds, status index).</summary>
    internal struct UnionFilter
    {
        public long? PayStart;
        public long? PayEnd;
        public int? Status;
        public bool SortByUpdate;
        public long? UpdateStart;
        public long? UpdateEnd;
        public bool IsValid;

        public static UnionFilter From(UnionOrderQuery query)
        {
            var f = new UnionFilter { IsValid = true };
            if (query == null)
            {
                return f;
            }

            f.PayStart = query.StartTime?.ToUnixTimeSeconds();
            f.PayEnd = query.EndTime?.ToUnixTimeSeconds();
            if (query.CommissionStatus.HasValue)
            {
                f.Status = UnionSandboxData.StatusIndex(Json.WireNames<UnionCommissionStatus>.ToWire(query.CommissionStatus.Value));
                f.IsValid = f.Status >= 0;
            }

            f.SortByUpdate = query.SortByCommissionUpdateTime;
            f.UpdateStart = query.CommissionUpdateStartTime?.ToUnixTimeSeconds();
            f.UpdateEnd = query.CommissionUpdateEndTime?.ToUnixTimeSeconds();
            return f;
        }

        public string CacheKey() => string.Join("|", PayStart, PayEnd, Status, SortByUpdate, UpdateStart, UpdateEnd);
    }

    /// <summary>The orders a filter selects, in output order: index k of the selection is order Map[Start + k] (or Start + k).</summary>
    internal readonly struct UnionSelection
    {
        public UnionSelection(int[] map, int start, int count)
        {
            Map = map;
            Start = start;
            Count = count;
        }

        public int[] Map { get; }

        public int Start { get; }

        public int Count { get; }

        public int IndexAt(int k) => Map == null ? Start + k : Map[Start + k];
    }

    /// <summary>
    /// Union orders as a pure function of (seed, index), newest first: order i is paid strictly after order i + 1,
    /// so a payment-time window is an index range found by binary search. Status lists and the order by
    /// commission-update time are built once, on first use; other filter combinations are cached per filter.
    /// No page request scans the data set.
    /// </summary>
    internal sealed class UnionSandboxData
    {
        public const ulong IdBase = 1952300000000000UL;
        public const ulong IdStep = 7919UL;
        public const ulong What = 0xA110;

        /// <summary>The newest payment time: 2025-06-30 23:59:00 +08:00.</summary>
        public static readonly long NewestPayTime = new DateTimeOffset(2025, 6, 30, 23, 59, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds();

        /// <summary>Wire statuses; index 3 is a status the documents do not list (clients must keep it).</summary>
        public static readonly string[] StatusCodes = { "SETTLEMENT_PENDING", "SETTLEMENT_SUCCESS", "SETTLEMENT_CANCELED", "SETTLEMENT_FROZEN" };

        private readonly int seed;
        private readonly int count;
        private readonly ConcurrentDictionary<string, int[]> filtered = new ConcurrentDictionary<string, int[]>(StringComparer.Ordinal);
        private int[][] byStatus;
        private int[] byUpdate;
        private long[] updateSorted;
        private int visibleFrom;
        private int revealPerRequest;
        private int pageCap;

        public UnionSandboxData(int seed, int count)
        {
            this.seed = seed;
            this.count = count;
        }

        public int Count => count;

        /// <summary>The newest order that has "arrived" (see Sandbox.SimulateUnionArrivals); 0 normally.</summary>
        public int VisibleFrom => Volatile.Read(ref visibleFrom);

        /// <summary>The most orders a search page holds (0: as asked); see Sandbox.SimulateUnionPageCap.</summary>
        public int PageCap
        {
            get => Volatile.Read(ref pageCap);
            set => Volatile.Write(ref pageCap, value);
        }

        public void SetArrivals(int hidden, int perRequest)
        {
            Volatile.Write(ref revealPerRequest, perRequest);
            Volatile.Write(ref visibleFrom, hidden);
        }

        /// <summary>Each search request hides <paramref name="perRequest"/> more of the newest orders.</summary>
        public void SetDepartures(int perRequest) => Volatile.Write(ref revealPerRequest, -perRequest);

        /// <summary>Called after each search request: reveals the next arrivals (or hides the next departures), if any are simulated.</summary>
        public void AfterSearch()
        {
            var step = Volatile.Read(ref revealPerRequest);
            if (step == 0)
            {
                return;
            }

            int current, next;
            do
            {
                current = Volatile.Read(ref visibleFrom);
                next = (int)Math.Min(count, Math.Max(0L, (long)current - step));
            }
            while (current != next && Interlocked.CompareExchange(ref visibleFrom, next, current) != current);
        }

        public static ulong OrderIdOf(int index) => IdBase + ((ulong)index * IdStep);

        public static string OrderIdText(int index) => OrderIdOf(index).ToString(CultureInfo.InvariantCulture);

        public static int StatusIndex(string code) => code == null ? -1 : Array.IndexOf(StatusCodes, code);

        /// <summary>The index of an order id, or -1.</summary>
        public int IndexOf(string id)
        {
            if (string.IsNullOrEmpty(id) || id.Length > 19 || id[0] == '0' ||
                !ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ||
                n < IdBase || (n - IdBase) % IdStep != 0)
            {
                return -1;
            }

            var index = (n - IdBase) / IdStep;
            return index < (ulong)count && (int)index >= VisibleFrom ? (int)index : -1;
        }

        /// <summary>Payment time (unix seconds): strictly decreasing in the index, 38 to 156 s apart.</summary>
        public long PayTime(int i) => NewestPayTime - (97L * i) - (long)(SandboxData.Hash(seed, What, (ulong)i) % 60);

        /// <summary>0 pending (half), 1 settled, 2 canceled, 3 an undocumented status (1 in 50).</summary>
        public int Status(int i)
        {
            var r = (int)(SandboxData.Hash(seed, What + 1, (ulong)i) % 100);
            return r < 50 ? 0 : r < 85 ? 1 : r < 98 ? 2 : 3;
        }

        /// <summary>When the commission status last changed: minutes after payment while pending, days after otherwise.</summary>
        public long UpdateTime(int i)
        {
            var h = SandboxData.Hash(seed, What + 2, (ulong)i);
            switch (Status(i))
            {
                case 0: return PayTime(i) + 60 + (long)(h % 3540);
                case 1: return PayTime(i) + (7 * 86400) + (long)(h % (13 * 86400));
                case 2: return PayTime(i) + 86400 + (long)(h % (6 * 86400));
                default: return PayTime(i) + 86400 + (long)(h % (2 * 86400));
            }
        }

        public UnionSelection Select(UnionFilter f)
        {
            var from = VisibleFrom;
            if (!f.SortByUpdate)
            {
                var lo = Math.Max(from, f.PayEnd.HasValue ? FirstPaidAtOrBefore(f.PayEnd.Value) : 0);
                var hi = f.PayStart.HasValue ? FirstPaidAtOrBefore(f.PayStart.Value - 1) : count;
                if (hi < lo)
                {
                    hi = lo;
                }

                if (!f.Status.HasValue)
                {
                    return new UnionSelection(null, lo, hi - lo);
                }

                var list = StatusLists()[f.Status.Value];
                var a = LowerBound(list, lo);
                var b = LowerBound(list, hi);
                return new UnionSelection(list, a, b - a);
            }

            EnsureUpdateOrder();
            var first = f.UpdateEnd.HasValue ? FirstUpdatedAtOrBefore(f.UpdateEnd.Value) : 0;
            var end = f.UpdateStart.HasValue ? FirstUpdatedAtOrBefore(f.UpdateStart.Value - 1) : count;
            if (end < first)
            {
                end = first;
            }

            if (!f.Status.HasValue && !f.PayStart.HasValue && !f.PayEnd.HasValue && from == 0)
            {
                return new UnionSelection(byUpdate, first, end - first);
            }

            var key = f.CacheKey() + "|" + from.ToString(CultureInfo.InvariantCulture);
            if (!filtered.TryGetValue(key, out var map))
            {
                var keep = new List<int>();
                for (var k = first; k < end; k++)
                {
                    var i = byUpdate[k];
                    if (i >= from &&
                        (!f.Status.HasValue || Status(i) == f.Status.Value) &&
                        (!f.PayStart.HasValue || PayTime(i) >= f.PayStart.Value) &&
                        (!f.PayEnd.HasValue || PayTime(i) <= f.PayEnd.Value))
                    {
                        keep.Add(i);
                    }
                }

                map = keep.ToArray();
                if (filtered.Count > 32)
                {
                    filtered.Clear();
                }

                filtered[key] = map;
            }

            return new UnionSelection(map, 0, map.Length);
        }

        /// <summary>The smallest index paid at or before t (count when none): payment times decrease with the index.</summary>
        private int FirstPaidAtOrBefore(long t)
        {
            int lo = 0, hi = count;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (PayTime(mid) <= t)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }

        private int FirstUpdatedAtOrBefore(long t)
        {
            int lo = 0, hi = count;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (updateSorted[mid] <= t)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }

        private static int LowerBound(int[] sorted, int value)
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (sorted[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private int[][] StatusLists()
        {
            return LazyInitializer.EnsureInitialized(ref byStatus, () =>
            {
                var lists = new List<int>[StatusCodes.Length];
                for (var s = 0; s < lists.Length; s++)
                {
                    lists[s] = new List<int>();
                }

                for (var i = 0; i < count; i++)
                {
                    lists[Status(i)].Add(i);
                }

                return lists.Select(l => l.ToArray()).ToArray();
            });
        }

        private void EnsureUpdateOrder()
        {
            if (Volatile.Read(ref updateSorted) != null)
            {
                return;
            }

            lock (filtered)
            {
                if (updateSorted != null)
                {
                    return;
                }

                // Newest update first, ties by index: one sort on (2^32 - time) << 24 | index (count < 2^24, time < 2^32).
                var keys = new long[count];
                var order = new int[count];
                for (var i = 0; i < count; i++)
                {
                    order[i] = i;
                    keys[i] = ((0x100000000L - UpdateTime(i)) << 24) | (long)i;
                }

                if (count < (1 << 24))
                {
                    Array.Sort(keys, order);
                }
                else
                {
                    Array.Sort(order, (a, b) => a == b ? 0 : UpdateTime(a) != UpdateTime(b) ? UpdateTime(b).CompareTo(UpdateTime(a)) : a.CompareTo(b));
                }

                var times = new long[count];
                for (var k = 0; k < count; k++)
                {
                    times[k] = UpdateTime(order[k]);
                }

                byUpdate = order;
                Volatile.Write(ref updateSorted, times);
            }
        }
    }

    /// <summary>Writes union orders as the API does, with the field shapes seen in practice (strings or numbers, nulls, absences).</summary>
    internal static class UnionOrderWriter
    {
        private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        private static readonly JsonEncodedText OrderId = JsonEncodedText.Encode("orderId");
        private static readonly JsonEncodedText PayTime = JsonEncodedText.Encode("payTime");
        private static readonly JsonEncodedText ConfirmReceiptTime = JsonEncodedText.Encode("confirmReceiptTime");
        private static readonly JsonEncodedText ShopName = JsonEncodedText.Encode("shopName");
        private static readonly JsonEncodedText ShopAppid = JsonEncodedText.Encode("shopAppid");
        private static readonly JsonEncodedText ProductList = JsonEncodedText.Encode("productList");
        private static readonly JsonEncodedText CustomizeInfo = JsonEncodedText.Encode("customizeInfo");
        private static readonly JsonEncodedText CustomUserId = JsonEncodedText.Encode("customUserId");
        private static readonly JsonEncodedText UserNickName = JsonEncodedText.Encode("userNickName");
        private static readonly JsonEncodedText ProductId = JsonEncodedText.Encode("productId");
        private static readonly JsonEncodedText SkuId = JsonEncodedText.Encode("skuId");
        private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        private static readonly JsonEncodedText ThumbImg = JsonEncodedText.Encode("thumbImg");
        private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
        private static readonly JsonEncodedText ProductCnt = JsonEncodedText.Encode("productCnt");
        private static readonly JsonEncodedText Ratio = JsonEncodedText.Encode("ratio");
        private static readonly JsonEncodedText CommissionStatus = JsonEncodedText.Encode("commissionStatus");
        private static readonly JsonEncodedText CommissionStatusUpdateTime = JsonEncodedText.Encode("commissionStatusUpdateTime");
        private static readonly JsonEncodedText ProfitShardingSucTime = JsonEncodedText.Encode("profitShardingSucTime");
        private static readonly JsonEncodedText Commission = JsonEncodedText.Encode("commission");
        private static readonly JsonEncodedText EstimatedCommission = JsonEncodedText.Encode("estimatedCommission");
        private static readonly JsonEncodedText CategoryStr = JsonEncodedText.Encode("categoryStr");
        private static readonly JsonEncodedText PromotionInfo = JsonEncodedText.Encode("promotionInfo");
        private static readonly JsonEncodedText PromotionSourcePid = JsonEncodedText.Encode("promotionSourcePid");
        private static readonly JsonEncodedText PromotionSourceName = JsonEncodedText.Encode("promotionSourceName");

        private static readonly JsonEncodedText[] Titles = Encode(SandboxData.Titles);
        private static readonly JsonEncodedText[] Shops = Encode(SandboxData.Shops);
        private static readonly JsonEncodedText[] ShopAppIds = Encode(SandboxData.Shops.Select((_, n) => "wx" + (0x5e1f0a3c7b2d4000UL + (ulong)n * 0x1001UL).ToString("x16", CultureInfo.InvariantCulture)).ToArray());
        private static readonly JsonEncodedText[] Nicknames = Encode(SandboxData.Names);
        private static readonly JsonEncodedText[] Statuses = Encode(UnionSandboxData.StatusCodes);
        private static readonly JsonEncodedText[] Categories = Encode(new[] { "食品饮料,茶叶", "家居日用,收纳", "个护清洁,身体护理", "数码配件", "母婴用品", "11" });
        private static readonly JsonEncodedText[] Pids = Encode(new[] { "oqt8u5E4_3XcsaMicK_E2gNyvBfM_1290469201", "oqt8u5NJAsZ4TN0eNVDN5J_1KUOs_1497740816", "oqt8u5Kx0dPq7LmVwz9YbTRc_2206113357" });
        private static readonly JsonEncodedText[] PidNames = Encode(new[] { "公众号推文", "视频号橱窗", "社群分享" });
        private static readonly JsonEncodedText[] Thumbs = Encode(Enumerable.Range(0, 8).Select(n => "https://img.example.cn/sandbox/union/" + n.ToString(CultureInfo.InvariantCulture) + ".jpg").ToArray());
        private static readonly JsonEncodedText CustomizeText = JsonEncodedText.Encode("sandbox-customize");
        private static readonly JsonEncodedText Dash = JsonEncodedText.Encode("-");
        private static readonly JsonEncodedText Zero = JsonEncodedText.Encode("0");
        private static readonly long[] Ratios = { 200, 500, 800, 1000, 1500, 2000, 5000, 8000, 9000 };

        /// <summary>Writes order <paramref name="i"/> of <paramref name="data"/>.</summary>
        public static void Write(Utf8JsonWriter w, UnionSandboxData data, int seed, int i)
        {
            var ui = (ulong)i;
            var what = UnionSandboxData.What + 16;
            var shape = SandboxData.Hash(seed, what, ui); // bits decide which optional shapes this order has
            var paid = data.PayTime(i);
            var status = data.Status(i);
            var updated = data.UpdateTime(i);

            w.WriteStartObject();
            WriteDigits(w, OrderId, (long)UnionSandboxData.OrderIdOf(i));
            if ((shape & 0x1) == 0)
            {
                w.WriteNumber(PayTime, paid);
            }
            else
            {
                WriteDigits(w, PayTime, paid); // as a string now and then
            }

            var confirmed = status == 1 || (status == 0 && (shape & 0x2) != 0) ? paid + (2 * 86400) + (long)(shape % 86400) : 0;
            w.WriteNumber(ConfirmReceiptTime, confirmed);
            var shop = (int)((shape >> 8) % (ulong)Shops.Length);
            w.WriteString(ShopName, Shops[shop]);
            if ((shape & 0x4) == 0)
            {
                w.WriteString(ShopAppid, ShopAppIds[shop]);
            }

            w.WritePropertyName(ProductList);
            w.WriteStartArray();
            var lines = (shape & 0x38) == 0 ? 2 : 1;
            for (var l = 0; l < lines; l++)
            {
                WriteLine(w, seed, ui, l, shape, status, updated);
            }

            w.WriteEndArray();

            if ((shape & 0x40) != 0)
            {
                w.WriteString(CustomizeInfo, CustomizeText);
            }
            else if ((shape & 0x80) != 0)
            {
                w.WriteNull(CustomizeInfo);
            }

            if ((shape & 0x100) == 0)
            {
                WriteDigits(w, CustomUserId, 100000 + (long)((shape >> 20) % 900000));
            }

            w.WriteString(UserNickName, Nicknames[(int)((shape >> 12) % (ulong)Nicknames.Length)]);
            w.WriteEndObject();
        }

        private static void WriteLine(Utf8JsonWriter w, int seed, ulong order, int line, ulong orderShape, int status, long updated)
        {
            var li = (order * 4) + (ulong)line;
            var h = SandboxData.Hash(seed, UnionSandboxData.What + 17, li);
            var product = 4000000 + (long)(h % 9000000);
            var priceFen = 10 + (long)((h >> 24) % 99990);
            var ratio = Ratios[(int)((h >> 40) % (ulong)Ratios.Length)];
            var estimated = priceFen * ratio / 10000;

            w.WriteStartObject();
            if ((h & 0x3) == 0)
            {
                w.WriteNumber(ProductId, product); // a number on the wire now and then
            }
            else
            {
                WriteDigits(w, ProductId, product);
            }

            if ((h & 0x4) == 0)
            {
                WriteDigits(w, SkuId, (product * 10) + (long)line + 1);
            }

            w.WriteString(Title, Titles[(int)((h >> 8) % (ulong)Titles.Length)]);
            w.WriteString(ThumbImg, Thumbs[(int)((h >> 16) % (ulong)Thumbs.Length)]);
            WriteYuan(w, Price, priceFen, (h & 0x18) == 0);
            if ((h & 0x20) == 0)
            {
                w.WriteNumber(ProductCnt, 1 + (long)((h >> 48) % 5));
            }
            else
            {
                WriteDigits(w, ProductCnt, 1 + (long)((h >> 48) % 5));
            }

            w.WriteNumber(Ratio, ratio);
            w.WriteString(CommissionStatus, Statuses[status]);
            if ((h & 0x40) == 0)
            {
                WriteDigits(w, CommissionStatusUpdateTime, updated); // the field table says string
            }
            else
            {
                w.WriteNumber(CommissionStatusUpdateTime, updated);
            }

            if (status == 1)
            {
                WriteDigits(w, ProfitShardingSucTime, updated);
            }
            else if ((h & 0x80) == 0)
            {
                w.WriteString(ProfitShardingSucTime, Zero);
            }

            switch (status)
            {
                case 1:
                    WriteYuan(w, Commission, estimated, (h & 0x100) == 0);
                    break;
                case 2:
                    w.WriteString(Commission, Zero);
                    break;
                default:
                    w.WriteString(Commission, Dash);
                    break;
            }

            w.WriteNumber(EstimatedCommission, estimated);
            w.WriteString(CategoryStr, Categories[(int)((h >> 52) % (ulong)Categories.Length)]);
            if ((orderShape & 0x200) == 0 || line > 0)
            {
                var p = (int)((orderShape >> 28) % (ulong)Pids.Length);
                w.WritePropertyName(PromotionInfo);
                w.WriteStartObject();
                w.WriteString(PromotionSourcePid, Pids[p]);
                w.WriteString(PromotionSourceName, PidNames[p]);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull(PromotionInfo);
            }

            if ((orderShape & 0x40) != 0)
            {
                w.WriteString(CustomizeInfo, CustomizeText);
            }

            w.WriteEndObject();
        }

        private static void WriteDigits(Utf8JsonWriter w, JsonEncodedText name, long value)
        {
            Span<byte> buffer = stackalloc byte[24];
            Utf8Formatter.TryFormat(value, buffer, out var written);
            w.WriteString(name, buffer.Slice(0, written));
        }

        /// <summary>"12.34", or "¥12.34" when <paramref name="yen"/>.</summary>
        private static void WriteYuan(Utf8JsonWriter w, JsonEncodedText name, long fen, bool yen)
        {
            Span<byte> buffer = stackalloc byte[32];
            var n = 0;
            if (yen)
            {
                buffer[n++] = 0xC2;
                buffer[n++] = 0xA5;
            }

            Utf8Formatter.TryFormat(fen / 100, buffer.Slice(n), out var written);
            n += written;
            buffer[n++] = (byte)'.';
            buffer[n++] = (byte)('0' + (fen % 100 / 10));
            buffer[n++] = (byte)('0' + (fen % 10));
            w.WriteString(name, buffer.Slice(0, n));
        }

        private static JsonEncodedText[] Encode(string[] values) => values.Select(v => JsonEncodedText.Encode(v, Encoder)).ToArray();
    }

    /// <summary>POST /union/promoter/order/info: the orders of up to 200 ids; unknown ids are left out.</summary>
    internal sealed class UnionInfoSandbox : SandboxEndpoint
    {
        public UnionInfoSandbox(Sandbox sandbox)
            : base(sandbox)
        {
        }

        public override string Method => "POST";

        public override string Path => UnionApi.InfoPath;

        public override WxPlatform Platform => WxPlatform.WeChat;

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
                return Sandbox.Error(Platform, 200002, problem);
            }

            var data = Sandbox.UnionData;
            var found = new List<int>(ids.Count);
            var seen = new HashSet<int>();
            foreach (var id in ids)
            {
                var index = data.IndexOf(id);
                if (index >= 0 && !Sandbox.TryPermanentFailure(id, out _) && seen.Add(index))
                {
                    found.Add(index);
                }
            }

            return Sandbox.WeChatOk(
                w =>
                {
                    w.WritePropertyName("orderList");
                    w.WriteStartArray();
                    foreach (var index in found)
                    {
                        UnionOrderWriter.Write(w, data, Seed, index);
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

                if (list.GetArrayLength() > UnionApi.MaxBatch)
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

    /// <summary>GET /union/promoter/order/search: pages of the orders a filter selects, with totalNum.</summary>
    internal sealed class UnionSearchSandbox : SandboxEndpoint
    {
        public UnionSearchSandbox(Sandbox sandbox)
            : base(sandbox)
        {
        }

        public override string Method => "GET";

        public override string Path => UnionApi.SearchPath;

        public override WxPlatform Platform => WxPlatform.WeChat;

        public override string FaultKey(SandboxRequest request) => "page=" + (request.QueryValue("page") ?? "1");

        public override SandboxResponse Handle(SandboxRequest request)
        {
            if (!Number(request, "page", 1, out var page) || page < 1 || page > int.MaxValue ||
                !Number(request, "pageSize", 10, out var pageSize) || pageSize < 1 || pageSize > UnionApi.MaxBatch)
            {
                return Sandbox.Error(Platform, 200002, "invalid args, page must be 1 or more and pageSize 1 to 200");
            }

            if (Sandbox.TryPermanentFailure("page=" + page.ToString(CultureInfo.InvariantCulture), out var failCode))
            {
                return Sandbox.Error(Platform, failCode, "sandbox: permanent failure for page " + page.ToString(CultureInfo.InvariantCulture));
            }

            var filter = new UnionFilter { IsValid = true };
            if (!Time(request, "startTimestamp", out filter.PayStart) || !Time(request, "endTimestamp", out filter.PayEnd))
            {
                return Sandbox.Error(Platform, 200002, "invalid args, startTimestamp and endTimestamp are unix seconds");
            }

            var status = request.QueryValue("commissionStatus");
            if (!string.IsNullOrEmpty(status))
            {
                var s = UnionSandboxData.StatusIndex(status);
                if (s < 0 || s >= 3)
                {
                    return Sandbox.Error(Platform, 200002, "invalid args, commissionStatus");
                }

                filter.Status = s;
            }

            var sort = request.QueryValue("sortByCommissionUpdateTime");
            if (sort == "1")
            {
                filter.SortByUpdate = true;
                if (!Time(request, "startCommissionUpdateTime", out filter.UpdateStart) || !Time(request, "endCommissionUpdateTime", out filter.UpdateEnd))
                {
                    return Sandbox.Error(Platform, 200002, "invalid args, startCommissionUpdateTime and endCommissionUpdateTime are unix seconds");
                }
            }
            else if (!string.IsNullOrEmpty(sort) && sort != "0")
            {
                return Sandbox.Error(Platform, 200002, "invalid args, sortByCommissionUpdateTime is 0 or 1");
            }

            var data = Sandbox.UnionData;
            var cap = data.PageCap;
            if (cap > 0 && pageSize > cap)
            {
                pageSize = cap; // a server that caps the page size answers (and numbers its pages) at its own size
            }

            var selection = data.Select(filter);
            var offset = (page - 1) * pageSize;
            var take = offset >= selection.Count ? 0 : (int)Math.Min(pageSize, selection.Count - offset);
            var response = Sandbox.WeChatOk(
                w =>
                {
                    w.WritePropertyName("orderList");
                    w.WriteStartArray();
                    for (var k = 0; k < take; k++)
                    {
                        UnionOrderWriter.Write(w, data, Seed, selection.IndexAt((int)offset + k));
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
