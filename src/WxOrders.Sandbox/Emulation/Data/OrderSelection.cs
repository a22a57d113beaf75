namespace WxOrders.Emulation.Data
{
    /// <summary>
    /// The orders a filter selects, in output order: index k of the selection is order Map[Start + k] (or Start + k
    /// without a map), or, reversed, counted from the end. Every list endpoint pages over one of these.
    /// </summary>
    internal readonly struct OrderSelection
    {
        private readonly bool reversed;

        public OrderSelection(int[] map, int start, int count, bool reversed = false)
        {
            Map = map;
            Start = start;
            Count = count;
            this.reversed = reversed;
        }

        public int[] Map { get; }

        public int Start { get; }

        public int Count { get; }

        public int IndexAt(int k)
        {
            var p = reversed ? Count - 1 - k : k;
            return Map == null ? Start + p : Map[Start + p];
        }

        /// <summary>The same orders in the other order.</summary>
        public OrderSelection Reversed() => new OrderSelection(Map, Start, Count, !reversed);
    }
}
