using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>
    /// Every endpoint the sandbox serves: each concrete <see cref="SandboxEndpoint"/> of this assembly, so adding an
    /// endpoint is adding its class (no list to keep in step).
    /// </summary>
    internal static class EndpointCatalog
    {
        private static readonly Type[] EndpointTypes = typeof(SandboxEndpoint).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(SandboxEndpoint).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        /// <summary>One instance of every endpoint, on <paramref name="context"/>.</summary>
        public static IEnumerable<SandboxEndpoint> Create(SandboxContext context) =>
            EndpointTypes.Select(t => (SandboxEndpoint)Activator.CreateInstance(
                t, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new object[] { context }, null));

        /// <summary>The endpoints by "METHOD /path"; two endpoints on one route are a programming error.</summary>
        public static Dictionary<string, SandboxEndpoint> Routes(SandboxContext context)
        {
            var routes = new Dictionary<string, SandboxEndpoint>(StringComparer.Ordinal);
            foreach (var endpoint in Create(context))
            {
                var key = RouteKey(endpoint.Method, endpoint.Path);
                if (routes.ContainsKey(key))
                {
                    throw new InvalidOperationException("Two sandbox endpoints serve " + key + ": " + routes[key].GetType().Name + " and " + endpoint.GetType().Name + ".");
                }

                routes[key] = endpoint;
            }

            return routes;
        }

        public static string RouteKey(string method, string path) => method + " " + path;
    }
}
