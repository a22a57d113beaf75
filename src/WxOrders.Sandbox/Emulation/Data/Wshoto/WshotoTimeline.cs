using System;

namespace WxOrders.Emulation.Data.Wshoto
{
    /// <summary>
    /// The status and times of one Wshoto order: what the detail writes and what the list filters and sorts on
    /// (create_time, finish_time, update_time). Updated is the latest of its events.
    /// </summary>
    internal readonly struct WshotoTimeline
    {
        public WshotoTimeline(int status, int express, int closeTag, DateTimeOffset created, long closeDelayMinutes, DateTimeOffset? updatedAt = null)
        {
            Status = status;
            Express = express;
            CloseTag = closeTag;
            Paid = (status >= 1 && status != 5) || (status == 5 && (closeTag == 3 || closeTag == 8 || closeTag == 10));
            Created = created;
            PayTime = Paid ? Clamp(created.AddMinutes(2), updatedAt) : (DateTimeOffset?)null;
            // A live change (updatedAt given) happened at its update time: the event of the status it reached is then.
            SendTime = express == 1 && status >= 3 && status != 5 ? (status == 3 && updatedAt.HasValue ? updatedAt.Value : Clamp(created.AddHours(20), updatedAt)) : (DateTimeOffset?)null;
            FinishTime = status == 4 ? updatedAt ?? created.AddDays(5) : (DateTimeOffset?)null;
            CloseTime = status == 5 ? updatedAt ?? created.AddMinutes(30 + closeDelayMinutes) : (DateTimeOffset?)null;
            Updated = updatedAt ?? CloseTime ?? FinishTime ?? SendTime ?? PayTime ?? created.AddSeconds(1);
        }

        public int Status { get; }

        public int Express { get; }

        public int CloseTag { get; }

        public bool Paid { get; }

        public DateTimeOffset Created { get; }

        public DateTimeOffset? PayTime { get; }

        public DateTimeOffset? SendTime { get; }

        public DateTimeOffset? FinishTime { get; }

        public DateTimeOffset? CloseTime { get; }

        public DateTimeOffset Updated { get; }

        /// <summary>An event time no later than the update time it is given (a live change happened "now").</summary>
        private static DateTimeOffset Clamp(DateTimeOffset t, DateTimeOffset? updated) => updated.HasValue && t > updated.Value ? updated.Value : t;
    }
}
