using System;
using System.Collections.Generic;
using System.Text.Json;

namespace WxOrders.Emulation
{
    /// <summary>One emulated endpoint. Each API family has its own file; <see cref="SandboxEndpoints.Create"/> lists them.</summary>
    internal abstract class SandboxEndpoint
    {
        protected SandboxEndpoint(Sandbox sandbox)
        {
            Sandbox = sandbox;
        }

        protected Sandbox Sandbox { get; }

        protected int Seed => Sandbox.Seed;

        protected int Count => Sandbox.OrderCount;

        public abstract string Method { get; }

        public abstract string Path { get; }

        public abstract WxPlatform Platform { get; }

        /// <summary>False for the token endpoints.</summary>
        public virtual bool Authenticated => true;

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

        protected static string StringProperty(JsonElement obj, string name)
        {
            return obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }

        /// <summary>Writes a string property, or null, or leaves it out, as real responses do now and then.</summary>
        protected static void WriteOptionalString(Utf8JsonWriter w, string name, string value, int shape)
        {
            // shape: 0 present, 1 null, 2 absent.
            if (shape == 2)
            {
                return;
            }

            if (shape == 1 || value == null)
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteString(name, value);
            }
        }
    }

    internal static class SandboxEndpoints
    {
        /// <summary>Every endpoint the sandbox serves.</summary>
        public static IEnumerable<SandboxEndpoint> Create(Sandbox sandbox)
        {
            yield return new WeChatTokenEndpoint(sandbox);
            yield return new WshotoTokenEndpoint(sandbox);
            yield return new ShopSandbox(sandbox);
            yield return new UnionInfoSandbox(sandbox);
            yield return new UnionSearchSandbox(sandbox);
            yield return new CoopSandbox(sandbox);
            yield return new WshotoSandbox(sandbox);
            yield return new ChannelsOrderEndpoint(sandbox);
        }
    }

    /// <summary>POST /cgi-bin/stable_token.</summary>
    internal sealed class WeChatTokenEndpoint : SandboxEndpoint
    {
        public WeChatTokenEndpoint(Sandbox sandbox)
            : base(sandbox)
        {
        }

        public override string Method => "POST";

        public override string Path => Http.TokenEndpoints.WeChatPath;

        public override WxPlatform Platform => WxPlatform.WeChat;

        public override bool Authenticated => false;

        public override string FaultKey(SandboxRequest request) => null;

        public override SandboxResponse Handle(SandboxRequest request)
        {
            Sandbox.CountTokenRequest();
            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return Sandbox.Error(Platform, 47001, "data format error");
                }

                var root = doc.RootElement;
                if (StringProperty(root, "grant_type") != "client_credential")
                {
                    return Sandbox.Error(Platform, 40002, "invalid grant_type");
                }

                if (!Sandbox.CheckSecret(Platform, StringProperty(root, "appid"), StringProperty(root, "secret"), out var code))
                {
                    return Sandbox.Error(Platform, code, code == 40013 ? "invalid appid" : "invalid appsecret");
                }

                var (token, expiresIn) = Sandbox.WeChatTokens.Issue(DateTimeOffset.UtcNow);
                return Sandbox.Json(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("access_token", token);
                    w.WriteNumber("expires_in", expiresIn);
                    w.WriteEndObject();
                });
            }
        }
    }

    /// <summary>GET /openapi/access_token?appid=..&amp;app_secret=..</summary>
    internal sealed class WshotoTokenEndpoint : SandboxEndpoint
    {
        public WshotoTokenEndpoint(Sandbox sandbox)
            : base(sandbox)
        {
        }

        public override string Method => "GET";

        public override string Path => Http.TokenEndpoints.WshotoPath;

        public override WxPlatform Platform => WxPlatform.Wshoto;

        public override bool Authenticated => false;

        public override string FaultKey(SandboxRequest request) => null;

        public override SandboxResponse Handle(SandboxRequest request)
        {
            Sandbox.CountTokenRequest();
            if (!Sandbox.CheckSecret(Platform, request.QueryValue("appid"), request.QueryValue("app_secret"), out var code))
            {
                return Sandbox.Error(Platform, code, code == 40013 ? "appid 不存在" : "app_secret 错误");
            }

            var now = DateTimeOffset.UtcNow;
            var (token, expiresIn) = Sandbox.WshotoTokens.Issue(now);
            return Sandbox.WshotoOk(w =>
            {
                w.WriteStartObject();
                w.WriteString("access_token", token);
                w.WriteNumber("expires_in", expiresIn);
                w.WriteNumber("create_at", now.ToUnixTimeSeconds());
                w.WriteEndObject();
            });
        }
    }
}
