using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;

namespace WxOrders.Commands
{
    /// <summary>Connect-WxOrders: makes a named connection to WeChat or Wshoto and fetches its first access token.</summary>
    [Cmdlet(VerbsCommunications.Connect, "WxOrders", DefaultParameterSetName = AppSecretSet)]
    [OutputType(typeof(Connection))]
    public sealed class ConnectWxOrdersCommand : WxOrdersCmdlet
    {
        private const string AppSecretSet = "AppSecret";
        private const string CredentialSet = "Credential";
        private const string AccessTokenSet = "AccessToken";
        private const string SandboxSet = "Sandbox";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AppSecretSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateNotBlank]
        public string AppId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = AppSecretSet)]
        [ValidateNotNull]
        public SecureString AppSecret { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString AccessToken { get; set; }

        /// <summary>
        /// The WxOrders.Sandbox from Start-WxOrdersSandbox. Typed object so that binding Connect-WxOrders does not load
        /// WxOrders.Sandbox.dll (PowerShell resolves every parameter type of a cmdlet to bind it); SandboxPlans checks it.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SandboxSet)]
        [ValidateNotNull]
        public object Sandbox { get; set; }

        [Parameter(ParameterSetName = AppSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        public WxPlatform Platform { get; set; } = WxPlatform.WeChat;

        [Parameter(ParameterSetName = AppSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public Uri BaseUri { get; set; }

        [Parameter(ParameterSetName = AppSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateNotBlank]
        public string Name { get; set; }

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetryCount { get; set; } = 4;

        /// <summary>Per-request timeout in seconds (fractions allowed), default 100.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600.0)]
        public double TimeoutSec { get; set; } = 100;

        [Parameter]
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.8);

        [Parameter]
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        [Parameter]
        public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromMinutes(5);

        [Parameter]
        [ValidateNotNull]
        public Uri Proxy { get; set; }

        [Parameter]
        [ValidateNotNull]
        [Credential]
        public PSCredential ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var plans = new List<ConnectionSettings>();
            if (ParameterSetName == SandboxSet)
            {
                plans.AddRange(SandboxPlans(Sandbox is PSObject wrapped ? wrapped.BaseObject : Sandbox));
            }
            else if (ParameterSetName == CredentialSet)
            {
                if (string.IsNullOrWhiteSpace(Credential.UserName) || Credential.Password == null || Credential.Password.Length == 0)
                {
                    ThrowArgumentError("The credential needs the AppId as its user name and the app secret as its password.", "WxOrders.InvalidCredential", null);
                }

                var appId = Credential.UserName.TrimStart('\\');
                plans.Add(Settings(Platform, appId, Credential.Password, null, BaseUri, Name ?? appId, false));
            }
            else if (ParameterSetName == AccessTokenSet)
            {
                if (AccessToken.Length == 0)
                {
                    ThrowArgumentError("The access token is empty.", "WxOrders.InvalidAccessToken", null);
                }

                plans.Add(Settings(Platform, AppId, null, AccessToken, BaseUri, Name ?? AppId ?? Platform.ToString(), false));
                WriteNotice("A connection made with -AccessToken cannot renew its token. When the token expires, requests fail with an authentication error: get a new token and run Connect-WxOrders again, or connect with -AppSecret or -Credential.");
            }
            else
            {
                if (AppSecret.Length == 0)
                {
                    ThrowArgumentError("The app secret is empty.", "WxOrders.InvalidAppSecret", AppId);
                }

                plans.Add(Settings(Platform, AppId, AppSecret, null, BaseUri, Name ?? AppId, false));
            }

            foreach (var settings in plans)
            {
                try
                {
                    settings.Validate();
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "WxOrders.InvalidConnectionSettings", ErrorCategory.InvalidArgument, settings.DisplayBaseUri));
                }
            }

            var opened = new List<ApiConnection>();
            foreach (var settings in plans)
            {
                WriteVerbose("Connecting '" + settings.Name + "' to " + settings.Platform + " at " + settings.EffectiveBaseUri + ".");
                ApiConnection connection = null;
                try
                {
                    connection = Await(ApiConnection.OpenAsync(settings, Cancellation));
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    foreach (var c in opened)
                    {
                        c.Dispose();
                    }

                    ThrowTerminatingError(ToErrorRecord(ex, settings.AppId ?? settings.Name));
                }

                opened.Add(connection);
            }

            foreach (var connection in opened)
            {
                ConnectionRegistry.Add(connection);
                WriteVerbose("Connected '" + connection.Name + "' (" + connection.Platform + "); access token " + connection.TokenDescription + ".");
                if (PassThru)
                {
                    WriteObject(connection.Snapshot());
                }
            }
        }

        /// <summary>
        /// The two connections to a sandbox. In its own method, not inlined: the JIT loads WxOrders.Sandbox.dll when it
        /// compiles a method that names the Sandbox type, and only a -Sandbox call gets here.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private IEnumerable<ConnectionSettings> SandboxPlans(object value)
        {
            if (!(value is global::WxOrders.Sandbox sandbox))
            {
                ThrowArgumentError("-Sandbox takes the object Start-WxOrdersSandbox writes, such as $sb in $sb = Start-WxOrdersSandbox.", "WxOrders.InvalidSandbox", value);
                return null;
            }

            if (!sandbox.IsRunning)
            {
                ThrowArgumentError("The sandbox at " + sandbox.BaseUri + " is stopped. Start one with Start-WxOrdersSandbox and pass it to -Sandbox.", "WxOrders.SandboxStopped", sandbox);
            }

            return new[]
            {
                Settings(WxPlatform.WeChat, sandbox.WeChatAppId, sandbox.WeChatAppSecret, null, sandbox.BaseUri, sandbox.WeChatAppId, true),
                Settings(WxPlatform.Wshoto, sandbox.WshotoAppId, sandbox.WshotoAppSecret, null, sandbox.BaseUri, sandbox.WshotoAppId, true),
            };
        }

        private ConnectionSettings Settings(WxPlatform platform, string appId, SecureString secret, SecureString token, Uri baseUri, string name, bool sandbox)
        {
            return new ConnectionSettings
            {
                Name = name,
                Platform = platform,
                AppId = appId,
                AppSecret = secret,
                AccessToken = token,
                BaseUri = baseUri,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaxRetryCount = MaxRetryCount,
                RetryBaseDelay = RetryBaseDelay,
                MaxRetryDelay = MaxRetryDelay,
                MaxRetryTime = MaxRetryTime,
                Proxy = Proxy,
                ProxyCredential = ProxyCredential?.GetNetworkCredential(),
                UserAgent = Infrastructure.UserAgent.For(this),
                IsSandbox = sandbox,
            };
        }
    }
}
