using System;

namespace WxOrders.Http
{
    /// <summary>
    /// Exponential back-off with full jitter: attempt n waits a random time in [0, min(cap, base * 2^n)], never less
    /// than a Retry-After the server sent. A minute-quota error (45011) waits for the start of the next minute.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private static readonly object RandomGate = new object();
        private static readonly Random SharedRandom = new Random();

        private readonly Func<double> random;
        private readonly Func<DateTimeOffset> clock;

        public RetryPolicy(ConnectionSettings settings, Func<double> random = null, Func<DateTimeOffset> clock = null)
        {
            MaxRetryCount = settings.MaxRetryCount;
            BaseDelay = settings.RetryBaseDelay;
            MaxDelay = settings.MaxRetryDelay;
            MaxTotal = settings.MaxRetryTime;
            this.random = random ?? NextShared;
            this.clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

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

        private static double NextShared()
        {
            lock (RandomGate)
            {
                return SharedRandom.NextDouble();
            }
        }
    }
}
