using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders
{
    /// <summary>A connection as Get-WxOrdersConnection shows it. It never carries the app secret or the access token.</summary>
    public sealed class Connection
    {
        internal Connection()
        {
        }

        public string Name { get; internal set; }

        public WxPlatform Platform { get; internal set; }

        public string AppId { get; internal set; }

        public Uri BaseUri { get; internal set; }

        /// <summary>When the current access token expires; null before the first token or for a token given with -AccessToken.</summary>
        public DateTimeOffset? TokenExpiresAt { get; internal set; }

        /// <summary>AppSecret (the connection renews its own tokens) or AccessToken (a token managed elsewhere).</summary>
        public string AuthenticationType { get; internal set; }

        public int MaxRetryCount { get; internal set; }

        public double TimeoutSec { get; internal set; }

        public bool IsSandbox { get; internal set; }

        /// <summary>HTTP requests sent on this connection so far (attempts, including retries and token requests).</summary>
        public long RequestCount { get; internal set; }

        /// <summary>Requests repeated after a transient failure.</summary>
        public long RetryCount { get; internal set; }

        /// <summary>Access tokens fetched.</summary>
        public long TokenFetchCount { get; internal set; }

        public override string ToString() => Name;
    }
}

namespace WxOrders.Http
{
    /// <summary>
    /// A live connection, as the cmdlet layer holds it: what Connect/Get/Disconnect-WxOrders and the completers show
    /// (name, platform, base URI, token expiry, counters; never a secret or a token) and the order clients of its
    /// platform (<see cref="Shop"/>, <see cref="Union"/>, ...). Its HTTP client, token cache and settings stay inside
    /// the engine. Lives in <see cref="ConnectionRegistry"/>.
    /// </summary>
    public sealed class ApiConnection : IDisposable
    {
        internal ApiConnection(ConnectionSettings settings, ApiClient client)
        {
            Settings = settings;
            Client = client;
            Shop = new ShopClient(client);
            Coop = new CoopClient(client);
            Union = new UnionClient(client);
            Wshoto = new WshotoClient(client);
            Channels = new ChannelsClient(client);
        }

        internal ConnectionSettings Settings { get; }

        internal ApiClient Client { get; }

        public string Name => Settings.Name;

        public WxPlatform Platform => Settings.Platform;

        public string AppId => Settings.AppId;

        /// <summary>The base URI requests go to (the platform's default unless Connect-WxOrders -BaseUri gave one).</summary>
        public Uri BaseUri => Settings.EffectiveBaseUri;

        /// <summary>When the current access token expires; null before the first token or for a token given with -AccessToken.</summary>
        public DateTimeOffset? TokenExpiresAt => Client.Tokens.Current?.ExpiresAt;

        /// <summary>The current token's expiry as a Verbose line says it ("expires ..." or "no known expiry"); never the token.</summary>
        public string TokenDescription => TokenEndpoints.Describe(Client.Tokens.Current);

        /// <summary>Mini Program shop orders (WeChat connections).</summary>
        public ShopClient Shop { get; }

        /// <summary>Channels co-account orders (WeChat connections).</summary>
        public CoopClient Coop { get; }

        /// <summary>WeChat Union promoter orders (WeChat connections).</summary>
        public UnionClient Union { get; }

        /// <summary>Wshoto mall orders (Wshoto connections).</summary>
        public WshotoClient Wshoto { get; }

        /// <summary>WeChat Store orders (WeChat connections).</summary>
        public ChannelsClient Channels { get; }

        /// <summary>The connection as Get-WxOrdersConnection writes it.</summary>
        public Connection Snapshot() => new Connection
        {
            Name = Settings.Name,
            Platform = Settings.Platform,
            AppId = Settings.AppId,
            BaseUri = Settings.EffectiveBaseUri,
            TokenExpiresAt = Client.Tokens.Current?.ExpiresAt,
            AuthenticationType = Settings.AccessToken != null ? "AccessToken" : "AppSecret",
            MaxRetryCount = Settings.MaxRetryCount,
            TimeoutSec = Settings.Timeout.TotalSeconds,
            IsSandbox = Settings.IsSandbox,
            RequestCount = Client.RequestCount,
            RetryCount = Client.RetryCount,
            TokenFetchCount = Client.Tokens.FetchCount,
        };

