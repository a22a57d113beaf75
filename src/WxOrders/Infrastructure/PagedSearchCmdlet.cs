using WxOrders.Paging;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// A search whose list holds the objects to write (Search-UnionOrder): each page's items as the page arrives,
    /// in page order, each id once. See <see cref="SearchCmdlet{TItem, TResult}"/>.
    /// </summary>
    public abstract class PagedSearchCmdlet<TItem> : SearchCmdlet<TItem, TItem>
        where TItem : class
    {
        internal sealed override SearchRun<TItem> CreateRun(PageWalk<TItem> walk) => new PageSearchRun<TItem>(walk, Cancellation);
    }
}
