using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Paging;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// A search in two stages: the list names the orders (<typeparamref name="TItem"/>), and each is read in full
    /// (<see cref="FetchDetailAsync"/>), at most -ThrottleLimit at once, written in list order. An order that cannot be
    /// read is one non-terminating ErrorRecord with its id (<see cref="SearchCmdlet{TItem, TResult}.IdOf"/>) as
    /// TargetObject, and the call ends with one warning counting them. See <see cref="SearchCmdlet{TItem, TResult}"/>.
    /// </summary>
    public abstract class DetailedSearchCmdlet<TItem, TResult> : SearchCmdlet<TItem, TResult>
        where TItem : class
    {
        /// <summary>Reads one listed order in full on a worker thread; throws (a WxApiException) when it cannot.</summary>
        internal abstract Task<TResult> FetchDetailAsync(ApiConnection connection, TItem item, IOperationLog log, CancellationToken cancellationToken);

        internal sealed override SearchRun<TResult> CreateRun(PageWalk<TItem> walk)
        {
            var connection = Api;
            var log = Log;
            return new DetailedSearchRun<TItem, TResult>(walk, (item, ct) => FetchDetailAsync(connection, item, log, ct), IdOf, ThrottleLimit, Cancellation);
        }
    }
}
