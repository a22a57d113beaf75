namespace WxOrders.Emulation.Data.Union
{
    /// <summary>The orders a filter selects, in output order: index k of the selection is order Map[Start + k] (or Start + k).</summary>
    internal readonly struct UnionSelection
    {
        public UnionSelection(int[] map, int start, int count)
        {
            Map = map;
            Start = start;
            Count = count;
        }

        public int[] Map { get; }

        public int Start { get; }

        public int Count { get; }

        public int IndexAt(int k) => Map == null ? Start + k : Map[Start + k];
    }
}
