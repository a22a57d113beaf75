using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>
    /// Owns the repeating of a request: runs its attempts, decides after each failure whether to repeat it, waits, and
    /// gives up with the final error. Only transient failures (ErrorCatalog says which) are repeated, at most
    /// MaxRetryCount times and within MaxRetryTime; the wait is an exponential back-off with full jitter: retry n
    /// waits a random time in [0, min(cap, base * 2^n)], never less than a Retry-After the server sent. A minute-quota
    /// error (45011) waits for the start of the next minute. A Retry-After beyond the cap fails at once (Throttled).
    /// </summary>
    internal sealed class RetryPolicy
    {
        private static readonly object RandomGate = new object();
        private static readonly Random SharedRandom = new Random();

        private readonly Func<double> random;
        private readonly Func<DateTimeOffset> clock;
        private readonly Func<TimeSpan, CancellationToken, Task> wait;
        private long retryCount;

        /// <param name="random">A number in [0, 1) per wait (tests fix it).</param>
        /// <param name="clock">The time of day, for the minute quota (tests fix it).</param>
        /// <param name="wait">How a wait is made (tests record it instead of waiting).</param>
        public RetryPolicy(ConnectionSettings settings, Func<double> random = null, Func<DateTimeOffset> clock = null, Func<TimeSpan, CancellationToken, Task> wait = null)
        {
            MaxRetryCount = settings.MaxRetryCount;
            BaseDelay = settings.RetryBaseDelay;
            MaxDelay = settings.MaxRetryDelay;
            MaxTotal = settings.MaxRetryTime;
            this.random = random ?? NextShared;
            this.clock = clock ?? (() => DateTimeOffset.UtcNow);
            this.wait = wait ?? Task.Delay;
        }

        /// <summary>Requests repeated by this policy so far (all requests of the connection, token requests included).</summary>
        public long RetryCount => Interlocked.Read(ref retryCount);

        public int MaxRetryCount { get; }

        public TimeSpan BaseDelay { get; }

        public TimeSpan MaxDelay { get; }

        public TimeSpan MaxTotal { get; }

        /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first retry).</summary>
        public TimeSpan Delay(int retry, WxApiException failure)
        {
            var ceiling = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
            ceiling = Math.Min(ceiling, MaxDelay.TotalMilliseconds);
            var delay = TimeSpan.FromMilliseconds(random() * ceiling);

            if (failure.Action == FailureAction.MinuteQuota)
            {
                var now = clock();
                var toNextMinute = TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond);
                if (toNextMinute > delay)
                {
                    delay = toNextMinute;
                }

                // Never longer than the cap: with a short cap (tests, the sandbox) the wait is the cap.
                if (delay > MaxDelay)
                {
                    delay = MaxDelay;
                }
            }

            if (failure.RetryAfter.HasValue && failure.RetryAfter.Value > delay)
            {
                delay = failure.RetryAfter.Value;
            }

            return delay;
        }

        /// <summary>
        /// Runs <paramref name="attempt"/> until it succeeds or a failure is final. Every <see cref="WxApiException"/>
        /// leaves with <see cref="WxApiException.Retries"/> set; a final one after retries says how many in its message.
        /// </summary>
        /// <param name="repeatAtOnce">
        /// Asked first about every failure: true repeats the request at once, without counting a retry (a rejected
        /// token that was just renewed). What it throws ends the request as it is, without a retry.
        /// </param>
        public async Task<T> RunAsync<T>(
            ApiRequest request,
            Func<CancellationToken, Task<T>> attempt,
            IOperationLog log,
            CancellationToken cancellationToken,
            Func<WxApiException, CancellationToken, Task<bool>> repeatAtOnce = null)
        {
            var elapsed = Stopwatch.StartNew();
            var retries = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    return await attempt(cancellationToken).ConfigureAwait(false);
                }
                catch (WxApiException failure) when (!cancellationToken.IsCancellationRequested)
                {
                    failure.Retries = retries;
                    if (repeatAtOnce != null && await repeatAtOnce(failure, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    if (!failure.IsTransient || retries >= MaxRetryCount)
                    {
                        throw Final(failure, retries);
                    }

                    var delay = Delay(retries, failure);
                    if (failure.RetryAfter.HasValue && failure.RetryAfter.Value > MaxDelay)
                    {
                        throw ErrorCatalog.Throttled(failure.Platform, request.Path, failure.RetryAfter.Value, MaxDelay);
                    }

                    if (elapsed.Elapsed + delay > MaxTotal)
                    {
                        throw Final(failure, retries);
                    }

                    retries++;
                    Interlocked.Increment(ref retryCount);
                    log.Verbose(string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} {1}: attempt {2} of {3} failed ({4}); retrying in {5:0.###} s.",
                        request.Method, request.Path, retries, MaxRetryCount + 1, Reason(failure), delay.TotalSeconds));
                    await wait(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private static WxApiException Final(WxApiException failure, int retries)
        {
            if (retries == 0)
            {
                return failure;
            }

            var final = failure.WithMessage(failure.Message + string.Format(CultureInfo.InvariantCulture, " (Retried {0} time{1}.)", retries, retries == 1 ? string.Empty : "s"));
            final.Retries = retries;
            return final;
        }

        private static string Reason(WxApiException failure)
        {
            if (failure.ErrorCode.HasValue)
            {
                return "error " + failure.ErrorCode.Value.ToString(CultureInfo.InvariantCulture) + " " + failure.ErrorMessage;
            }

            return failure.ErrorMessage;
        }

        private static double NextShared()
        {
            lock (RandomGate)
            {
                return SharedRandom.NextDouble();
            }
        }
    }
}
