using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>
    /// The access token of one request across its attempts: taken from the connection's <see cref="TokenCache"/> for
    /// each attempt, and after the platform rejects it, renewed once (not once per retry) before the request is repeated.
    /// </summary>
    internal sealed class RequestToken
    {
        private readonly TokenCache tokens;
        private readonly ApiRequest request;
        private readonly IOperationLog log;
        private AccessToken used;
        private bool renewed;

        public RequestToken(TokenCache tokens, ApiRequest request, IOperationLog log)
        {
            this.tokens = tokens;
            this.request = request;
            this.log = log;
        }

        /// <summary>The token for the next attempt.</summary>
        public async Task<AccessToken> GetAsync(WxPlatform platform, CancellationToken cancellationToken)
        {
            used = null;
            var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            if (token == null || string.IsNullOrEmpty(token.Value))
            {
                throw ErrorCatalog.InvalidData(platform, request.Path, "no access token is available");
            }

            used = token;
            return token;
        }

        /// <summary>
        /// For <see cref="RetryPolicy.RunAsync"/>: after a token rejection, the first time only and when the connection can
        /// fetch its own tokens, renews the token and answers true (repeat the request at once).
        /// </summary>
        public async Task<bool> RenewIfRejectedAsync(WxApiException failure, CancellationToken cancellationToken)
        {
            if (failure.Action != FailureAction.TokenRejected || !tokens.CanRefresh || renewed)
            {
                return false;
            }

            renewed = true;
            log.Verbose(string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1}: the access token was rejected (error {2}); fetching a new one and repeating the request once.",
                request.Method, request.Path, failure.ErrorCode));
            await tokens.RenewAfterRejectionAsync(used, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
