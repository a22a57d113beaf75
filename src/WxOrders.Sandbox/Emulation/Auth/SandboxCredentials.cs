using System;
using WxOrders.Emulation.Data;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Auth
{
    /// <summary>The sandbox's AppIds and app secrets (fresh random secrets per sandbox), checked as the token endpoints check them.</summary>
    internal sealed class SandboxCredentials
    {
        public const string WeChatAppId = "wxsandbox0000000001";
        public const string WshotoAppId = "wssandbox0000000001";

        /// <summary>errcode for an AppId the platform does not know.</summary>
        public const long UnknownAppId = 40013;

        /// <summary>errcode for a wrong app secret.</summary>
        public const long WrongSecret = 40125;

        public SandboxCredentials()
        {
            WeChatSecret = SandboxData.Token(32);
            WshotoSecret = SandboxData.Token(32);
        }

        public string WeChatSecret { get; }

        public string WshotoSecret { get; }

        /// <summary>True when the pair is this sandbox's; else false with the error code the platform answers.</summary>
        public bool Check(WirePlatform platform, string appId, string secret, out long code)
        {
            var expectedId = platform == WirePlatform.WeChat ? WeChatAppId : WshotoAppId;
            var expectedSecret = platform == WirePlatform.WeChat ? WeChatSecret : WshotoSecret;
            if (!string.Equals(appId, expectedId, StringComparison.Ordinal))
            {
                code = UnknownAppId;
                return false;
            }

            if (!string.Equals(secret, expectedSecret, StringComparison.Ordinal))
            {
                code = WrongSecret;
                return false;
            }

            code = 0;
            return true;
        }
    }
}
