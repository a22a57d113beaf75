using System;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// What a checkpointed search de-duplicates a written item by (see
    /// <see cref="SearchCmdlet{TItem, TResult}.CheckpointKeyOf"/>): the order id, its version (the update time) and its
    /// window time (the time the source's list filters on: the creation time for shop, otherwise the update time;
    /// null means the same as the version). An item whose version is null is written and counted, never
    /// de-duplicated: without a version a repeat cannot be told from a change.
    /// </summary>
    internal struct CheckpointKey
    {
        public CheckpointKey(string orderId, DateTimeOffset? version, DateTimeOffset? windowTime = null)
        {
            OrderId = orderId;
            Version = version;
            WindowTime = windowTime;
        }

        public string OrderId { get; set; }

        public DateTimeOffset? Version { get; set; }

        public DateTimeOffset? WindowTime { get; set; }
    }
}
