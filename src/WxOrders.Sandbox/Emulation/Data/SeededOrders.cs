namespace WxOrders.Emulation.Data
{
    /// <summary>
    /// A data set of <see cref="Count"/> orders, each a pure function of (seed, index): the id scheme maps an id back
    /// to its index, so no order is stored. A "live" data set (orders that arrive and change) derives from this too.
    /// </summary>
    internal abstract class SeededOrders
    {
        protected SeededOrders(int seed, int count)
        {
            Seed = seed;
            Count = count;
        }

        public int Seed { get; }

        public int Count { get; }
    }
}
