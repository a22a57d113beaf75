using System;
using System.Collections.Generic;
using System.Linq;
using WxOrders.Emulation;
using WxOrders.Emulation.Data.Live;
using WxOrders.Emulation.Data.Union;
using WxOrders.Emulation.Live;

namespace WxOrders
{
    /// <summary>
    /// TEST-ONLY knobs of one sandbox ($sb.TestHooks), gathered here so the sandbox's own surface is what users need
    /// (in the spirit of PSResourceGet's InternalHooks). The Pester tests, the xUnit tests and the example checks
    /// use them to make the union search behave as production does under load (orders arriving or leaving during a
    /// walk, a server that caps the page size) and to read what only a test may read (the issued tokens). Not a
    /// stable surface: members change with the tests that need them.
    /// </summary>
    public sealed class SandboxTestHooks
    {
        private static readonly string[] CommissionStatusNames = { "Pending", "Settled", "Canceled" };

        private readonly SandboxContext context;

        internal SandboxTestHooks(SandboxContext context)
        {
            this.context = context;
        }

        /// <summary>
        /// Lets new union orders arrive during a walk: the newest <paramref name="hiddenNewest"/> orders are hidden
        /// (lookups and searches do not see them), and each search request answered reveals
        /// <paramref name="perSearchRequest"/> more, so pages shift under a walk as they do in production.
        /// </summary>
        public void SimulateUnionArrivals(int hiddenNewest, int perSearchRequest)
        {
            if (hiddenNewest < 0 || hiddenNewest >= context.OrderCount || perSearchRequest < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(hiddenNewest), "Hide 0 to OrderCount - 1 orders and reveal 0 or more per request.");
            }

            context.Union.SetArrivals(hiddenNewest, perSearchRequest);
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

            context.Union.SetDepartures(perSearchRequest);
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

            context.Union.PageCap = maxPageSize;
        }

        /// <summary>
        /// How many union orders a search with this filter finds (its totalNum); all of them for null. The query is a
        /// WxOrders.UnionOrderQuery, read by property name (StartTime, EndTime, CommissionStatus,
        /// CommissionUpdateStartTime, CommissionUpdateEndTime) so the sandbox needs no reference to the engine.
        /// </summary>
        public long CountUnionOrders(object query = null)
        {
            var filter = new UnionFilter { IsValid = true };
            if (query != null)
            {
                filter.PayStart = Seconds(query, "StartTime");
                filter.PayEnd = Seconds(query, "EndTime");
                var status = Property(query, "CommissionStatus");
                if (status != null)
                {
                    // The engine's enum names (Pending, Settled, Canceled) in the order of the wire codes.
                    filter.Status = Array.IndexOf(CommissionStatusNames, status.ToString());
                    filter.IsValid = filter.Status >= 0;
                }

                filter.UpdateStart = Seconds(query, "CommissionUpdateStartTime");
                filter.UpdateEnd = Seconds(query, "CommissionUpdateEndTime");
                filter.SortByUpdate = filter.UpdateStart.HasValue || filter.UpdateEnd.HasValue;
            }

            return filter.IsValid ? context.Union.Select(filter, context.Union.Live?.Visible()).Count : 0;
        }

        /// <summary>
        /// The access tokens this sandbox has issued (at most the last 64 per platform), for tests that prove no token
        /// reaches any output. A method, not a property, so the sandbox object itself never shows them.
        /// </summary>
        public string[] GetIssuedTokens() => context.WeChatTokens.Issued().Concat(context.WshotoTokens.Issued()).ToArray();

        /// <summary>Live mode: whether the timer's new orders and changes are paused.</summary>
        public bool IsLivePaused => Feed.IsPaused;

        /// <summary>Live mode: stops the timer's new orders and changes (lookups and lists keep answering).</summary>
        public void PauseLive() => Feed.Pause();

        /// <summary>Live mode: starts the timer's new orders and changes again (without a burst for the paused time).</summary>
        public void ResumeLive() => Feed.Resume();

        /// <summary>
        /// Live mode: makes <paramref name="count"/> events on <paramref name="source"/> now, paused or not, at the real
        /// clock's time: new orders when <paramref name="arrivals"/> is true, status changes when false (a new order
        /// where no order can change), either at random when null.
        /// </summary>
        public void AdvanceLive(SandboxSource source, int count, bool? arrivals = null)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "Make 0 or more events.");
            }

            Feed.Step(source, count, arrivals);
        }

        /// <summary>
        /// The ground truth of a sync: the current version (order id, update time as the client computes it: union
        /// the latest commissionStatusUpdateTime of its products, the others update_time) of every order of
        /// <paramref name="source"/> created or changed at or after <paramref name="since"/>, visible to the lists or
        /// not, by order id. Works without live mode too (the static orders changed since then).
        /// </summary>
        public SandboxOrderVersion[] GetOrderVersions(SandboxSource source, DateTimeOffset since)
        {
            var t = since.ToUnixTimeSeconds();
            IEnumerable<(int Index, OrderVersion Version)> changed;
            Func<int, string> id;
            switch (source)
            {
                case SandboxSource.Union:
                    changed = context.Union.ChangedSince(t);
                    id = UnionOrders.OrderIdText;
                    break;
                case SandboxSource.Shop:
                    changed = context.Shop.ChangedSince(t);
                    id = i => Emulation.Data.Shop.ShopOrders.OrderIdOf(i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case SandboxSource.Wshoto:
                    changed = context.Wshoto.ChangedSince(t);
                    id = Emulation.Data.Wshoto.WshotoOrders.OrderSnText;
                    break;
                case SandboxSource.Channels:
                    changed = context.Channels.ChangedSince(t);
                    id = Emulation.Data.Channels.ChannelsStoreData.OrderIdText;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(source), "Union, Shop, Wshoto or Channels.");
            }

            var china = TimeSpan.FromHours(8);
            return changed
                .Select(c => new SandboxOrderVersion(source, id(c.Index), DateTimeOffset.FromUnixTimeSeconds(c.Version.Update).ToOffset(china), c.Version.Status))
                .OrderBy(v => v.OrderId, StringComparer.Ordinal)
                .ToArray();
        }

        public override string ToString() => "test hooks";

        private LiveFeed Feed => context.Feed ?? throw new InvalidOperationException("The sandbox is not live: start it with Start-WxOrdersSandbox -Live.");

        private static object Property(object target, string name) => target.GetType().GetProperty(name)?.GetValue(target);

        private static long? Seconds(object target, string name) => Property(target, name) is DateTimeOffset t ? t.ToUnixTimeSeconds() : (long?)null;
    }
}
