using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using WxOrders.Emulation.Server;

namespace WxOrders.Emulation.Wire
{
    /// <summary>The platforms' response envelopes (success and error), written straight into pooled buffers.</summary>
    internal sealed class Envelopes
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        };

        private long rid;

        /// <summary>The platform's error envelope; WeChat messages end in a request id as the real errmsg does.</summary>
        public SandboxResponse Error(WirePlatform platform, long code, string message)
        {
            return Json(w =>
            {
                w.WriteStartObject();
                if (platform == WirePlatform.WeChat)
                {
                    w.WriteNumber("errcode", code);
                    w.WriteString("errmsg", message + " rid: " + NextRid());
                }
                else
                {
                    w.WriteNumber("code", code);
                    w.WriteString("msg", message);
                    w.WriteNull("data");
                    w.WriteString("sub_code", code.ToString(CultureInfo.InvariantCulture));
                }

                w.WriteEndObject();
            });
        }

        /// <summary>A WeChat success: errcode 0, errmsg ok, then the payload's properties.</summary>
        /// <param name="capacity">Expected body size in bytes, for large pages (saves regrowing the buffer).</param>
        public SandboxResponse WeChatOk(Action<Utf8JsonWriter> payload, int capacity = 1024)
        {
            return Json(
                w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("errcode", 0);
                    w.WriteString("errmsg", "ok");
                    payload(w);
                    w.WriteEndObject();
                },
                capacity);
        }

        /// <summary>A Wshoto success: code 0, msg, data (written by <paramref name="data"/>), sub_code.</summary>
        public SandboxResponse WshotoOk(Action<Utf8JsonWriter> data)
        {
            return Json(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("code", 0);
                w.WriteString("msg", "请求成功");
                w.WritePropertyName("data");
                data(w);
                w.WriteString("sub_code", "00000");
                w.WriteEndObject();
            });
        }

        public static SandboxResponse Json(Action<Utf8JsonWriter> write, int capacity = 1024)
        {
            // Written straight into one pooled buffer (no writer-internal buffer, no MemoryStream copy: a page of
            // orders is otherwise several large-object-heap arrays per response); the server returns it once sent.
            var body = new PooledBody(Math.Max(256, capacity));
            using (var w = new Utf8JsonWriter(body, WriterOptions))
            {
                write(w);
            }

            return new SandboxResponse { Body = body.Buffer, BodyLength = body.Count, Written = body.Release };
        }

        private string NextRid()
        {
            var n = Interlocked.Increment(ref rid);
            return "6" + n.ToString("x7", CultureInfo.InvariantCulture) + "-" + ((ulong)n * 2654435761UL % 0xFFFFFFFF).ToString("x8", CultureInfo.InvariantCulture);
        }
    }
}
