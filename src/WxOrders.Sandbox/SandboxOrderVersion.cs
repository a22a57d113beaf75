using System;

namespace WxOrders
{
    /// <summary>
    /// One version of one order, as a client identifies it: the order id (as text) and its update time (union: the
    /// latest commissionStatusUpdateTime of its products; the others: update_time), at +08:00.
    /// </summary>
    public sealed class SandboxOrderVersion
    {
        public SandboxOrderVersion(SandboxSource source, string orderId, DateTimeOffset updatedAt, int status)
        {
            Source = source;
            OrderId = orderId;
            UpdatedAt = updatedAt;
            Status = status;
        }

        public SandboxSource Source { get; }

        public string OrderId { get; }

        public DateTimeOffset UpdatedAt { get; }

        /// <summary>The status as the API sends it (the union's commission status: 0 pending, 1 settled, 2 cancelled, 3 frozen).</summary>
        public int Status { get; }

        public override string ToString() => OrderId + "@" + UpdatedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
    }
}
