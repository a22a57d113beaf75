using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using Xunit;

namespace WxOrders.Tests
{
    public class TokenCacheTests
    {
        [Fact]
        public void RefreshesFiveMinutesBeforeExpiryAndATenthForShortTokens()
        {
            var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var t = AccessToken.FromLifetime("x", TimeSpan.FromSeconds(7200), now);
            Assert.Equal(now.AddSeconds(7200), t.ExpiresAt);
            Assert.Equal(now.AddSeconds(6900), t.RefreshAt);
            var s = AccessToken.FromLifetime("x", TimeSpan.FromSeconds(60), now);
            Assert.Equal(now.AddSeconds(54), s.RefreshAt);
        }

        [Fact]
        public async Task ManyWaitersShareOneFetch()
        {
            var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var fetches = 0;
            var cache = new TokenCache(async ct =>
            {
                Interlocked.Increment(ref fetches);
                await gate.Task;
                return AccessToken.FromLifetime("T1", TimeSpan.FromHours(2), DateTimeOffset.UtcNow);
            });
            var waiters = Enumerable.Range(0, 100).Select(_ => Task.Run(() => cache.GetAsync(CancellationToken.None))).ToArray();
            await Task.Delay(50);
            gate.SetResult(true);
            var tokens = await Task.WhenAll(waiters);
            Assert.Equal(1, fetches);
            Assert.Equal(1, cache.FetchCount);
            Assert.All(tokens, t => Assert.Equal("T1", t.Value));
        }

        [Fact]
        public async Task CachedUntilDueThenRenewedInTheBackgroundThenAwaitedAfterExpiry()
        {
            var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var n = 0;
            var cache = new TokenCache(
                ct => Task.FromResult(AccessToken.FromLifetime("T" + Interlocked.Increment(ref n), TimeSpan.FromSeconds(7200), now)),
                clock: () => now);
            Assert.Equal("T1", (await cache.GetAsync(CancellationToken.None)).Value);
            now = now.AddSeconds(6000);
            Assert.Equal("T1", (await cache.GetAsync(CancellationToken.None)).Value);
            Assert.Equal(1, n);

            // Inside the five-minute window: the still-valid token is used while a new one is fetched.
            now = now.AddSeconds(1000);
            var during = await cache.GetAsync(CancellationToken.None);
            Assert.Equal("T1", during.Value);
            for (var i = 0; i < 100 && cache.Current.Value == "T1"; i++)
            {
                await Task.Delay(10);
            }

            Assert.Equal("T2", cache.Current.Value);
            Assert.Equal(2, n);

            // Past expiry of the current token: callers wait for a new one.
            now = now.AddSeconds(7300);
            Assert.Equal("T3", (await cache.GetAsync(CancellationToken.None)).Value);
        }

        [Fact]
        public async Task RejectionRenewsOnlyIfTheRejectedTokenIsStillCurrent()
        {
            var n = 0;
            var cache = new TokenCache(ct => Task.FromResult(AccessToken.FromLifetime("T" + Interlocked.Increment(ref n), TimeSpan.FromHours(2), DateTimeOffset.UtcNow)));
            var first = await cache.GetAsync(CancellationToken.None);
            var second = await cache.RenewAfterRejectionAsync(first, CancellationToken.None);
            Assert.Equal("T2", second.Value);

            // A late request that failed with the old token does not trigger another fetch.
            var again = await cache.RenewAfterRejectionAsync(first, CancellationToken.None);
            Assert.Equal("T2", again.Value);
            Assert.Equal(2, n);
        }

        [Fact]
        public async Task OneCallersCancellationDoesNotFailTheSharedFetch()
        {
            var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var cache = new TokenCache(async ct =>
            {
                await gate.Task;
                return AccessToken.FromLifetime("T1", TimeSpan.FromHours(2), DateTimeOffset.UtcNow);
            });
            using var cts = new CancellationTokenSource();
            var cancelled = cache.GetAsync(cts.Token);
            var patient = cache.GetAsync(CancellationToken.None);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            gate.SetResult(true);
            Assert.Equal("T1", (await patient).Value);
        }

        [Fact]
        public async Task AFailedFetchIsReportedAndTheNextCallTriesAgain()
        {
            var n = 0;
            var cache = new TokenCache(ct =>
            {
                if (Interlocked.Increment(ref n) == 1)
                {
                    throw new InvalidOperationException("boom");
                }

                return Task.FromResult(AccessToken.FromLifetime("T2", TimeSpan.FromHours(2), DateTimeOffset.UtcNow));
            });
            await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(CancellationToken.None));
            Assert.Equal("T2", (await cache.GetAsync(CancellationToken.None)).Value);
        }

        [Fact]
        public async Task AFailedBackgroundRenewalIsRetriedAfterThirtySecondsNotOnEveryRequest()
        {
            var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var fetches = 0;
            var cache = new TokenCache(
                ct =>
                {
                    if (Interlocked.Increment(ref fetches) == 1)
                    {
                        return Task.FromResult(AccessToken.FromLifetime("T1", TimeSpan.FromSeconds(7200), now));
                    }

                    throw new InvalidOperationException("token endpoint down");
                },
                clock: () => now);
            Assert.Equal("T1", (await cache.GetAsync(CancellationToken.None)).Value);

            now = now.AddSeconds(7200 - 240); // four minutes before expiry: due for renewal, still valid
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal("T1", (await cache.GetAsync(CancellationToken.None)).Value);
                await Task.Delay(5);
            }

            Assert.Equal(2, fetches);

            now = now.AddSeconds(31);
            Assert.Equal("T1", (await cache.GetAsync(CancellationToken.None)).Value);
            for (var i = 0; i < 100 && fetches < 3; i++)
            {
                await Task.Delay(10);
            }

            Assert.Equal(3, fetches);
        }

        [Fact]
        public async Task AFixedTokenIsNeverFetched()
        {
            var cache = new TokenCache(null, new AccessToken("FIXED", null, null));
            Assert.False(cache.CanRefresh);
            Assert.Equal("FIXED", (await cache.GetAsync(CancellationToken.None)).Value);
            Assert.Equal("FIXED", (await cache.RenewAfterRejectionAsync(cache.Current, CancellationToken.None)).Value);
        }
    }
}
