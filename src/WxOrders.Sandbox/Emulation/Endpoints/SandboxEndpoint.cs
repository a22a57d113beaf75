using System.Text.Json;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>
    /// One emulated endpoint: a route, the key faults are drawn per, and the answer. To add an API, add one
    /// <c>&lt;Api&gt;Endpoint</c> class here (found by <see cref="EndpointCatalog"/>) and its data set under Data/.
    /// </summary>
    internal abstract class SandboxEndpoint
    {
        /// <param name="authenticated">False for the token endpoints: no access_token check, latency or faults.</param>
        protected SandboxEndpoint(SandboxContext context, string method, string path, WirePlatform platform, bool authenticated = true)
        {
            Context = context;
            Method = method;
            Path = path;
            Platform = platform;
            Authenticated = authenticated;
        }

        public string Method { get; }

        public string Path { get; }

        public WirePlatform Platform { get; }

        public bool Authenticated { get; }

        protected SandboxContext Context { get; }

        protected int Seed => Context.Seed;

        /// <summary>The key faults are decided per (so retries of one order see a fresh, reproducible draw).</summary>
        public abstract string FaultKey(SandboxRequest request);

        public abstract SandboxResponse Handle(SandboxRequest request);

        /// <summary>Parses a JSON request body; null when it is not a JSON object.</summary>
        protected static JsonDocument ParseBody(SandboxRequest request)
        {
            if (request.Body == null || request.Body.Length == 0)
            {
                return null;
            }

            try
            {
                var doc = JsonDocument.Parse(request.Body);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    doc.Dispose();
                    return null;
                }

                return doc;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>A string property of the JSON body; null when the body is not an object or has no such string.</summary>
        protected static string BodyString(SandboxRequest request, string name)
        {
            using (var doc = ParseBody(request))
            {
                return doc == null ? null : StringProperty(doc.RootElement, name);
            }
        }

        protected static string StringProperty(JsonElement obj, string name)
        {
            return obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }

        /// <summary>The platform's error envelope with <paramref name="code"/>.</summary>
        protected SandboxResponse Error(long code, string message) => Context.Envelopes.Error(Platform, code, message);

        /// <summary>The error a key configured with -PermanentFailure answers, if it is one.</summary>
        /// <param name="label">How the message names the key (the key itself by default).</param>
        protected bool TryPermanentFailure(string key, out SandboxResponse response, string label = null)
        {
            if (Context.Options.PermanentFailures.TryGetValue(key ?? string.Empty, out var code))
            {
                response = Error(code, "sandbox: permanent failure for " + (label ?? key));
                return true;
            }

            response = null;
            return false;
        }
    }
}
