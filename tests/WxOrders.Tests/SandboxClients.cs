using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;

namespace WxOrders.Tests
{
    /// <summary>Helpers for tests that talk to a real sandbox through the real ApiClient.</summary>
    internal static class SandboxClients
    {
        public static ApiClient For(Sandbox sandbox, WxPlatform platform) =>
            new ApiClient(new ConnectionSettings
            {
                Name = "test-" + platform,
                Platform = platform,
                AppId = platform == WxPlatform.WeChat ? sandbox.WeChatAppId : sandbox.WshotoAppId,
                AppSecret = platform == WxPlatform.WeChat ? sandbox.WeChatAppSecret : sandbox.WshotoAppSecret,
                BaseUri = sandbox.BaseUri,
                MaxRetryCount = 0,
            });

        /// <summary>Posts a raw JSON body to a sandbox path with a valid token and returns the raw response document.</summary>
        public static async Task<JsonDocument> PostRawAsync(ApiClient client, Sandbox sandbox, string path, string json)
        {
            var token = await client.Tokens.GetAsync(CancellationToken.None);
            using var http = new HttpClient();
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(sandbox.BaseUri, path + "?access_token=" + Uri.EscapeDataString(token.Value)), content);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return JsonDocument.Parse(bytes);
        }

        /// <summary>A file under Data/ (copied next to the test assembly).</summary>
        public static byte[] Data(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", name));
    }
}
