using System;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>An access token and when to stop using it.</summary>
    internal sealed class AccessToken
    {
        public AccessToken(string value, DateTimeOffset? expiresAt, DateTimeOffset? refreshAt)
        {
            Value = value;
            ExpiresAt = expiresAt;
            RefreshAt = refreshAt;
        }

        public string Value { get; }

        /// <summary>When the platform said it expires; null when unknown (a token given by the user).</summary>
        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>When to fetch the next one: five minutes before expiry (a tenth of the lifetime for short-lived tokens).</summary>
        public DateTimeOffset? RefreshAt { get; }

        public static AccessToken FromLifetime(string value, TimeSpan lifetime, DateTimeOffset now)
        {
            var margin = TimeSpan.FromTicks(Math.Min(TokenCache.RefreshMargin.Ticks, lifetime.Ticks / 10));
            return new AccessToken(value, now + lifetime, now + lifetime - margin);
        }
    }

    /// <summary>
    /// One connection's token: cached until five minutes before expiry, refreshed by one fetch however many requests
    /// wait for it, and after a rejection refreshed only if the rejected token is still the current one.
    /// </summary>
    internal sealed class TokenCache
    {
        public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

        /// <summary>After a failed background renewal, the still-valid token is used this long before trying again.</summary>
        public static readonly TimeSpan BackgroundRetryDelay = TimeSpan.FromSeconds(30);

        private readonly Func<CancellationToken, Task<AccessToken>> fetch;
        private readonly Func<DateTimeOffset> clock;
        private readonly object gate = new object();
        private AccessToken current;
        private Task<AccessToken> inflight;
        private long fetchCount;
        private DateTimeOffset nextBackgroundAttempt = DateTimeOffset.MinValue;

        /// <param name="fetch">Fetches a new token (the platform's <see cref="ITokenSource"/>); null for a fixed token that cannot be renewed.</param>
        public TokenCache(Func<CancellationToken, Task<AccessToken>> fetch, AccessToken fixedToken = null, Func<DateTimeOffset> clock = null)
        {
            this.fetch = fetch;
            this.clock = clock ?? (() => DateTimeOffset.UtcNow);
            current = fixedToken;
        }

        public bool CanRefresh => fetch != null;

        public AccessToken Current
        {
            get
            {
                lock (gate)
                {
                    return current;
                }
            }
        }

        /// <summary>How many times a token was fetched.</summary>
        public long FetchCount => Interlocked.Read(ref fetchCount);

        /// <summary>A token good to use now. Starts (or joins) a refresh when the cached one is due.</summary>
        public Task<AccessToken> GetAsync(CancellationToken cancellationToken)
        {
            Task<AccessToken> wait;
            lock (gate)
            {
                var now = clock();
                if (current != null && (fetch == null || current.RefreshAt == null || now < current.RefreshAt.Value))
                {
                    return Task.FromResult(current);
                }

                if (current != null && current.ExpiresAt.HasValue && now < current.ExpiresAt.Value)
                {
                    // Due for renewal but still valid: renew in the background, keep using this one. A failed renewal
                    // is tried again after BackgroundRetryDelay, not by every request in between.
                    if (inflight == null && now >= nextBackgroundAttempt)
                    {
                        nextBackgroundAttempt = now + BackgroundRetryDelay;
                        StartRefreshLocked();
                    }

                    return Task.FromResult(current);
                }

                wait = StartRefreshLocked();
            }

            return WaitAsync(wait, cancellationToken);
        }

        /// <summary>
        /// After the platform rejected <paramref name="rejected"/>: fetch a new token unless another request already
        /// replaced it, and return the token to repeat the request with.
        /// </summary>
        public Task<AccessToken> RenewAfterRejectionAsync(AccessToken rejected, CancellationToken cancellationToken)
        {
            Task<AccessToken> wait;
            lock (gate)
            {
                if (fetch == null)
                {
                    return Task.FromResult(current);
                }

                if (current != null && rejected != null && !ReferenceEquals(current, rejected) && current.Value != rejected.Value)
                {
                    return Task.FromResult(current);
                }

                wait = StartRefreshLocked();
            }

            return WaitAsync(wait, cancellationToken);
        }

        /// <summary>Fetches a token now (Connect-WxOrders does this so bad credentials fail at once).</summary>
        public Task<AccessToken> FetchNowAsync(CancellationToken cancellationToken)
        {
            Task<AccessToken> wait;
            lock (gate)
            {
                if (fetch == null)
                {
                    return Task.FromResult(current);
                }

                wait = StartRefreshLocked();
            }

            return WaitAsync(wait, cancellationToken);
        }

        private Task<AccessToken> StartRefreshLocked()
        {
            if (inflight != null)
            {
                return inflight;
            }

            Interlocked.Increment(ref fetchCount);

            // The fetch belongs to no single caller: one caller's Ctrl+C must not fail the others waiting on it.
            // State is updated before the waiters resume, so they always see the token they waited for.
            var done = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            inflight = done.Task;
            Task.Run(async () =>
            {
                try
                {
                    var token = await fetch(CancellationToken.None).ConfigureAwait(false);
                    lock (gate)
                    {
                        if (token != null)
                        {
                            current = token;
                        }

                        inflight = null;
                    }

                    done.TrySetResult(token);
                }
                catch (Exception ex)
                {
                    lock (gate)
                    {
                        inflight = null;
                    }

                    done.TrySetException(ex);
                }
            });
            return done.Task;
        }

        private static async Task<AccessToken> WaitAsync(Task<AccessToken> task, CancellationToken cancellationToken)
        {
            if (task.IsCompleted || !cancellationToken.CanBeCanceled)
            {
                return await task.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(s => ((TaskCompletionSource<bool>)s).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}
