using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Platforms.Shop;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>
    /// Mutates each documented example (made valid JSON) many times and sends the result through the real core:
    /// every outcome must be a parsed order or a WxApiException (InvalidData for broken JSON), never another
    /// exception, a crash or a hang. Seeded, so a failure reproduces.
    /// </summary>
    public class FuzzTests
    {
        private const int MutationsPerExample = 1500;

        /// <summary>Example file -> platform and the call that reads it. Each API family adds its line here.</summary>
        private static readonly Dictionary<string, (WxPlatform Platform, Func<ApiClient, Task> Call)> Calls = new Dictionary<string, (WxPlatform, Func<ApiClient, Task>)>
        {
            ["shop-order-get.json"] = (WxPlatform.WeChat, c => ShopApi.GetOrderAsync(c, new ShopOrderKey(1, null, "o"), null, CancellationToken.None)),
            ["coop-order-example.json"] = (WxPlatform.WeChat, c => Platforms.Coop.CoopApi.GetOrderAsync(c, new Platforms.Coop.CoopOrderKey("wxshop", "co1"), null, CancellationToken.None)),
            ["union-order-info.json"] = (WxPlatform.WeChat, c => Platforms.Union.UnionApi.GetOrdersAsync(c, new[] { "1952315038682581" }, null, CancellationToken.None)),
            ["union-order-search.json"] = (WxPlatform.WeChat, c => Platforms.Union.UnionApi.SearchAsync(c, new UnionOrderQuery(), 1, 10, null, CancellationToken.None)),
            ["wshoto-order-example.json"] = (WxPlatform.Wshoto, c => Platforms.Wshoto.WshotoApi.GetOrderAsync(c, "1723051502104450002", null, CancellationToken.None)),
        };

        public static IEnumerable<object[]> Examples()
        {
            foreach (var file in Calls.Keys)
            {
                yield return new object[] { file };
            }
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public async Task MutatedExamplesNeverCrashOrHang(string file)
        {
            var (platform, call) = Calls[file];
            var original = File.ReadAllBytes(TestJson.DataPath(file));
            var random = new Random(20241124);
            byte[] current = original;
            var handler = new ScriptedHandler((req, body, n) =>
            {
                if (req.RequestUri.AbsolutePath == TokenEndpoints.WeChatPath)
                {
                    return ScriptedHandler.Json("{\"access_token\":\"TOKEN-abcdefghijklmnop\",\"expires_in\":7200}");
                }

                if (req.RequestUri.AbsolutePath == TokenEndpoints.WshotoPath)
                {
                    return ScriptedHandler.Json("{\"code\":0,\"data\":{\"access_token\":\"TOKEN-abcdefghijklmnop\",\"expires_in\":7200}}");
                }

                var content = new ByteArrayContent(current);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
            });
            var settings = new ConnectionSettings
            {
                Name = "fuzz",
                Platform = platform,
                AppId = "wxfuzz",
                AppSecret = SecureText.Protect("fuzz-secret-0001"),
                BaseUri = new Uri("https://api.test/"),
                MaxRetryCount = 0,
                Timeout = TimeSpan.FromSeconds(10),
            };

            using var client = new ApiClient(settings, handler);
            int parsed = 0, invalid = 0, other = 0;
            for (var i = 0; i < MutationsPerExample; i++)
            {
                current = Mutate(original, random);
                try
                {
                    await call(client);
                    parsed++;
                }
                catch (WxApiException ex) when (ex.Category == WxErrorCategory.InvalidData)
                {
                    invalid++;
                }
                catch (WxApiException)
                {
                    other++; // e.g. a mutated errcode that is now a real error code
                }
            }

            Assert.Equal(MutationsPerExample, parsed + invalid + other);
            Assert.True(invalid > MutationsPerExample / 10, "the mutations should break the JSON often: " + invalid);
            Assert.True(parsed > 0, "some mutations leave the JSON valid");
        }

        private static byte[] Mutate(byte[] source, Random random)
        {
            var data = new List<byte>(source);
            var steps = 1 + random.Next(4);
            for (var s = 0; s < steps && data.Count > 0; s++)
            {
                var at = random.Next(data.Count);
                switch (random.Next(8))
                {
                    case 0: data[at] = (byte)random.Next(256); break;                       // random byte
                    case 1: data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(8))); break; // delete
                    case 2: data.RemoveRange(at, data.Count - at); break;                  // truncate
                    case 3: data.InsertRange(at, Encoding.ASCII.GetBytes(Pick(random, "{", "}", "[", "]", ",", ":", "\"", "null", "-1", "1e999", "18446744073709551616", "\"\\u0000\"", "true"))); break;
                    case 4: data[at] = Pick(random, (byte)'{', (byte)'[', (byte)'"', (byte)'0', (byte)'-', (byte)'.'); break;
                    case 5:
                        var len = Math.Min(data.Count - at, 1 + random.Next(40));
                        data.InsertRange(random.Next(data.Count), data.GetRange(at, len)); // duplicate a segment
                        break;
                    case 6: data.InsertRange(at, Encoding.UTF8.GetBytes("\"¥0.20\"")); break;
                    default: data.InsertRange(at, Encoding.ASCII.GetBytes(new string('[', random.Next(70)))); break;
                }
            }

            return data.ToArray();
        }

        private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];
    }
}
