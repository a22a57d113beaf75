using System.Text;
using WxOrders.Emulation.Server;
using WxOrders.Emulation.Wire;

namespace WxOrders.Emulation.Faults
{
    /// <summary>Corrupts a successful answer as -MalformedResponse asks for its key.</summary>
    internal static class Malformer
    {
        public static SandboxResponse Malform(WirePlatform platform, SandboxResponse response, SandboxMalformation how)
        {
            var codeKey = platform == WirePlatform.WeChat ? "errcode" : "code";
            string text;
            switch (how)
            {
                case SandboxMalformation.Truncated:
                    var length = (response.BodyLength >= 0 ? response.BodyLength : response.Body.Length) / 2;
                    return new SandboxResponse { Body = response.Body, BodyLength = length };
                case SandboxMalformation.WrongType:
                    text = platform == WirePlatform.WeChat
                        ? "{\"errcode\":{\"value\":0},\"errmsg\":[\"ok\"]}"
                        : "{\"code\":\"zero\",\"msg\":[],\"data\":1,\"sub_code\":{}}";
                    break;
                case SandboxMalformation.HugeNumber:
                    text = "{\"" + codeKey + "\":123456789012345678901234567890123456789,\"errmsg\":\"ok\"}";
                    break;
                case SandboxMalformation.DeepNesting:
                    text = "{\"" + codeKey + "\":0,\"deep\":" + new string('[', 1000) + new string(']', 1000) + "}";
                    break;
                case SandboxMalformation.EmptyBody:
                    text = string.Empty;
                    break;
                default:
                    text = "[{\"" + codeKey + "\":0}]";
                    break;
            }

            return new SandboxResponse { Body = Encoding.UTF8.GetBytes(text) };
        }
    }
}
