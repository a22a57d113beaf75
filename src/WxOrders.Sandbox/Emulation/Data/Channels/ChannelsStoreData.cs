using System;
using System.Collections.Generic;
using System.Globalization;
using WxOrders.Emulation.Data.Live;

namespace WxOrders.Emulation.Data.Channels
{
    /// <summary>
    /// The WeChat Store's orders as a pure function of (seed, index), newest first: order i is created strictly after
    /// order i + 1 (about an hour apart, so the default 1000 orders span some six weeks, several 7-day list windows).
    /// A creation-time window is therefore an index range found by binary search (<see cref="FirstCreatedAtOrBefore"/>),
    /// and every time of an order (paid, shipped, confirmed, after-sale, settled) is at or before its update time, so a
    /// list endpoint over update_time_range can sort indexes by <see cref="UpdateTime"/> once. Status cycles through
    /// <see cref="Statuses"/>, so any run of that many consecutive orders holds every status. The newest creation time
    /// is a constructor argument: fixed by default (reproducible data), movable for a live mode.
    /// </summary>
    internal sealed class ChannelsStoreData
    {
        /// <summary>Ids are IdBase + i * IdStep: 19 digits, beyond a double's 2^53, as the store's ids are.</summary>
        public const ulong IdBase = 3729000000000000000UL;
        public const ulong IdStep = 2654435761UL;

        /// <summary>Every documented status, some twice, and 999: a number no source lists (clients must keep it).</summary>
        public static readonly int[] Statuses = { 10, 12, 13, 20, 21, 30, 100, 190, 200, 250, 20, 30, 100, 100, 250, 999 };

        /// <summary>2025-07-31 22:00:00 +08:00.</summary>
        public static readonly long DefaultNewestCreateTime = new DateTimeOffset(2025, 7, 31, 22, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeSeconds();

        private const long Spacing = 3600;

        private readonly int statusOffset;
        private readonly SortedKeys byCreate;
        private readonly SortedKeys byUpdate;

        public ChannelsStoreData(int seed, int count, long? newestCreateTime = null)
        {
            Seed = seed;
            Count = count;
            NewestCreateTime = newestCreateTime ?? DefaultNewestCreateTime;
            statusOffset = SandboxData.Int(seed, Salts.ChannelsOrder, 0, Statuses.Length);
            byCreate = new SortedKeys(count, CreateTime);
            byUpdate = new SortedKeys(count, UpdateTime);
        }

        public int Seed { get; }

        public int Count { get; }

        public long NewestCreateTime { get; }

        public static ulong OrderIdOf(int index) => IdBase + ((ulong)index * IdStep);

        public static string OrderIdText(int index) => OrderIdOf(index).ToString(CultureInfo.InvariantCulture);

        /// <summary>The index of an order id, or -1.</summary>
        public int IndexOf(string id)
        {
            if (string.IsNullOrEmpty(id) || id.Length != 19 ||
                !ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ||
                n < IdBase || (n - IdBase) % IdStep != 0)
            {
                return -1;
            }

            var index = (n - IdBase) / IdStep;
            return index < (ulong)Count ? (int)index : index < int.MaxValue && Live != null && Live.Latest.Contains((int)index) ? (int)index : -1;
        }

        /// <summary>Random bits of order i for a purpose (<paramref name="what"/> 0..63 picks the draw).</summary>
        public ulong Bits(int index, ulong what) => SandboxData.Hash(Seed, Salts.ChannelsOrder + 1 + what, (ulong)index);

        public int Status(int index) => Statuses[(index + statusOffset) % Statuses.Length];

        public string OpenId(int index) => SandboxData.OpenId(Seed, Salts.ChannelsOrder + 70, (ulong)index);

        /// <summary>Creation time (unix seconds): strictly decreasing in the index, 1801 to 3600 s apart.</summary>
        public long CreateTime(int index) => NewestCreateTime - (Spacing * index) - (long)(Bits(index, 0) % (Spacing / 2));

        /// <summary>The first index created at or before <paramref name="time"/> (Count when none is).</summary>
        public int FirstCreatedAtOrBefore(long time)
        {
            int lo = 0, hi = Count;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (CreateTime(mid) <= time)
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

        public ChannelsTimeline Timeline(int index) => new ChannelsTimeline(this, index);

        /// <summary>The timeline of order <paramref name="index"/> in <paramref name="version"/> (a live one, or its static version).</summary>
        public ChannelsTimeline Timeline(int index, OrderVersion version, bool live) =>
            live ? new ChannelsTimeline(this, index, version.Status, version.Create, version.Update) : new ChannelsTimeline(this, index);

        /// <summary>The live part (Start-WxOrdersSandbox -Live): new orders and status changes; null otherwise.</summary>
        public LiveLedger Live { get; set; }

        /// <summary>Order <paramref name="index"/> as <paramref name="view"/> has it, else its static version.</summary>
        public OrderVersion Version(int index, LiveView view) =>
            view != null && view.TryGet(index, out var v) ? v : new OrderVersion(Status(index), CreateTime(index), UpdateTime(index));

        /// <summary>Every order (static and live) whose current version changed at or after <paramref name="since"/>.</summary>
        public IEnumerable<(int Index, OrderVersion Version)> ChangedSince(long since) => LiveTruth.ChangedSince(Count, Live, since, i => Version(i, null));

        /// <summary>When order i last changed: the latest of its events.</summary>
        public long UpdateTime(int index) => Timeline(index).Update;

        /// <summary>
        /// The orders whose creation (or, with <paramref name="byUpdateTime"/>, update) time is in [from, to] (unix
        /// seconds, inclusive), ascending by that time and then by index: the order list/get pages through.
        /// </summary>
        public OrderSelection Window(bool byUpdateTime, long from, long to, LiveView view = null)
        {
            var selection = (byUpdateTime ? byUpdate : byCreate).Window(from, to);
            if (view == null || view.Count == 0)
            {
                return selection;
            }

            Func<OrderVersion, long> key = byUpdateTime ? (Func<OrderVersion, long>)(v => v.Update) : v => v.Create;
            return LiveMerge.Merge(selection, byUpdateTime ? (Func<int, long>)UpdateTime : CreateTime, view, byUpdateTime ? "update" : "create", key, (_, v) => key(v) >= from && key(v) <= to, descending: false);
        }

        /// <summary>The time a list window sorts order <paramref name="index"/> by, as <paramref name="view"/> has it.</summary>
        public long ListTime(bool byUpdateTime, int index, LiveView view = null)
        {
            var v = Version(index, view);
            return byUpdateTime ? v.Update : v.Create;
        }
    }
}
