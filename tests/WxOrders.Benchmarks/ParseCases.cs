using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WxOrders.Emulation.Data.Shop;
using WxOrders.Emulation.Endpoints;
using WxOrders.Emulation.Server;
using WxOrders.Json;
using WxOrders.Platforms.Shop;

namespace WxOrders.Benchmarks
{
    /// <summary>
    /// The APIs whose responses the parse benchmark deserialises. Adding an API is one entry in <see cref="Candidates"/>:
    /// a name, how to get realistic response bodies from the sandbox's own generators, and the JsonTypeInfo the
    /// platform's XxxApi passes to ApiClient.SendAsync. An entry may name its context by type name: it is measured
    /// when that model is in the build, and shown as pending when it is not (so the benchmark builds on any branch).
    /// </summary>
    internal static class ParseCases
    {
        private static readonly ParseCase[] Candidates =
        {
            ParseCase.Create(
                "shop",
                "POST /shop/order/get, one order per response",
                sandbox => Enumerable.Range(0, 64).Select(i => SandboxBodies.Call(
                    sandbox, "POST", ShopApi.Path, Json(
                        "order_id", ShopOrders.OrderIdOf(i),
                        "openid", ShopOrders.OpenIdOf(sandbox.Seed, i)))),
                WireJsonContext.Default.ShopOrderResponse),

            ParseCase.ByName(
                "union",
                "GET /union/promoter/order/search, a page of 200 orders",
                sandbox => Enumerable.Range(1, 4).Select(page => SandboxBodies.Call(
                    sandbox, "GET", "/union/promoter/order/search", query: new Dictionary<string, string>
                    {
                        ["page"] = page.ToString(CultureInfo.InvariantCulture),
                        ["pageSize"] = "200",
                    })),
                "WxOrders.Json.WireJsonContext",
                "UnionOrderListResponse"),

            ParseCase.ByName(
                "coop",
                "POST /channels/ec/cooperation/order/get, one order per response",
                sandbox => SandboxBodies.Samples(sandbox, "GetCoopOrderSamples", 64).Select(sample => SandboxBodies.Call(
                    sandbox, "POST", "/channels/ec/cooperation/order/get", Json(
                        "shop_appid", SandboxBodies.Property(sample, "ShopAppId"),
                        "order_id", SandboxBodies.Property(sample, "OrderId")))),
                "WxOrders.Json.WireJsonContext",
                "CoopOrderResponse"),

            ParseCase.ByName(
                "wshoto",
                "POST /openapi/mall/order/detail, one order per response",
                sandbox => SandboxBodies.Samples(sandbox, "GetWshotoOrderSns", 64).Select(sn => SandboxBodies.Call(
                    sandbox, "POST", "/openapi/mall/order/detail", Json("order_sn", sn))),
                "WxOrders.Json.WireJsonContext",
                "WshotoResponseWshotoOrderArray"),
        };

        /// <summary>Every API the benchmark knows, measurable or not (in table order).</summary>
        public static IEnumerable<ParseCase> Known => Candidates;

        /// <summary>The APIs whose model is in this build.</summary>
        public static readonly ParseCase[] All = Candidates.Where(c => c.IsAvailable).ToArray();

        public static ParseCase Get(string name) => All.Single(c => c.Name == name);

        /// <summary>A JSON object from name/value pairs (numbers stay numbers; exact for 64-bit ids).</summary>
        private static byte[] Json(params object[] pairs)
        {
            using (var buffer = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(buffer))
                {
                    w.WriteStartObject();
                    for (var i = 0; i < pairs.Length; i += 2)
                    {
                        var name = (string)pairs[i];
                        switch (pairs[i + 1])
                        {
                            case ulong u: w.WriteNumber(name, u); break;
                            case long l: w.WriteNumber(name, l); break;
                            case int n: w.WriteNumber(name, n); break;
                            case null: w.WriteNull(name); break;
                            case var other: w.WriteString(name, Convert.ToString(other, CultureInfo.InvariantCulture)); break;
                        }
                    }

                    w.WriteEndObject();
                }

                return buffer.ToArray();
            }
        }
    }

    internal sealed class ParseCase
    {
        private ParseCase(string name, string description, Func<Sandbox, IEnumerable<byte[]>> bodies, Func<byte[], object> fromBytes, Func<Stream, object> fromStream, string missing = null)
        {
            Name = name;
            Description = description;
            BodySource = bodies;
            FromBytes = fromBytes;
            FromStream = fromStream;
            Missing = missing;
        }

        public string Name { get; }

        /// <summary>False when the model named by <see cref="ByName"/> is not in this build.</summary>
        public bool IsAvailable => Missing == null;

        /// <summary>What is missing from the build (the JsonSerializerContext and property), or null.</summary>
        public string Missing { get; }

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

        /// <summary>
        /// An API whose JsonSerializerContext is found by name in WxOrders.Core (internal, generated): measured when
        /// the platform is in the build, pending otherwise.
        /// </summary>
        public static ParseCase ByName(string name, string description, Func<Sandbox, IEnumerable<byte[]>> bodies, string contextTypeName, string propertyName)
        {
            var context = typeof(ShopApi).Assembly.GetType(contextTypeName, throwOnError: false);
            var defaultContext = context?.GetProperty("Default", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null);
            var typeInfo = defaultContext?.GetType().GetProperty(propertyName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(defaultContext) as JsonTypeInfo;
            if (typeInfo == null)
            {
                return new ParseCase(name, description, bodies, null, null, contextTypeName + "." + propertyName);
            }

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
        /// <summary>The sandbox's own sample keys, from a public Sandbox method such as GetCoopOrderSamples(int).</summary>
        public static IEnumerable<object> Samples(Sandbox sandbox, string method, int count)
        {
            var m = typeof(Sandbox).GetMethod(method, new[] { typeof(int) }) ?? throw new MissingMethodException(nameof(Sandbox), method);
            return ((System.Collections.IEnumerable)m.Invoke(sandbox, new object[] { count })).Cast<object>();
        }

        public static object Property(object item, string name) =>
            (item.GetType().GetProperty(name) ?? throw new MissingMemberException(item.GetType().Name, name)).GetValue(item);

        public static byte[] Call(Sandbox sandbox, string method, string path, byte[] body = null, IDictionary<string, string> query = null)
        {
            var endpoint = EndpointCatalog.Create(sandbox.Context).Single(e => e.Method == method && e.Path == path);
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
