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

    internal sealed class WeChatTokenResponse : WeChatResponse
    {
        [JsonPropertyName("access_token")]
        public string AccessToken { get; set; }

        [JsonPropertyName("expires_in")]
        public long? ExpiresIn { get; set; }
    }

    internal sealed class WshotoTokenData
    {
        [JsonPropertyName("access_token")]
        public string AccessToken { get; set; }

        [JsonPropertyName("expires_in")]
        public long? ExpiresIn { get; set; }

        [JsonPropertyName("create_at")]
        public long? CreateAt { get; set; }
    }

    internal sealed class WeChatTokenRequest
    {
        [JsonPropertyName("grant_type")]
        public string GrantType { get; set; } = "client_credential";

        [JsonPropertyName("appid")]
        public string AppId { get; set; }

        [JsonPropertyName("secret")]
        public string Secret { get; set; }

        [JsonPropertyName("force_refresh")]
        public bool ForceRefresh { get; set; }
    }

    /// <summary>
    /// Serialization metadata for the core's own types. Every platform folder has a context like this one with the
    /// same options: numbers may arrive as strings, property names match case-insensitively (the documents disagree
    /// on case, e.g. "Errcode"), unknown fields are ignored.
    /// </summary>
    [JsonSourceGenerationOptions(
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Default)]
    [JsonSerializable(typeof(WeChatTokenResponse))]
    [JsonSerializable(typeof(WeChatTokenRequest))]
    [JsonSerializable(typeof(WshotoResponse<WshotoTokenData>))]
    internal sealed partial class CoreJsonContext : JsonSerializerContext
    {
    }
}
