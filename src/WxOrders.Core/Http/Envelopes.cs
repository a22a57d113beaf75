using System.Text.Json.Serialization;
using WxOrders.Json;

namespace WxOrders.Http
{
    /// <summary>What the shared core reads from any response to decide success: the platform's code and message.</summary>
    internal interface IApiEnvelope
    {
        /// <summary>errcode (WeChat) or code (Wshoto); null or 0 is success.</summary>
        long? EnvelopeCode { get; }

        string EnvelopeMessage { get; }
    }

    /// <summary>WeChat: {"errcode":0,"errmsg":"ok", ...payload}. Every WeChat response type derives from this.</summary>
    internal abstract class WeChatResponse : IApiEnvelope
    {
        [JsonPropertyName("errcode")]
        public long? ErrCode { get; set; }

        [JsonPropertyName("errmsg")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string ErrMsg { get; set; }

        long? IApiEnvelope.EnvelopeCode => ErrCode;

        string IApiEnvelope.EnvelopeMessage => ErrMsg;
    }

    /// <summary>Wshoto: {"code":0,"msg":"...","data":{...},"sub_code":""}.</summary>
    internal sealed class WshotoResponse<T> : IApiEnvelope
        where T : class
    {
        [JsonPropertyName("code")]
        public long? Code { get; set; }

        [JsonPropertyName("msg")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string Msg { get; set; }

        [JsonPropertyName("sub_code")]
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string SubCode { get; set; }

        [JsonPropertyName("data")]
        public T Data { get; set; }

        // Wshoto has no "absent means success": a body without code is not a Wshoto envelope.
        long? IApiEnvelope.EnvelopeCode => Code ?? -2;

        string IApiEnvelope.EnvelopeMessage => Code.HasValue ? Msg : "the response has no 'code' field";
    }

    /// <summary>The envelope check every response passes before a platform sees it.</summary>
    internal static class Envelope
    {
        /// <summary>Returns <paramref name="response"/> when its code is 0 or absent; otherwise the one table (ErrorCatalog) names the failure.</summary>
        public static T EnsureSuccess<T>(T response, WxPlatform platform, string path, Redactor redactor)
            where T : class, IApiEnvelope
        {
            var code = response.EnvelopeCode ?? 0;
            if (code != 0)
            {
                throw ErrorCatalog.FromApi(platform, path, code, redactor.Redact(response.EnvelopeMessage));
            }

            return response;
        }
    }
}
