using System;
using WxOrders.Emulation.Auth;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Endpoints
{
    /// <summary>POST /cgi-bin/stable_token (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html).</summary>
    internal sealed class WeChatTokenEndpoint : SandboxEndpoint
    {
        public WeChatTokenEndpoint(SandboxContext context)
            : base(context, "POST", WirePaths.WeChatToken, WirePlatform.WeChat, authenticated: false)
        {
        }

        public override string FaultKey(SandboxRequest request) => null;

        public override SandboxResponse Handle(SandboxRequest request)
        {
            Context.Counters.CountTokenRequest();
            using (var doc = ParseBody(request))
            {
                if (doc == null)
                {
                    return Error(47001, "data format error");
                }

                var root = doc.RootElement;
                if (StringProperty(root, "grant_type") != "client_credential")
                {
                    return Error(40002, "invalid grant_type");
                }

                if (!Context.Credentials.Check(Platform, StringProperty(root, "appid"), StringProperty(root, "secret"), out var code))
                {
                    return Error(code, code == SandboxCredentials.UnknownAppId ? "invalid appid" : "invalid appsecret");
                }

                var (token, expiresIn) = Context.WeChatTokens.Issue(DateTimeOffset.UtcNow);
                return Envelopes.Json(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("access_token", token);
                    w.WriteNumber("expires_in", expiresIn);
                    w.WriteEndObject();
                });
            }
        }
    }
}
