using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Tests
{
    /// <summary>An HttpMessageHandler that answers from a script, for core tests that need exact control.</summary>
    internal sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, string, int, HttpResponseMessage> respond;
        private readonly ConcurrentDictionary<string, int> counts = new ConcurrentDictionary<string, int>();

        public ScriptedHandler(Func<HttpRequestMessage, string, int, HttpResponseMessage> respond)
        {
            this.respond = respond;
        }

        public List<string> Urls { get; } = new List<string>();

        public List<string> Bodies { get; } = new List<string>();

        public List<HttpMethod> Methods { get; } = new List<HttpMethod>();

        public int Count(string path) => counts.TryGetValue(path, out var n) ? n : 0;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Urls)
            {
                Urls.Add(request.RequestUri.ToString());
                Bodies.Add(body);
                Methods.Add(request.Method);
            }

            var path = request.RequestUri.AbsolutePath;
            var n = counts.AddOrUpdate(path, 1, (_, c) => c + 1);
            return respond(request, body, n);
        }

        public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
            new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        public static HttpResponseMessage Text(string text, string mediaType, HttpStatusCode status = HttpStatusCode.OK) =>
            new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };

        public static string Token(int n) => "TOKEN-" + n.ToString("D4") + "-abcdefghijklmnopqrstuvwxyz";
    }
}
