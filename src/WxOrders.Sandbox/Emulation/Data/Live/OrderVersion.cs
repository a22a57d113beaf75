namespace WxOrders.Emulation.Data.Live
{
    /// <summary>
    /// What a list filters and sorts an order by, and what a change alters: its status, its creation time (the union's
    /// payment time) and its update time (the union's commissionStatusUpdateTime), in unix seconds. The rest of an
    /// order stays a function of (seed, index).
    /// </summary>
    internal readonly struct OrderVersion
    {
        public OrderVersion(int status, long create, long update)
        {
            Status = status;
            Create = create;
            Update = update;
        }

        public int Status { get; }

        public long Create { get; }

        public long Update { get; }

        public OrderVersion Changed(int status, long update) => new OrderVersion(status, Create, update);
    }
}
