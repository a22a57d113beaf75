using System.Management.Automation;
using WxOrders.Http;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// What every order cmdlet shares: -Connection, -ThrottleLimit, and the connection of the platform it needs,
    /// resolved in BeginProcessing (a terminating WxOrders.NotConnected error says how to connect).
    /// Lookups derive from <see cref="OrderLookupCmdlet{TKey, TResult}"/>, searches from <see cref="SearchCmdlet{TItem, TResult}"/>.
    /// </summary>
    public abstract class ConnectedCmdlet : WxOrdersCmdlet
    {
        private ApiConnection connection;

        /// <summary>The connection to use (Get-WxOrdersConnection lists them); by default the only one of the needed platform.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [ValidateNotBlank]
        public string Connection { get; set; }

        /// <summary>How many requests run at once (1 to 64, default 8).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        internal abstract WxPlatform Platform { get; }

        internal ApiClient Client => connection.Client;

        /// <summary>The AppId of the resolved connection (a checkpoint is bound to it).</summary>
        internal string AppId => connection.Settings.AppId;

        protected override void BeginProcessing()
        {
            try
            {
                connection = ConnectionRegistry.Resolve(Platform, Connection, MyInvocation.MyCommand.Name);
            }
            catch (NotConnectedException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "WxOrders.NotConnected", string.IsNullOrEmpty(Connection) ? ErrorCategory.ResourceUnavailable : ErrorCategory.InvalidArgument, Connection));
            }
        }
    }
}
