using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>RetryPolicy on its own: scripted attempts, recorded waits (nothing sleeps), no HTTP.</summary>
    public class RetryPolicyTests
    {
        private static readonly ApiRequest Request = new ApiRequest(HttpMethod.Post, "/shop/order/get");

        private sealed class Log : IOperationLog
        {
            public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

            public void Verbose(string message) => Lines.Enqueue(message);

            public void Debug(string message)
            {
            }
        }

        private static ConnectionSettings Settings(int maxRetries = 4, double maxRetrySeconds = 300) => new ConnectionSettings
        {
            Name = "t",
            Platform = WxPlatform.WeChat,
            MaxRetryCount = maxRetries,
            RetryBaseDelay = TimeSpan.FromSeconds(0.8),
            MaxRetryDelay = TimeSpan.FromSeconds(60),
            MaxRetryTime = TimeSpan.FromSeconds(maxRetrySeconds),
        };

        private static (RetryPolicy Policy, List<TimeSpan> Waits) Policy(ConnectionSettings settings)
        {
            var waits = new List<TimeSpan>();
            var atSecond10 = new DateTimeOffset(2024, 1, 1, 0, 0, 10, TimeSpan.Zero);
            var policy = new RetryPolicy(settings, () => 1.0, () => atSecond10, (delay, ct) =>
            {
                waits.Add(delay);
                return Task.CompletedTask;
            });
            return (policy, waits);
        }

        private static WxApiException Busy() => ErrorCatalog.FromApi(WxPlatform.WeChat, "/shop/order/get", -1, "system busy");

        /// <summary>An attempt that fails with the given errors in turn, then returns "ok".</summary>
        private static Func<CancellationToken, Task<string>> Script(List<int> calls, params Func<WxApiException>[] failures) => ct =>
        {
            calls.Add(calls.Count + 1);
            return calls.Count <= failures.Length ? Task.FromException<string>(failures[calls.Count - 1]()) : Task.FromResult("ok");
        };

        [Fact]
        public async Task TransientFailuresAreRepeatedWithBackOffUntilTheySucceed()
        {
            var (policy, waits) = Policy(Settings());
            var calls = new List<int>();
            var log = new Log();
            var result = await policy.RunAsync(Request, Script(calls, Busy, Busy, Busy), log, CancellationToken.None);
            Assert.Equal("ok", result);
            Assert.Equal(4, calls.Count);
            Assert.Equal(new[] { 0.8, 1.6, 3.2 }, waits.Select(w => Math.Round(w.TotalSeconds, 3)));
            Assert.Equal(3, policy.RetryCount);
            Assert.Equal(
                "POST /shop/order/get: attempt 1 of 5 failed (error -1 system busy); retrying in 0.8 s.",
                log.Lines.First());
            Assert.Equal(3, log.Lines.Count);
        }

        [Fact]
        public async Task APermanentFailureIsNotRepeated()
        {
            var (policy, waits) = Policy(Settings());
            var calls = new List<int>();
            var unauthorised = ErrorCatalog.FromApi(WxPlatform.WeChat, "/shop/order/get", 48001, "api unauthorized");
            var ex = await Assert.ThrowsAsync<WxApiException>(() => policy.RunAsync(Request, Script(calls, () => unauthorised), new Log(), CancellationToken.None));
            Assert.Same(unauthorised, ex);
            Assert.Equal(0, ex.Retries);
            Assert.Single(calls);
            Assert.Empty(waits);
            Assert.Equal(0, policy.RetryCount);
        }

        [Theory]
        [InlineData(1, "(Retried 1 time.)")]
        [InlineData(2, "(Retried 2 times.)")]
        public async Task AfterMaxRetryCountTheLastErrorIsFinalAndSaysHowOften(int maxRetries, string says)
        {
            var (policy, waits) = Policy(Settings(maxRetries));
            var calls = new List<int>();
            var ex = await Assert.ThrowsAsync<WxApiException>(() => policy.RunAsync(Request, Script(calls, Busy, Busy, Busy), new Log(), CancellationToken.None));
            Assert.Equal(maxRetries + 1, calls.Count);
            Assert.Equal(maxRetries, waits.Count);
            Assert.Equal(maxRetries, ex.Retries);
            Assert.EndsWith(says, ex.Message);
            Assert.Equal(-1, ex.ErrorCode);
        }

        [Fact]
        public async Task ARetryAfterBeyondTheCapFailsAtOnceAsThrottled()
        {
            var (policy, waits) = Policy(Settings());
            var calls = new List<int>();
            var ex = await Assert.ThrowsAsync<WxApiException>(() => policy.RunAsync(
                Request,
                Script(calls, () => ErrorCatalog.FromHttpStatus(WxPlatform.WeChat, "/shop/order/get", 429, "Too Many Requests", TimeSpan.FromSeconds(120))),
                new Log(),
                CancellationToken.None));
            Assert.Equal("WxOrders.Throttled", ex.ErrorId);
            Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
            Assert.Single(calls);
            Assert.Empty(waits);
        }

        [Fact]
        public async Task AWaitBeyondTheTotalRetryTimeIsNotStarted()
        {
            var (policy, waits) = Policy(Settings(maxRetrySeconds: 0.5)); // the first wait would be 0.8 s
            var calls = new List<int>();
            var ex = await Assert.ThrowsAsync<WxApiException>(() => policy.RunAsync(Request, Script(calls, Busy), new Log(), CancellationToken.None));
            Assert.Equal(-1, ex.ErrorCode);
            Assert.Single(calls);
            Assert.Empty(waits);
        }

        [Fact]
        public async Task RepeatAtOnceRepeatsWithoutCountingARetry()
        {
            var (policy, waits) = Policy(Settings());
            var calls = new List<int>();
            var asked = new List<string>();
            var rejected = ErrorCatalog.FromApi(WxPlatform.WeChat, "/shop/order/get", 40001, "invalid credential");
            var result = await policy.RunAsync(Request, Script(calls, () => rejected), new Log(), CancellationToken.None, (failure, ct) =>
            {
                asked.Add(failure.ErrorId);
                return Task.FromResult(true);
            });
            Assert.Equal("ok", result);
            Assert.Equal(2, calls.Count);
            Assert.Equal(new[] { "WxApi.40001" }, asked);
            Assert.Empty(waits);
            Assert.Equal(0, policy.RetryCount);
        }

        [Fact]
        public async Task WhatRepeatAtOnceThrowsEndsTheRequestWithoutARetry()
        {
            var (policy, waits) = Policy(Settings());
            var calls = new List<int>();
            var renewalFailed = Busy(); // transient, yet not retried: it comes from the hook, not from an attempt
            var ex = await Assert.ThrowsAsync<WxApiException>(() => policy.RunAsync(
                Request,
                Script(calls, () => ErrorCatalog.FromApi(WxPlatform.WeChat, "/shop/order/get", 40001, "invalid credential")),
                new Log(),
                CancellationToken.None,
                (failure, ct) => Task.FromException<bool>(renewalFailed)));
            Assert.Same(renewalFailed, ex);
            Assert.Single(calls);
            Assert.Empty(waits);
        }

        [Fact]
        public async Task CancellationDuringAWaitEndsTheLoop()
        {
            using var cancel = new CancellationTokenSource();
            var policy = new RetryPolicy(Settings(), () => 1.0, null, (delay, ct) =>
            {
                cancel.Cancel();
                return Task.Delay(delay, ct);
            });
            var calls = new List<int>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => policy.RunAsync(Request, Script(calls, Busy, Busy), new Log(), cancel.Token));
            Assert.Single(calls);
        }

        [Fact]
        public async Task AFailureAfterCancellationIsNotRepeated()
        {
            using var cancel = new CancellationTokenSource();
            var (policy, waits) = Policy(Settings());
            var calls = 0;
            var busy = Busy();
            var ex = await Assert.ThrowsAsync<WxApiException>(() => policy.RunAsync<string>(Request, ct =>
            {
                calls++;
                cancel.Cancel();
                throw busy;
            }, new Log(), cancel.Token));
            Assert.Same(busy, ex);
            Assert.Equal(1, calls);
            Assert.Empty(waits);
        }
    }
}
