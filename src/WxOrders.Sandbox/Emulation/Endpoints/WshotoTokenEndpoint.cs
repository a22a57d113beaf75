using System;
using WxOrders.Emulation.Auth;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>GET /openapi/access_token?appid=..&amp;app_secret=..</summary>
    internal sealed class WshotoTokenEndpoint : SandboxEndpoint
    {
        public WshotoTokenEndpoint(SandboxContext context)
            : base(context, "GET", WirePaths.WshotoToken, WirePlatform.Wshoto, authenticated: false)
        {
        }

        public override string FaultKey(SandboxRequest request) => null;

        public override SandboxResponse Handle(SandboxRequest request)
        {
            Context.Counters.CountTokenRequest();
            if (!Context.Credentials.Check(Platform, request.QueryValue("appid"), request.QueryValue("app_secret"), out var code))
            {
                return Error(code, code == SandboxCredentials.UnknownAppId ? "appid 不存在" : "app_secret 错误");
            }

            var now = DateTimeOffset.UtcNow;
            var (token, expiresIn) = Context.WshotoTokens.Issue(now);
            return Context.Envelopes.WshotoOk(w =>
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
