using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WxOrders.Emulation;
using WxOrders.Platforms.Shop;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// The APIs whose responses the parse benchmark deserialises. Adding an API is one entry in <see cref="All"/>:
    /// a name, how to get realistic response bodies from the sandbox's own generators, and the JsonTypeInfo the
    /// platform's XxxApi passes to ApiClient.SendAsync.
    /// </summary>
    internal static class ParseCases
    {
        public static readonly ParseCase[] All =
        {
            ParseCase.Create(
                "shop",
                "POST /shop/order/get, one order per response",
                sandbox => Enumerable.Range(0, 64).Select(i => SandboxBodies.Call(
                    sandbox, "POST", ShopApi.Path, Encoding.UTF8.GetBytes(
                        "{\"order_id\":" + ShopSandbox.OrderIdOf(i).ToString(CultureInfo.InvariantCulture) +
                        ",\"openid\":\"" + ShopSandbox.OpenIdOf(sandbox.Seed, i) + "\"}"))),
                ShopJsonContext.Default.ShopOrderResponse),

            // When the union branch lands (UnionApi, UnionJsonContext), e.g.:
            // ParseCase.Create(
            //     "union",
            //     "GET /union/promoter/order/search, a page of 200 orders",
            //     sandbox => Enumerable.Range(1, 4).Select(page => SandboxBodies.Call(sandbox, "GET", UnionApi.SearchPath, query: new Dictionary<string, string> { ["page"] = page.ToString(CultureInfo.InvariantCulture), ["pageSize"] = "200" })),
            //     UnionJsonContext.Default.UnionOrderListResponse),
        };

        /// <summary>APIs of the project whose models are not in this tree yet: shown as pending rows.</summary>
        public static readonly string[] Expected = { "shop", "union", "coop", "wshoto" };

        public static ParseCase Get(string name) => All.Single(c => c.Name == name);
    }

    internal sealed class ParseCase
    {
        private ParseCase(string name, string description, Func<Sandbox, IEnumerable<byte[]>> bodies, Func<byte[], object> fromBytes, Func<Stream, object> fromStream)
        {
            Name = name;
            Description = description;
            BodySource = bodies;
            FromBytes = fromBytes;
            FromStream = fromStream;
        }

        public string Name { get; }

        public string Description { get; }

        public Func<Sandbox, IEnumerable<byte[]>> BodySource { get; }

        /// <summary>JsonSerializer.Deserialize over the whole body in memory.</summary>
        public Func<byte[], object> FromBytes { get; }

        /// <summary>JsonSerializer.DeserializeAsync from a stream: the path ApiClient takes on a response.</summary>
        public Func<Stream, object> FromStream { get; }

        public static ParseCase Create<T>(string name, string description, Func<Sandbox, IEnumerable<byte[]>> bodies, JsonTypeInfo<T> typeInfo)
            where T : class
        {
            return new ParseCase(
                name,
                description,
                bodies,
                b => JsonSerializer.Deserialize(b, typeInfo) ?? throw new InvalidDataException("null"),
                s => JsonSerializer.DeserializeAsync(s, typeInfo).AsTask().GetAwaiter().GetResult() ?? throw new InvalidDataException("null"));
        }

        /// <summary>The bodies, from a fresh sandbox (seed 1, 1,000 orders per API), checked to be success envelopes.</summary>
        public byte[][] LoadBodies()
        {
            using (var sandbox = Sandbox.Start(seed: 1, orderCount: 1000))
            {
                var bodies = BodySource(sandbox).ToArray();
                if (bodies.Length == 0)
                {
                    throw new InvalidOperationException(Name + ": no bodies.");
                }

                foreach (var body in bodies)
                {
                    // Typed parse must work (and not throw) on every body before anything is timed.
                    FromBytes(body);
                }

                return bodies;
            }
        }
    }

    /// <summary>Response bodies straight from the sandbox's endpoint generators (no HTTP, no token).</summary>
    internal static class SandboxBodies
    {
        public static byte[] Call(Sandbox sandbox, string method, string path, byte[] body = null, IDictionary<string, string> query = null)
        {
            var endpoint = SandboxEndpoints.Create(sandbox).Single(e => e.Method == method && e.Path == path);
            var request = new SandboxRequest { Method = method, Path = path, Body = body ?? Array.Empty<byte>() };
            if (query != null)
            {
                foreach (var pair in query)
                {
                    request.Query[pair.Key] = pair.Value;
                }
            }

            var response = endpoint.Handle(request);
            try
            {
                var length = response.BodyLength >= 0 ? response.BodyLength : response.Body.Length;
                var bytes = response.Body.AsSpan(0, length).ToArray();
                using (var doc = JsonDocument.Parse(bytes))
                {
                    var root = doc.RootElement;
                    var code = root.TryGetProperty("errcode", out var e) ? e.GetInt64() : root.TryGetProperty("code", out var c) ? c.GetInt64() : 0;
                    if (response.Status != 200 || code != 0)
                    {
                        throw new InvalidOperationException(method + " " + path + ": the sandbox answered HTTP " + response.Status + ", code " + code + ": " + Encoding.UTF8.GetString(bytes));
                    }
                }

                return bytes;
            }
            finally
            {
                response.Written?.Invoke();
            }
        }
    }
}
