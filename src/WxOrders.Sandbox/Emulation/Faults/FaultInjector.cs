using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Emulation.Data;
using WxOrders.Emulation.Endpoints;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Faults
{
    /// <summary>
    /// Decides, per key and attempt, whether a request fails and how (-FailureRate, -FailureKind,
    /// -MaxConsecutiveFailures), reproducibly for a seed, and writes the failure as the platform or a proxy would.
    /// </summary>
    internal sealed class FaultInjector
    {
        private readonly SandboxContext context;
        private readonly ConcurrentDictionary<string, FaultTrack> tracks = new ConcurrentDictionary<string, FaultTrack>(StringComparer.Ordinal);

        public FaultInjector(SandboxContext context)
        {
            this.context = context;
        }

        public SandboxFailureKind? Decide(SandboxEndpoint endpoint, SandboxRequest request)
        {
            var options = context.Options;
            if (options.FailureRate <= 0 || options.FailureKinds == null || options.FailureKinds.Length == 0)
            {
                return null;
            }

            var key = endpoint.Path + "|" + (endpoint.FaultKey(request) ?? string.Empty);
            var track = tracks.GetOrAdd(key, _ => new FaultTrack());
            lock (track)
            {
                var attempt = (ulong)track.Attempts++;
                var keyHash = StableHash(key);
                if (track.Consecutive >= options.MaxConsecutiveFailures || !SandboxData.Chance(options.Seed, keyHash, attempt, options.FailureRate))
                {
                    track.Consecutive = 0;
                    return null;
                }

                var kind = options.FailureKinds[SandboxData.Int(options.Seed, keyHash ^ Salts.FaultKind, attempt, options.FailureKinds.Length)];
                if (kind == SandboxFailureKind.TokenExpired)
                {
                    // A client renews a rejected token once per request: never reject the same key's token twice.
                    if (track.TokenRejected)
                    {
                        kind = SandboxFailureKind.Busy;
                    }

                    track.TokenRejected = true;
                }

                track.Consecutive++;
                return kind;
            }
        }

        /// <summary>The failure's answer; null for a timeout (held back, then answered normally) or no failure.</summary>
        public async Task<SandboxResponse> InjectAsync(WirePlatform platform, SandboxFailureKind kind, CancellationToken cancellationToken)
        {
            var envelopes = context.Envelopes;
            switch (kind)
            {
                case SandboxFailureKind.Busy:
                    return envelopes.Error(platform, -1, "system error");
                case SandboxFailureKind.MinuteQuota:
                    return envelopes.Error(platform, 45011, "api minute-quota reach limit  mustslower  retry next minute");
                case SandboxFailureKind.TokenExpired:
                    return envelopes.Error(platform, 42001, "access_token expired");
                case SandboxFailureKind.ServerError:
                    return new SandboxResponse { Status = 503, Reason = "Service Unavailable", ContentType = "text/html", Body = Encoding.ASCII.GetBytes("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>") };
                case SandboxFailureKind.HtmlGatewayPage:
                    return new SandboxResponse { ContentType = "text/html; charset=utf-8", Body = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>") };
                case SandboxFailureKind.ConnectionReset:
                    return new SandboxResponse { Reset = true };
                case SandboxFailureKind.Timeout:
                    await Task.Delay(context.Options.TimeoutFaultDelay, cancellationToken).ConfigureAwait(false);
                    return null;
                default:
                    return null;
            }
        }

        private static ulong StableHash(string s)
        {
            // FNV-1a 64: string.GetHashCode differs between processes.
            var h = 14695981039346656037UL;
            foreach (var c in s)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            return h;
        }
    }
}
