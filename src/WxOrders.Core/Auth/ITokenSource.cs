using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>
    /// Where a connection's access tokens come from: one implementation per platform (<see cref="WeChatStableTokenSource"/>,
    /// <see cref="WshotoTokenSource"/>). <see cref="TokenCache"/> decides when to ask; a source only fetches.
    /// </summary>
    internal interface ITokenSource
    {
        /// <summary>Fetches a new token; throws <see cref="WxApiException"/> when the platform refuses or the answer is unusable.</summary>
        Task<AccessToken> FetchAsync(CancellationToken cancellationToken);
    }
}
