using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Paging;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>Whether a failure ends a walk: one property of the error table (ErrorCatalog), the old PageWalk.StopsWalk rule.</summary>
    public class EndsWalkTests
    {
        [Fact]
        public void FailuresThatWouldRepeatEndTheWalkAndOthersDoNot()
        {
            var ends = new Exception[]
            {
                ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 48001, "api unauthorized"),
                ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 40001, "invalid credential"),
                ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 40164, "ip 1.2.3.4 not in whitelist"),
                ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 45009, "quota"),
                ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 45011, "minute quota"),
                ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 200002, "invalid args"),
                ErrorCatalog.FromApi(WxPlatform.Wshoto, "/x", 40013, "appid"),
                ErrorCatalog.FromHttpStatus(WxPlatform.WeChat, "/x", 401, "Unauthorized", null),
                ErrorCatalog.FromHttpStatus(WxPlatform.WeChat, "/x", 403, "Forbidden", null),
                ErrorCatalog.FromHttpStatus(WxPlatform.WeChat, "/x", 429, "Too Many Requests", null),
                ErrorCatalog.Throttled(WxPlatform.WeChat, "/x", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(2)),
                new InvalidOperationException("a bug"),
            };
            var goesOn = new Exception[]
            {
                ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "system error"),
                ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 9999, "odd"),
                ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 1010014, "not found"),
                ErrorCatalog.FromApi(WxPlatform.Wshoto, "/x", 20001, "not found"),
                ErrorCatalog.FromHttpStatus(WxPlatform.WeChat, "/x", 404, "Not Found", null),
                ErrorCatalog.FromHttpStatus(WxPlatform.WeChat, "/x", 502, "Bad Gateway", null),
                ErrorCatalog.Transport(WxPlatform.WeChat, "/x", "timeout", timeout: true),
                ErrorCatalog.Transport(WxPlatform.WeChat, "/x", "refused", timeout: false),
                ErrorCatalog.NonJson(WxPlatform.WeChat, "/x", "html"),
                ErrorCatalog.InvalidData(WxPlatform.WeChat, "/x", "bad"),
                ErrorCatalog.ConnectionClosed(WxPlatform.WeChat, "/x", "c"),
                ErrorCatalog.OrderNotFound(WxPlatform.WeChat, "/x", "1", "check"),
                new OperationCanceledException(),
                new TaskCanceledException(),
            };
            Assert.All(ends, e => Assert.True(ErrorCatalog.EndsWalk(e), e.Message));
            Assert.All(goesOn, e => Assert.False(ErrorCatalog.EndsWalk(e), e.Message));

            // The rule of a code is the catalog's; a code can say otherwise than its category.
            Assert.True(ErrorCatalog.Lookup(WxPlatform.WeChat, 48001).EndsWalk);
            Assert.False(ErrorCatalog.Lookup(WxPlatform.WeChat, -1).EndsWalk);
            Assert.True(new ErrorCatalog.Rule(FailureAction.Permanent, WxErrorCategory.NotSpecified, "x", endsWalk: true).EndsWalk);
            Assert.False(new ErrorCatalog.Rule(FailureAction.Permanent, WxErrorCategory.PermissionDenied, "x", endsWalk: false).EndsWalk);
        }
    }

    /// <summary>The cursor page style (next_key, has_more; the WeChat Store list), with a scripted fetcher.</summary>
    public class CursorPageWalkTests
    {
        /// <summary>A fake cursor API over items 0..total-1 per slice (ids prefixed by slice when asked): cursor "k" starts at item k.</summary>
        private sealed class FakeCursorApi
        {
            private readonly int total;
            private readonly int pageSize;

            public FakeCursorApi(int total, int pageSize)
            {
                this.total = total;
                this.pageSize = pageSize;
            }

            public List<(int slice, string cursor)> Requested { get; } = new List<(int, string)>();

            public Func<int, Exception> FailWith { get; set; } = _ => null;

            /// <summary>Changes an answer (the request's index from 0, the page as it would be): a misbehaving API.</summary>
            public Func<int, ApiPage<string>, ApiPage<string>> Bend { get; set; } = (_, p) => p;

            public bool SliceIds { get; set; }

            public int InFlight { get; private set; }

            public int MostInFlight { get; private set; }

            public TaskCompletionSource<ApiPage<string>> Held { get; private set; }

            public bool Hold { get; set; }

            public Task<ApiPage<string>> Fetch(int slice, string cursor, CancellationToken ct)
            {
                var n = Requested.Count;
                Requested.Add((slice, cursor));
                var error = FailWith(n);
                if (error != null)
                {
                    return Task.FromException<ApiPage<string>>(error);
                }

                var start = cursor == null ? 0 : int.Parse(cursor.Substring(1));
                var items = Enumerable.Range(start, Math.Max(0, Math.Min(pageSize, total - start))).Select(i => SliceIds ? slice + "-" + i : i.ToString()).ToList();
                var more = start + pageSize < total;
                var page = Bend(n, new ApiPage<string>(items, more ? "k" + (start + pageSize) : string.Empty, more));
                if (!Hold)
                {
                    return Task.FromResult(page);
                }

                InFlight++;
                MostInFlight = Math.Max(MostInFlight, InFlight);
                Held = new TaskCompletionSource<ApiPage<string>>();
                var held = Held;
                return held.Task.ContinueWith(t => { InFlight--; return page; }, TaskContinuationOptions.ExecuteSynchronously);
            }
        }

        private static (List<string> items, List<PageOutcome<string>> outcomes, CursorPageWalk<string> walk) Run(FakeCursorApi api, ulong skip = 0, ulong first = ulong.MaxValue, int slices = 1)
        {
            var walk = new CursorPageWalk<string>(api.Fetch, slices, s => s, skip, first, CancellationToken.None);
            var items = new List<string>();
            var outcomes = new List<PageOutcome<string>>();
            while (walk.TryNext(out var next))
            {
                if (!next.Task.IsCompleted)
                {
                    api.Held.SetResult(null);
                }

                var outcome = walk.Complete(next);
                outcomes.Add(outcome);
                items.AddRange(outcome.Items);
            }

            return (items, outcomes, walk);
        }

        private static IEnumerable<string> Ids(int from, int count) => Enumerable.Range(from, count).Select(i => i.ToString());

        private static string Notice(PageWalk walk) => Assert.Single(walk.Notices("orders", "give an -EndTime in the past"));

        [Fact]
        public void WalksEveryPageWithTheCursorOfTheOneBeforeOnePageInFlight()
        {
            var api = new FakeCursorApi(45, 10) { Hold = true };
            var (items, _, walk) = Run(api);
            Assert.Equal(Ids(0, 45), items);
            Assert.Equal(new[] { null, "k10", "k20", "k30", "k40" }, api.Requested.Select(r => r.cursor));
            Assert.Equal(1, api.MostInFlight);
            Assert.Equal(5, walk.PagesRead);
            Assert.Null(walk.TotalCount);
            Assert.True(walk.IsComplete);
            Assert.Empty(walk.Notices("orders", "x"));
        }

        [Fact]
        public void FirstStopsAskingAndSkipCountsEntriesAcrossPages()
        {
            var api = new FakeCursorApi(100, 10);
            var (items, _, walk) = Run(api, first: 5);
            Assert.Equal(Ids(0, 5), items);
            Assert.Single(api.Requested);
            Assert.True(walk.IsComplete);

            var skip = new FakeCursorApi(100, 10);
            Assert.Equal(Ids(25, 10), Run(skip, skip: 25, first: 10).items);
            Assert.Equal(4, skip.Requested.Count); // pages 1-3 skipped entry by entry, page 4 finishes -First

            var none = new FakeCursorApi(100, 10);
            var zero = Run(none, first: 0);
            Assert.Empty(zero.items);
            Assert.Empty(none.Requested);
            Assert.True(zero.walk.IsComplete);
        }

        [Fact]
        public void SlicesAreWalkedInTurnFromAnEmptyCursorAndIdsAreWrittenOnce()
        {
            // Every slice lists the same 25 ids: written once, the repeats counted.
            var api = new FakeCursorApi(25, 10);
            var (items, _, walk) = Run(api, slices: 3);
            Assert.Equal(Ids(0, 25), items);
            Assert.Equal(new[] { (0, (string)null), (0, "k10"), (0, "k20"), (1, null), (1, "k10"), (1, "k20"), (2, null), (2, "k10"), (2, "k20") }, api.Requested);
            Assert.Equal(50, walk.Duplicates);
            Assert.True(walk.IsComplete);
            Assert.Contains("listed them again", Assert.Single(walk.Remarks("orders")));

            var distinct = new FakeCursorApi(25, 10) { SliceIds = true };
            Assert.Equal(75, Run(distinct, slices: 3).items.Count);
        }

        [Fact]
        public void AFailureThatWouldRepeatEndsTheWalk()
        {
            var api = new FakeCursorApi(100, 10) { FailWith = n => n == 2 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", 48001, "api unauthorized") : null };
            var (items, outcomes, walk) = Run(api);
            Assert.Equal(Ids(0, 20), items);
            Assert.Equal(3, api.Requested.Count);
            var failed = Assert.Single(outcomes, o => o.Error != null);
            Assert.Equal(3, failed.Number);
            Assert.False(failed.Discarded);
            Assert.Equal(1, walk.PagesFailed);
            Assert.False(walk.IsComplete);
            Assert.Equal(
                "Page 3 could not be retrieved (2 read before it), so the search stopped early: page 3 failed with an error that would repeat on every page. The orders from there on are missing from the output: a cursor list cannot step over a page. The error record names the failed page (TargetObject); run the command again.",
                Notice(walk));
        }

        [Fact]
        public void AnotherFailureAsksForTheSamePageAgainThenGivesUp()
        {
            // Two failed attempts at page 2, then it arrives: nothing lost, the walk is complete.
            var api = new FakeCursorApi(30, 10) { FailWith = n => n == 1 || n == 2 ? ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "system error") : null };
            var (items, outcomes, walk) = Run(api);
            Assert.Equal(Ids(0, 30), items);
            Assert.Equal(new[] { null, "k10", "k10", "k10", "k20" }, api.Requested.Select(r => r.cursor));
            Assert.Equal(2, outcomes.Count(o => o.Discarded && o.Error != null));
            Assert.Equal(2, walk.AttemptsRepeated);
            Assert.Equal(0, walk.PagesFailed);
            Assert.True(walk.IsComplete);

            // Failing every time: MaxConsecutiveFailures attempts, then the walk stops.
            var down = new FakeCursorApi(30, 10) { FailWith = n => n >= 1 ? ErrorCatalog.Transport(WxPlatform.WeChat, "/x", "timeout", true) : null };
            var result = Run(down);
            Assert.Equal(1 + PageWalk.MaxConsecutiveFailures, down.Requested.Count);
            Assert.Equal(1, result.walk.PagesFailed);
            Assert.Equal(2, result.walk.FailedPageNumber);
            Assert.False(result.walk.IsComplete);
            Assert.StartsWith("Page 2 could not be retrieved (1 read before it), so the search stopped early: page 2 failed 3 times in a row.", Notice(result.walk));
        }

        [Fact]
        public void ACursorThatMisbehavesStopsTheWalkInsteadOfLooping()
        {
            // has_more without a next_key.
            var noKey = new FakeCursorApi(100, 10) { Bend = (n, p) => n == 1 ? new ApiPage<string>(p.Items, "", true) : p };
            var a = Run(noKey);
            Assert.Equal(20, a.items.Count);
            Assert.False(a.walk.IsComplete);
            Assert.Equal(0, a.walk.PagesFailed);
            Assert.Equal(
                "The search stopped early after 2 page(s) (20 orders written): page 2 said more pages follow (has_more) but sent no next_key, so orders may be missing from the output. Run the command again; if it stops at the same place, report it with the time of the search.",
                Notice(a.walk));

            // The same next_key again (a cursor the API ignores).
            var same = new FakeCursorApi(100, 10) { Bend = (n, p) => n >= 1 ? new ApiPage<string>(p.Items, "k10", true) : p };
            var b = Run(same);
            Assert.Equal(2, same.Requested.Count);
            Assert.Contains("already used", b.walk.StoppedBecause);
            Assert.False(b.walk.IsComplete);

            // New cursors, but the same items every time.
            var stuck = new FakeCursorApi(100, 10) { Bend = (n, p) => new ApiPage<string>(Ids(0, 10).ToList(), "k" + ((n + 1) * 10), true) };
            var c = Run(stuck);
            Assert.Equal(Ids(0, 10), c.items);
            Assert.Equal(1 + CursorPageWalk<string>.MaxPagesWithoutNewItems, stuck.Requested.Count);
            Assert.Contains("brought nothing not already listed", c.walk.StoppedBecause);
            Assert.False(c.walk.IsComplete);
        }

        [Fact]
        public void ACancelledOrDisposedWalkIsNotComplete()
        {
            using var cts = new CancellationTokenSource();
            var api = new FakeCursorApi(100, 10);
            var walk = new CursorPageWalk<string>(api.Fetch, 1, s => s, 0, ulong.MaxValue, cts.Token);
            Assert.True(walk.TryNext(out var next));
            walk.Complete(next);
            cts.Cancel();
            Assert.False(walk.TryNext(out _));
            Assert.False(walk.Finished);
            Assert.False(walk.IsComplete);

            var disposed = new CursorPageWalk<string>(new FakeCursorApi(100, 10).Fetch, 1, s => s, 0, ulong.MaxValue, CancellationToken.None);
            Assert.True(disposed.TryNext(out var head));
            disposed.Complete(head);
            disposed.Dispose();
            Assert.False(disposed.IsComplete);
        }
    }

    /// <summary>Whether a numbered walk was complete (a checkpoint records nothing for an incomplete one).</summary>
    public class NumberedWalkCompletenessTests
    {
        private static NumberedPageWalk<string> Walk(Func<int, ApiPage<string>> page, ulong first = ulong.MaxValue, int throttle = 1, bool needTotal = false)
        {
            var walk = new NumberedPageWalk<string>((p, ct) => Task.FromResult(page(p)), s => s, 10, 0, first, throttle, needTotal, CancellationToken.None);
            while (walk.TryNext(out var next))
            {
                walk.Complete(next);
            }

            return walk;
        }

        private static ApiPage<string> Page(int p, int total, int shift = 0) =>
            new ApiPage<string>(p, Enumerable.Range(((p - 1) * 10) - shift, 10).Where(i => i < total - shift).Select(i => i < 0 ? "new" + i : i.ToString()).ToList(), total);

        [Fact]
        public void CompleteOnlyWhenNothingCanBeMissing()
        {
            Assert.True(Walk(p => Page(p, 95)).IsComplete);
            Assert.True(Walk(p => Page(p, 95), first: 25).IsComplete);
            Assert.True(Walk(p => Page(p, 95), first: 0).IsComplete);
            Assert.True(Walk(p => Page(p, 95), first: 0, needTotal: true).IsComplete);

            // A failed page (even one the walk went past), an early stop, a gap: incomplete.
            var failedOnce = new NumberedPageWalk<string>((p, ct) => p == 2 ? Task.FromException<ApiPage<string>>(ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "busy")) : Task.FromResult(Page(p, 95)), s => s, 10, 0, ulong.MaxValue, 1, false, CancellationToken.None);
            while (failedOnce.TryNext(out var next))
            {
                failedOnce.Complete(next);
            }

            Assert.True(failedOnce.Finished);
            Assert.Null(failedOnce.StoppedBecause);
            Assert.False(failedOnce.IsComplete);

            var gap = Walk(p => new ApiPage<string>(p, Page(p, 30).Items.Select(i => i == "3" ? null : i).ToList(), 30));
            Assert.True(gap.HasGap);
            Assert.False(gap.IsComplete);

            // A rising total (arrivals): everything there at the start was written, complete; a falling one is not.
            var answered = 0;
            var rose = Walk(p => Page(p, 50 + (3 * answered), 3 * answered++));
            Assert.True(rose.HighestTotalCount > rose.FirstTotalCount);
            Assert.True(rose.IsComplete);
            answered = 0;
            var fell = Walk(p => Page(p, 50 - (3 * answered++)));
            Assert.True(fell.TotalDecreased);
            Assert.False(fell.IsComplete);

            // Disposed before its end.
            var early = new NumberedPageWalk<string>((p, ct) => Task.FromResult(Page(p, 95)), s => s, 10, 0, ulong.MaxValue, 1, false, CancellationToken.None);
            Assert.True(early.TryNext(out var head));
            early.Complete(head);
            early.Dispose();
            Assert.False(early.Finished);
            Assert.False(early.IsComplete);
        }

        [Fact]
        public void TheReportIsTheThreeNoticesInOrder()
        {
            var plain = Walk(p => Page(p, 95));
            Assert.Empty(plain.Notices("orders", "x"));
            Assert.Empty(plain.Remarks("orders"));

            var failed = new NumberedPageWalk<string>((p, ct) => p == 3 ? Task.FromException<ApiPage<string>>(ErrorCatalog.FromApi(WxPlatform.WeChat, "/x", -1, "busy")) : Task.FromResult(Page(p, 95)), s => s, 10, 0, ulong.MaxValue, 1, false, CancellationToken.None);
            while (failed.TryNext(out var next))
            {
                failed.Complete(next);
            }

            Assert.Equal(new[] { failed.FailedPagesNotice("orders") }, failed.Notices("orders", "x"));
        }
    }

    /// <summary>Concurrent fetches handed back in submission order (the lookups and the second stage of a search).</summary>
    public class OrderedFetchesTests
    {
        private sealed class Probe
        {
            private int inFlight;
            private int most;

            public int Most => Volatile.Read(ref most);

            public async Task<string> Fetch(int key, CancellationToken ct)
            {
                var now = Interlocked.Increment(ref inFlight);
                int seen;
                while ((seen = Volatile.Read(ref most)) < now && Interlocked.CompareExchange(ref most, now, seen) != seen)
                {
                }

                try
                {
                    // Later keys often finish first.
                    await Task.Delay((key * 7919) % 13, ct).ConfigureAwait(false);
                    if (key % 10 == 3)
                    {
                        throw ErrorCatalog.OrderNotFound(WxPlatform.WeChat, "/x", key.ToString(), "check");
                    }

                    return "r" + key;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }

        [Fact]
        public void OutcomesComeInSubmissionOrderAtMostThrottleLimitInFlight()
        {
            var probe = new Probe();
            var fetches = new OrderedFetches<int, string>(probe.Fetch, 3, CancellationToken.None);
            var got = new List<string>();
            var failedKeys = new List<int>();
            void TakeHead()
            {
                Assert.True(((IAsyncResult)fetches.Head).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10)));
                var o = fetches.Take();
                Assert.False(o.Cancelled);
                if (o.Error != null)
                {
                    failedKeys.Add(o.Key);
                }
                else
                {
                    got.Add(o.Result);
                }
            }

            Assert.Equal(12, fetches.Capacity);
            for (var key = 0; key < 60; key++)
            {
                while (fetches.IsFull)
                {
                    TakeHead();
                }

                fetches.Submit(key);
                Assert.True(fetches.Count <= fetches.Capacity);
            }

            while (!fetches.IsFull)
            {
                fetches.Submit(99);
            }

            Assert.Throws<InvalidOperationException>(() => fetches.Submit(99));
            while (fetches.Count > 0)
            {
                TakeHead();
            }

            var expected = Enumerable.Range(0, 60).Concat(Enumerable.Repeat(99, got.Count + failedKeys.Count - 60)).ToList();
            Assert.Equal(expected.Where(k => k % 10 != 3).Select(k => "r" + k), got);
            Assert.Equal(expected.Where(k => k % 10 == 3), failedKeys);
            Assert.Equal(6, fetches.Failed);
            Assert.InRange(probe.Most, 1, 3);
        }

        [Fact]
        public void AFetchEndedByCancellationIsCancelledNotAFailure()
        {
            using var cts = new CancellationTokenSource();
            var fetches = new OrderedFetches<int, string>(async (k, ct) => { await Task.Delay(Timeout.Infinite, ct); return "never"; }, 2, cts.Token);
            fetches.Submit(1);
            fetches.Submit(2);
            cts.Cancel();
            fetches.Head.ContinueWith(_ => { }).Wait(TimeSpan.FromSeconds(10));
            var o = fetches.Take();
            Assert.True(o.Cancelled);
            Assert.Null(o.Error);
            Assert.Equal(0, fetches.Failed);
            fetches.Dispose();
        }
    }

    /// <summary>The second stage of a search: each listed item read in full, concurrently, in list order.</summary>
    public class DetailedSearchRunTests
    {
        private sealed class Reads
        {
            private int inFlight;
            private int most;

            public List<string> Asked { get; } = new List<string>();

            public HashSet<string> Failing { get; } = new HashSet<string>();

            public int Most => Volatile.Read(ref most);

            public async Task<string> Read(string id, CancellationToken ct)
            {
                lock (Asked)
                {
                    Asked.Add(id);
                }

                var now = Interlocked.Increment(ref inFlight);
                int seen;
                while ((seen = Volatile.Read(ref most)) < now && Interlocked.CompareExchange(ref most, now, seen) != seen)
                {
                }

                try
                {
                    await Task.Delay((int.Parse(id) * 7919) % 11, ct).ConfigureAwait(false);
                    if (Failing.Contains(id))
                    {
                        throw ErrorCatalog.FromApi(WxPlatform.Wshoto, "/detail", 20001, "not found");
                    }

                    return "order " + id;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }

        private static Task<ApiPage<string>> ListPage(int page, int total, List<int> asked)
        {
            lock (asked)
            {
                asked.Add(page);
            }

            return Task.Run(async () =>
            {
                await Task.Delay(3).ConfigureAwait(false);
                return new ApiPage<string>(page, Enumerable.Range((page - 1) * 10, 10).Where(i => i < total).Select(i => i.ToString()).ToList(), total);
            });
        }

        private static (List<string> written, List<SearchStep<string>> errors) Drain(SearchRun<string> run)
        {
            var written = new List<string>();
            var errors = new List<SearchStep<string>>();
            while (run.TryNext(out var wait))
            {
                Assert.True(((IAsyncResult)wait).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20)));
                var step = run.Take();
                Assert.False(step.Cancelled);
                if (step.Error != null && !step.Retrying)
                {
                    errors.Add(step);
                }

                written.AddRange(step.Items);
            }

            return (written, errors);
        }

        [Fact]
        public void ReadsEveryListedItemInListOrderAtMostThrottleLimitAtOnce()
        {
            var pages = new List<int>();
            var reads = new Reads();
            reads.Failing.Add("17");
            reads.Failing.Add("42");
            var walk = new NumberedPageWalk<string>((p, ct) => ListPage(p, 95, pages), s => s, 10, 0, ulong.MaxValue, 4, false, CancellationToken.None);
            using var run = new DetailedSearchRun<string, string>(walk, reads.Read, s => s, 3, CancellationToken.None);
            var (written, errors) = Drain(run);

            Assert.Equal(Enumerable.Range(0, 95).Where(i => i != 17 && i != 42).Select(i => "order " + i), written);
            Assert.Equal(new[] { "17", "42" }, errors.Select(e => e.Target));
            Assert.All(errors, e => Assert.Equal("WxApi.20001", ((WxApiException)e.Error).ErrorId));
            Assert.InRange(reads.Most, 1, 3);
            Assert.Equal(95, reads.Asked.Count);
            Assert.Equal(95UL, run.Written + 2);
            Assert.Equal(2, run.ItemsFailed);
            Assert.True(walk.IsComplete);
            Assert.False(run.IsComplete);
            Assert.Equal("2 of 95 orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.", Assert.Single(run.Notices("orders", "x")));
        }

        [Fact]
        public void FirstReadsOneListPageAndOnlyTheItemsItNeeds()
        {
            var pages = new List<int>();
            var reads = new Reads();
            var walk = new NumberedPageWalk<string>((p, ct) => ListPage(p, 1000, pages), s => s, 10, 0, 5, 8, false, CancellationToken.None);
            using var run = new DetailedSearchRun<string, string>(walk, reads.Read, s => s, 8, CancellationToken.None);
            var (written, _) = Drain(run);
            Assert.Equal(Enumerable.Range(0, 5).Select(i => "order " + i), written);
            Assert.Equal(new[] { 1 }, pages);
            Assert.Equal(5, reads.Asked.Count);
            Assert.True(run.IsComplete);
            Assert.Empty(run.Notices("orders", "x"));
        }

        [Fact]
        public void WorksOverACursorWalkToo()
        {
            var reads = new Reads();
            var walk = new CursorPageWalk<string>(
                (cursor, ct) =>
                {
                    var start = cursor == null ? 0 : int.Parse(cursor);
                    var items = Enumerable.Range(start, Math.Min(10, 35 - start)).Select(i => i.ToString()).ToList();
                    return Task.FromResult(new ApiPage<string>(items, (start + 10).ToString(), start + 10 < 35));
                },
                s => s,
                0,
                ulong.MaxValue,
                CancellationToken.None);
            using var run = new DetailedSearchRun<string, string>(walk, reads.Read, s => s, 4, CancellationToken.None);
            var (written, errors) = Drain(run);
            Assert.Equal(Enumerable.Range(0, 35).Select(i => "order " + i), written);
            Assert.Empty(errors);
            Assert.True(run.IsComplete);
            Assert.InRange(reads.Most, 1, 4);
        }

        [Fact]
        public void ThePipelineStoppingStopsBothStages()
        {
            using var cts = new CancellationTokenSource();
            var pages = new List<int>();
            var reads = new Reads();
            var walk = new NumberedPageWalk<string>((p, ct) => ListPage(p, 10000, pages), s => s, 10, 0, ulong.MaxValue, 2, false, cts.Token);
            using var run = new DetailedSearchRun<string, string>(walk, reads.Read, s => s, 2, cts.Token);
            var written = 0;
            var stopped = false;
            while (run.TryNext(out var wait))
            {
                wait.ContinueWith(_ => { }).Wait(TimeSpan.FromSeconds(20));
                var step = run.Take();
                if (step.Cancelled)
                {
                    stopped = true;
                    break;
                }

                written += step.Items.Count;
                if (written >= 15)
                {
                    cts.Cancel();
                }
            }

            Assert.True(stopped || !run.TryNext(out _));
            Thread.Sleep(50); // reads already started when the pipeline stopped wind down
            int asked;
            lock (reads.Asked)
            {
                asked = reads.Asked.Count;
            }

            Thread.Sleep(100);
            lock (reads.Asked)
            {
                Assert.Equal(asked, reads.Asked.Count); // nothing new asked once stopped
            }

            Assert.True(asked < 15 + (2 * OrderedFetches<string, string>.WindowFactor) + 10);
            Assert.True(pages.Count < 10);
            Assert.False(run.IsComplete);
        }
    }
}
