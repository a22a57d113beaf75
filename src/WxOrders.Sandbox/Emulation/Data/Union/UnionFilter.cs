namespace WxOrders.Emulation.Data.Union
{
    /// <summary>A search filter in wire terms (unix seconds, status index).</summary>
    internal struct UnionFilter
    {
        public long? PayStart;
        public long? PayEnd;
        public int? Status;
        public bool SortByUpdate;
        public long? UpdateStart;
        public long? UpdateEnd;
        /// <summary>False when the filter names a status the search does not take: it selects nothing then.</summary>
        public bool IsValid;

        public string CacheKey() => string.Join("|", PayStart, PayEnd, Status, SortByUpdate, UpdateStart, UpdateEnd);
    }
}
