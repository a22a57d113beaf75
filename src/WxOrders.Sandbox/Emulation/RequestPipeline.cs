using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Emulation.Endpoints;
using WxOrders.Emulation.Faults;
using WxOrders.Emulation.Server;

namespace WxOrders.Emulation
{
    /// <summary>
    /// What every request goes through, in order: count, route, latency, token check, injected fault, the endpoint's
    /// answer, malformation. Endpoints see only requests that got this far.
    /// </summary>
    internal sealed class RequestPipeline
    {
        private readonly SandboxContext context;
        private readonly Dictionary<string, SandboxEndpoint> routes;
        private readonly FaultInjector faults;

        public RequestPipeline(SandboxContext context)
        {
            this.context = context;
            routes = EndpointCatalog.Routes(context);
            faults = new FaultInjector(context);
        }

        public async Task<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken)
        {
            var options = context.Options;
            var routeKey = EndpointCatalog.RouteKey(request.Method, request.Path);
            context.Counters.CountRequest(routeKey);
            if (request.Headers.ContainsKey("X-Sandbox-Proxied"))
            {
                context.Counters.CountProxied();
            }

            if (!routes.TryGetValue(routeKey, out var endpoint))
            {
                return new SandboxResponse { Status = 404, Reason = "Not Found", ContentType = "text/plain", Body = Encoding.ASCII.GetBytes("no such endpoint in the sandbox: " + routeKey) };
            }

            // Latency is the order APIs' own: token requests answer at once (a client fetches a token rarely).
            if (options.Latency > TimeSpan.Zero && endpoint.Authenticated)
            {
                await Task.Delay(options.Latency, cancellationToken).ConfigureAwait(false);
            }

            if (endpoint.Authenticated)
            {
                var check = context.TokensOf(endpoint.Platform).Check(request.QueryValue("access_token"), DateTimeOffset.UtcNow);
                if (check != 0)
                {
                    return context.Envelopes.Error(endpoint.Platform, check, check == 41001 ? "access_token missing" : check == 42001 ? "access_token expired" : "invalid credential, access_token is invalid or not latest");
                }
            }

            var fault = endpoint.Authenticated ? faults.Decide(endpoint, request) : null;
            if (fault.HasValue)
            {
                context.Counters.CountFault(fault.Value);
                var injected = await faults.InjectAsync(endpoint.Platform, fault.Value, cancellationToken).ConfigureAwait(false);
                if (injected != null)
                {
                    return injected;
                }
            }

            var response = endpoint.Handle(request);
            if (options.MalformedResponses.Count > 0 && response.Status == 200 &&
                options.MalformedResponses.TryGetValue(endpoint.FaultKey(request) ?? string.Empty, out var malformation))
            {
                response = Malformer.Malform(endpoint.Platform, response, malformation);
            }

            return response;
        }
    }
}
