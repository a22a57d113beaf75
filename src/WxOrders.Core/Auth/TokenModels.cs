using System.Text.Json.Serialization;

namespace WxOrders.Http
{
    /// <summary>POST /cgi-bin/stable_token answer: https://developers.weixin.qq.com/doc/service/en/api/base/api_getstableaccesstoken.html</summary>
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
}
