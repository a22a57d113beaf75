namespace WxOrders.Paging
{
    /// <summary>How a list API pages.</summary>
    public enum PageStyle
    {
        /// <summary>Numbered pages with a total (union search, shop get_list, Wshoto list): <see cref="NumberedPageWalk{T}"/>.</summary>
        Numbered = 0,

        /// <summary>A cursor (next_key, has_more) and no total (the WeChat Store list): <see cref="CursorPageWalk{T}"/>.</summary>
        Cursor,
    }
}