        public void Dispose() => Client.Dispose();

        /// <summary>Creates the client and fetches a first token, so bad credentials fail here and not at the first order.</summary>
        public static async Task<ApiConnection> OpenAsync(ConnectionSettings settings, CancellationToken cancellationToken)
        {
            var client = new ApiClient(settings);
            try
            {
                await client.Tokens.FetchNowAsync(cancellationToken).ConfigureAwait(false);
                return new ApiConnection(settings, client);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
    }

    /// <summary>Thrown when an order cmdlet has no connection to use; the message says how to connect.</summary>
    public sealed class NotConnectedException : InvalidOperationException
    {
        public NotConnectedException(string message)
            : base(message)
        {
        }
    }

    /// <summary>The process's connections, by name (case-insensitive).</summary>
    public static class ConnectionRegistry
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, ApiConnection> Items = new Dictionary<string, ApiConnection>(StringComparer.OrdinalIgnoreCase);

        public static void Add(ApiConnection connection)
        {
            ApiConnection replaced;
            lock (Gate)
            {
                Items.TryGetValue(connection.Name, out replaced);
                Items[connection.Name] = connection;
            }

            if (replaced != null && !ReferenceEquals(replaced, connection))
            {
                replaced.Dispose();
            }
        }

        public static IReadOnlyList<ApiConnection> List()
        {
            lock (Gate)
            {
                return Items.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
            }
        }

        public static ApiConnection Find(string name)
        {
            lock (Gate)
            {
                return Items.TryGetValue(name, out var c) ? c : null;
            }
        }

        public static bool Remove(string name)
        {
            ApiConnection removed;
            lock (Gate)
            {
                if (!Items.TryGetValue(name, out removed))
                {
                    return false;
                }

                Items.Remove(name);
            }

            removed.Dispose();
            return true;
        }

        /// <summary>
        /// The connection an order cmdlet uses: the named one, or the only one of the platform it needs.
        /// Throws <see cref="NotConnectedException"/> (with what to do) when there is none or more than one.
        /// </summary>
        public static ApiConnection Resolve(WxPlatform platform, string name, string cmdlet)
        {
            if (!string.IsNullOrEmpty(name))
            {
                var named = Find(name);
                if (named == null)
                {
                    var known = List();
                    throw new NotConnectedException(
                        "There is no WxOrders connection named '" + name + "'. " +
                        (known.Count == 0
                            ? "Run Connect-WxOrders first."
                            : "Known connections: " + string.Join(", ", known.Select(c => c.Name)) + ". Run Get-WxOrdersConnection to list them."));
                }

                if (named.Platform != platform)
                {
                    throw new NotConnectedException(
                        "The connection '" + name + "' is a " + named.Platform + " connection, but " + cmdlet + " needs a " + platform + " connection. " +
                        "Run Connect-WxOrders -Platform " + platform + " and pass its name to -Connection.");
                }

                return named;
            }

            var candidates = List().Where(c => c.Platform == platform).ToList();
            if (candidates.Count == 1)
            {
                return candidates[0];
            }

            if (candidates.Count == 0)
            {
                throw new NotConnectedException(
                    cmdlet + " needs a " + platform + " connection and there is none. Run Connect-WxOrders" +
                    (platform == WxPlatform.Wshoto ? " -Platform Wshoto" : string.Empty) +
                    " -AppId <id> -AppSecret <secret> (or -Credential, or -Sandbox (Start-WxOrdersSandbox) to try the module locally).");
            }

            throw new NotConnectedException(
                "There are " + candidates.Count + " " + platform + " connections (" + string.Join(", ", candidates.Select(c => c.Name)) + "). " +
                "Say which one to use with -Connection <name>.");
        }
    }
}
