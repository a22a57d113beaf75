using System;
using System.Buffers;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>
    /// Turns a successful response's body into <typeparamref name="T"/>: sniffs the first byte that is not whitespace
    /// (is it JSON at all?), reads the body into a pooled buffer and parses it from memory, or, for a body larger than
    /// <see cref="MaxBufferedBody"/>, parses it from the stream. Every failure is a <see cref="WxApiException"/>
    /// (InvalidData or NonJson); I/O and cancellation exceptions pass through for the transport to map.
    /// </summary>
    internal sealed class ResponseReader
    {
        /// <summary>
        /// Bodies up to this size are read whole and parsed from memory, about twice as fast as the serializer's
        /// resumable stream path; a larger body is parsed from the stream, so memory stays bounded.
        /// </summary>
        internal const int MaxBufferedBody = 8 * 1024 * 1024;

        private readonly WxPlatform platform;
        private readonly Redactor redactor;

        public ResponseReader(WxPlatform platform, Redactor redactor)
        {
            this.platform = platform;
            this.redactor = redactor;
        }

        /// <param name="path">The request's path, for messages.</param>
        public async Task<T> ReadAsync<T>(string path, HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
            where T : class
        {
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            var declared = content.Headers.ContentLength;
            var buffer = ArrayPool<byte>.Shared.Rent(declared.HasValue && declared.Value > 0 && declared.Value < MaxBufferedBody ? (int)declared.Value + 1 : 16 * 1024);
            var filled = 0;
            try
            {
                // Up to the first byte that is not whitespace: is this JSON at all?
                var first = -1;
                while (first < 0)
                {
                    if (filled == buffer.Length)
                    {
                        filled = 0; // all whitespace so far: drop it
                    }

                    var read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    for (var i = filled; i < filled + read; i++)
                    {
                        var b = buffer[i];
                        if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                        {
                            first = i;
                            break;
                        }
                    }

                    filled += read;
                }

                if (first < 0)
                {
                    throw ErrorCatalog.InvalidData(platform, path, "the response body is empty");
                }

                var c = buffer[first];
                var mediaType = content.Headers.ContentType?.MediaType ?? string.Empty;
                var looksJson = c == (byte)'{' || c == (byte)'[' || c == (byte)'"' || c == (byte)'-' || (c >= (byte)'0' && c <= (byte)'9') || c == (byte)'n' || c == (byte)'t' || c == (byte)'f';
                if (!looksJson || mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw ErrorCatalog.NonJson(platform, path, string.IsNullOrEmpty(mediaType) ? "a body starting with '" + (char)c + "'" : mediaType);
                }

                // The rest of the body, into memory while it is not too large (then the rest streams).
                var complete = false;
                while (filled - first < MaxBufferedBody)
                {
                    if (filled == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxBufferedBody, 2 * (filled - first)) + 1);
                        Buffer.BlockCopy(buffer, first, larger, 0, filled - first);
                        Return(buffer, filled);
                        buffer = larger;
                        filled -= first;
                        first = 0;
                    }

                    var room = Math.Min(buffer.Length - filled, first + MaxBufferedBody - filled);
                    var read = await stream.ReadAsync(buffer, filled, room, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        complete = true;
                        break;
                    }

                    filled += read;
                }

                T result;
                try
                {
                    if (complete)
                    {
                        result = JsonSerializer.Deserialize(new ReadOnlySpan<byte>(buffer, first, filled - first), typeInfo);
                    }
                    else
                    {
                        using (var body = new PrefixedStream(buffer, first, filled - first, stream))
                        {
                            result = await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
                catch (JsonException ex)
                {
                    throw ErrorCatalog.InvalidData(platform, path, redactor.Describe(ex));
                }
                catch (Exception ex) when (!(ex is ObjectDisposedException) && (ex is FormatException || ex is OverflowException || ex is InvalidOperationException || ex is ArgumentException || ex is DecoderFallbackException))
                {
                    throw ErrorCatalog.InvalidData(platform, path, ex.GetType().Name + ": " + ex.Message);
                }

                if (result == null)
                {
                    throw ErrorCatalog.InvalidData(platform, path, "the response is JSON null");
                }

                return result;
            }
            finally
            {
                Return(buffer, filled);
            }
        }

        /// <summary>Back to the pool, cleared first: a body may hold an access token.</summary>
        private static void Return(byte[] buffer, int used)
        {
            Array.Clear(buffer, 0, Math.Min(used, buffer.Length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
