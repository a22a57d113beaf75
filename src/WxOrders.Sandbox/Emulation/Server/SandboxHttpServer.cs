using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Emulation.Server
{
    /// <summary>
    /// A minimal HTTP/1.1 server bound to 127.0.0.1: keep-alive, Content-Length bodies, 100-continue. Written on
    /// sockets rather than HttpListener so it needs no URL reservation on Windows and behaves the same everywhere,
    /// and so it can reset a connection on purpose.
    /// </summary>
    internal sealed class SandboxHttpServer : IDisposable
    {
        private const int MaxHeaderBytes = 64 * 1024;
        private const int MaxBodyBytes = 8 * 1024 * 1024;

        /// <summary>Bodies up to this size go out in the same write as the head; larger ones are not copied.</summary>
        private const int SingleWriteBytes = 64 * 1024;

        private readonly TcpListener listener;
        private readonly Func<SandboxRequest, CancellationToken, Task<SandboxResponse>> handler;
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly HashSet<TcpClient> clients = new HashSet<TcpClient>();
        private readonly Task acceptLoop;

        public SandboxHttpServer(int port, Func<SandboxRequest, CancellationToken, Task<SandboxResponse>> handler)
        {
            this.handler = handler;
            listener = new TcpListener(IPAddress.Loopback, port);
            listener.Server.NoDelay = true;
            listener.Start(512);
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public int Port { get; }

        private async Task AcceptLoopAsync()
        {
            while (!stopping.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                client.NoDelay = true;
                lock (clients)
                {
                    clients.Add(client);
                }

                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            var reset = false;
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[16 * 1024];
                var filled = 0;
                while (!stopping.IsCancellationRequested)
                {
                    // Read the request head.
                    var headEnd = -1;
                    while ((headEnd = IndexOfHeadEnd(buffer, filled)) < 0)
                    {
                        if (filled == buffer.Length)
                        {
                            if (buffer.Length >= MaxHeaderBytes)
                            {
                                return;
                            }

                            Array.Resize(ref buffer, buffer.Length * 2);
                        }

                        var read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, stopping.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                    }

                    var request = ParseHead(buffer, headEnd);
                    if (request == null)
                    {
                        await WriteAsync(stream, new SandboxResponse { Status = 400, Reason = "Bad Request", ContentType = "text/plain", Body = Encoding.ASCII.GetBytes("bad request") }, false).ConfigureAwait(false);
                        return;
                    }

                    var bodyStart = headEnd + 4;
                    var length = 0;
                    if (request.Headers.TryGetValue("Content-Length", out var cl) && (!int.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > MaxBodyBytes))
                    {
                        return;
                    }

                    if (request.Headers.TryGetValue("Expect", out var expect) && expect.IndexOf("100-continue", StringComparison.OrdinalIgnoreCase) >= 0 && filled - bodyStart < length)
                    {
                        var cont = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
                        await stream.WriteAsync(cont, 0, cont.Length).ConfigureAwait(false);
                    }

                    if (buffer.Length < bodyStart + length)
                    {
                        Array.Resize(ref buffer, bodyStart + length);
                    }

                    while (filled < bodyStart + length)
                    {
                        var read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, stopping.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                    }

                    request.Body = new byte[length];
                    Buffer.BlockCopy(buffer, bodyStart, request.Body, 0, length);

                    // Keep what follows (a pipelined request) at the front of the buffer.
                    var consumed = bodyStart + length;
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                    filled -= consumed;

                    SandboxResponse response;
                    try
                    {
                        response = await handler(request, stopping.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        response = new SandboxResponse { Status = 500, Reason = "Internal Server Error", ContentType = "text/plain", Body = Encoding.UTF8.GetBytes("sandbox error: " + ex.GetType().Name) };
                    }

                    if (response.Reset)
                    {
                        reset = true;
                        return;
                    }

                    var keepAlive = !(request.Headers.TryGetValue("Connection", out var conn) && conn.Equals("close", StringComparison.OrdinalIgnoreCase))
                        && response.DeclaredLength == null;
                    await WriteAsync(stream, response, keepAlive).ConfigureAwait(false);
                    if (!keepAlive)
                    {
                        return;
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
            catch (OperationCanceledException)
            {
            }
            catch (SocketException)
            {
            }
            finally
            {
                lock (clients)
                {
                    clients.Remove(client);
                }

                try
                {
                    if (reset)
                    {
                        client.Client.LingerState = new LingerOption(true, 0);
                    }

                    client.Close();
                }
                catch (SocketException)
                {
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }

        private static async Task WriteAsync(Stream stream, SandboxResponse response, bool keepAlive)
        {
            try
            {
                var bodyLength = response.BodyLength >= 0 ? response.BodyLength : response.Body.Length;
                var head = new StringBuilder(256);
                head.Append("HTTP/1.1 ").Append(response.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(response.Reason).Append("\r\n");
                head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
                head.Append("Content-Length: ").Append((response.DeclaredLength ?? bodyLength).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
                if (response.RetryAfter != null)
                {
                    head.Append("Retry-After: ").Append(response.RetryAfter).Append("\r\n");
                }

                head.Append("Connection: ").Append(keepAlive ? "keep-alive" : "close").Append("\r\n\r\n");
                var headText = head.ToString();
                if (bodyLength <= SingleWriteBytes)
                {
                    // Head and body in one send: one syscall and one segment, so the client's read sees the whole
                    // answer at once (two writes with NoDelay cost a second send, wake-up and read per request).
                    var length = headText.Length + bodyLength;
                    var whole = ArrayPool<byte>.Shared.Rent(length);
                    try
                    {
                        var headLength = Encoding.ASCII.GetBytes(headText, 0, headText.Length, whole, 0);
                        Buffer.BlockCopy(response.Body, 0, whole, headLength, bodyLength);
                        await stream.WriteAsync(whole, 0, length).ConfigureAwait(false);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(whole);
                    }
                }
                else
                {
                    var headBytes = Encoding.ASCII.GetBytes(headText);
                    await stream.WriteAsync(headBytes, 0, headBytes.Length).ConfigureAwait(false);
                    await stream.WriteAsync(response.Body, 0, bodyLength).ConfigureAwait(false);
                }

                await stream.FlushAsync().ConfigureAwait(false);
            }
            finally
            {
                response.Written?.Invoke();
            }
        }

        private static int IndexOfHeadEnd(byte[] buffer, int filled)
        {
            for (var i = 3; i < filled; i++)
            {
                if (buffer[i] == (byte)'\n' && buffer[i - 1] == (byte)'\r' && buffer[i - 2] == (byte)'\n' && buffer[i - 3] == (byte)'\r')
                {
                    return i - 3;
                }
            }

            return -1;
        }

        private static SandboxRequest ParseHead(byte[] buffer, int headEnd)
        {
            var text = Encoding.ASCII.GetString(buffer, 0, headEnd);
            var lines = text.Split(new[] { "\r\n" }, StringSplitOptions.None);
            var first = lines[0].Split(' ');
            if (first.Length != 3)
            {
                return null;
            }

            var request = new SandboxRequest { Method = first[0] };
            var target = first[1];

            // Absolute-form (RFC 7230 5.3.2), as a client sends to a proxy: the sandbox can stand in for one.
            if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                var slash = target.IndexOf('/', target.IndexOf("//", StringComparison.Ordinal) + 2);
                request.Headers["X-Sandbox-Proxied"] = "true";
                target = slash < 0 ? "/" : target.Substring(slash);
            }
            var q = target.IndexOf('?');
            request.Path = q < 0 ? target : target.Substring(0, q);
            if (q >= 0)
            {
                foreach (var part in target.Substring(q + 1).Split('&'))
                {
                    if (part.Length == 0)
                    {
                        continue;
                    }

                    var eq = part.IndexOf('=');
                    var key = Uri.UnescapeDataString(eq < 0 ? part : part.Substring(0, eq));
                    var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(part.Substring(eq + 1).Replace('+', ' '));
                    request.Query[key] = value;
                }
            }

            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0)
                {
                    request.Headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
                }
            }

            return request;
        }

        public void Dispose()
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            stopping.Cancel();
            try
            {
                listener.Stop();
            }
            catch (SocketException)
            {
            }

            TcpClient[] open;
            lock (clients)
            {
                open = new TcpClient[clients.Count];
                clients.CopyTo(open);
            }

            foreach (var c in open)
            {
                try
                {
                    c.Close();
                }
                catch (Exception)
                {
                }
            }

            try
            {
                acceptLoop.Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
            }
        }
    }
}
