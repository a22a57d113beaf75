using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WxOrders.Checkpoints
{
    /// <summary>One order version a run wrote: the de-duplication key (id, version) and the time the source filters on.</summary>
    internal readonly struct SeenOrder
    {
        public SeenOrder(string orderId, DateTimeOffset version, DateTimeOffset windowTime)
        {
            OrderId = orderId;
            Version = version.ToUniversalTime();
            WindowTime = windowTime.ToUniversalTime();
        }

        public string OrderId { get; }

        /// <summary>The order's update time: with the id, what identifies a repeat.</summary>
        public DateTimeOffset Version { get; }

        /// <summary>The time the source's window applies to (shop: creation; union, Wshoto, Channels: update). Pruning uses it.</summary>
        public DateTimeOffset WindowTime { get; }
    }

    internal sealed class CommittedState
    {
        public DateTimeOffset? End { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public Guid? RunId { get; set; }
        public List<SeenOrder> Seen { get; set; } = new List<SeenOrder>();
    }

    internal sealed class PendingRun
    {
        public Guid RunId { get; set; }
        public DateTimeOffset Start { get; set; }
        public DateTimeOffset End { get; set; }
        public DateTimeOffset StartedAt { get; set; }
        public DateTimeOffset? RecordedAt { get; set; }
        public bool Complete { get; set; }
        public int? Written { get; set; }
        public int? Repeats { get; set; }
        public string Reason { get; set; }
        public List<SeenOrder> Seen { get; set; }

        public CheckpointPendingState State =>
            RecordedAt == null ? CheckpointPendingState.Running : Complete ? CheckpointPendingState.Complete : CheckpointPendingState.Incomplete;
    }

    /// <summary>The content of a checkpoint file.</summary>
    internal sealed class CheckpointData
    {
        public const int CurrentFormat = 1;

        public CheckpointSource Source { get; set; }
        public string AppId { get; set; }
        public string Filter { get; set; }
        public DateTimeOffset Since { get; set; }
        public CommittedState Committed { get; set; } = new CommittedState();
        public PendingRun Pending { get; set; }
    }

    /// <summary>
    /// Reads and writes checkpoint files. The file is UTF-8 JSON without a BOM:
    /// <c>{"wxOrdersCheckpoint":1,"sha256":"…","content":{…}}</c>, where sha256 is the SHA-256 of the content's bytes
    /// exactly as they stand in the file, so a truncated file and a hand edit are both refused (never a silent
    /// restart). Writes go to a temporary file in the same folder, flushed to disk, then replace the old file in one
    /// rename: whatever instant a process dies, the file holds the old content or the new one.
    /// </summary>
    internal static class CheckpointFile
    {
        internal const string TempSuffix = ".tmp";
        private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
        private const string FineTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

        /// <summary>Reads and verifies a file; null when it does not exist.</summary>
        public static CheckpointData TryRead(string path, out long size)
        {
            byte[] bytes;
            size = 0;
            try
            {
                // Shared for read, write and delete: a reader must never stop a writer's replace (Windows).
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    if (stream.Length > 64L * 1024 * 1024)
                    {
                        throw CheckpointException.Corrupt(path, "it is " + stream.Length.ToString(CultureInfo.InvariantCulture) + " bytes long, far more than a checkpoint ever holds");
                    }

                    bytes = new byte[stream.Length];
                    var read = 0;
                    while (read < bytes.Length)
                    {
                        var n = stream.Read(bytes, read, bytes.Length - read);
                        if (n == 0)
                        {
                            break;
                        }

                        read += n;
                    }

                    if (read != bytes.Length)
                    {
                        Array.Resize(ref bytes, read);
                    }
                }
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (DirectoryNotFoundException)
            {
                return null;
            }
            catch (IOException ex)
            {
                throw FileError(path, "could not be read", ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw FileError(path, "could not be read", ex);
            }

            size = bytes.Length;
            return Parse(path, bytes);
        }

        internal static CheckpointData Parse(string path, byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                throw CheckpointException.Corrupt(path, "the file is empty");
            }

            try
            {
                using (var doc = JsonDocument.Parse(bytes))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("wxOrdersCheckpoint", out var format) || format.ValueKind != JsonValueKind.Number)
                    {
                        throw CheckpointException.Corrupt(path, "it is not a WxOrders checkpoint: the wxOrdersCheckpoint format number is missing");
                    }

                    if (!format.TryGetInt32(out var version) || version != CheckpointData.CurrentFormat)
                    {
                        throw new CheckpointException(
                            CheckpointException.FileErrorId,
                            WxErrorCategory.InvalidData,
                            path,
                            "The checkpoint file '" + path + "' has format " + format.GetRawText() + "; this WxOrders reads format " +
                            CheckpointData.CurrentFormat.ToString(CultureInfo.InvariantCulture) + ". Use the WxOrders version that wrote it. Nothing was requested.");
                    }

                    if (!root.TryGetProperty("sha256", out var hash) || hash.ValueKind != JsonValueKind.String ||
                        !root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
                    {
                        throw CheckpointException.Corrupt(path, "the sha256 or the content is missing");
                    }

                    var actual = Sha256Hex(Encoding.UTF8.GetBytes(content.GetRawText()));
                    if (!string.Equals(actual, hash.GetString(), StringComparison.OrdinalIgnoreCase))
                    {
                        throw CheckpointException.Corrupt(path, "its content does not match its SHA-256");
                    }

                    return ReadContent(content);
                }
            }
            catch (JsonException ex)
            {
                throw CheckpointException.Corrupt(path, "it is not complete JSON: " + ex.Message.Split('.')[0], ex);
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidOperationException || ex is KeyNotFoundException || ex is OverflowException)
            {
                throw CheckpointException.Corrupt(path, "a value has the wrong form", ex);
            }
        }

        /// <summary>Writes the file atomically (temporary file in the same folder, flushed, then renamed over the old one).</summary>
        public static void Write(string path, CheckpointData data)
        {
            var bytes = Serialize(data);
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            var temp = Path.Combine(directory, Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + TempSuffix);
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    // Flush(true) reaches the disk (FlushFileBuffers / fsync), so the rename never publishes a file
                    // whose blocks are still only in the cache.
                    stream.Flush(true);
                }

                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        if (File.Exists(path))
                        {
                            // Same volume, one rename. .NET Framework's File.Replace needs an existing destination, hence the test.
                            File.Replace(temp, path, null, ignoreMetadataErrors: true);
                        }
                        else
                        {
                            File.Move(temp, path);
                        }

                        break;
                    }
                    catch (IOException) when (attempt < 4)
                    {
                        // Windows: a virus scanner or indexer may have the old file open for a moment without
                        // sharing delete; the rename succeeds once it lets go.
                        System.Threading.Thread.Sleep(50 * attempt);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                TryDelete(temp);
                throw FileError(path, "could not be written", ex);
            }
        }

        /// <summary>Deletes temporary files a killed writer left beside the checkpoint (called under the lock).</summary>
        public static void DeleteLeftovers(string path)
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full);
            if (!Directory.Exists(directory))
            {
                return;
            }

            foreach (var leftover in Directory.GetFiles(directory, Path.GetFileName(full) + ".*" + TempSuffix))
            {
                TryDelete(leftover);
            }
        }

        internal static byte[] Serialize(CheckpointData data)
        {
            byte[] content;
            using (var buffer = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(buffer))
                {
                    w.WriteStartObject();
                    w.WriteString("source", data.Source.ToString());
                    w.WriteString("appId", data.AppId ?? string.Empty);
                    w.WriteString("filter", data.Filter ?? string.Empty);
                    w.WriteString("since", Format(data.Since));
                    w.WriteStartObject("committed");
                    WriteTime(w, "end", data.Committed.End);
                    WriteTime(w, "completedAt", data.Committed.CompletedAt);
                    WriteGuid(w, "runId", data.Committed.RunId);
                    WriteSeen(w, data.Committed.Seen);
                    w.WriteEndObject();
                    if (data.Pending == null)
                    {
                        w.WriteNull("pending");
                    }
                    else
                    {
                        var p = data.Pending;
                        w.WriteStartObject("pending");
                        WriteGuid(w, "runId", p.RunId);
                        WriteTime(w, "start", p.Start);
                        WriteTime(w, "end", p.End);
                        WriteTime(w, "startedAt", p.StartedAt);
                        WriteTime(w, "recordedAt", p.RecordedAt);
                        w.WriteBoolean("complete", p.Complete);
                        WriteInt(w, "written", p.Written);
                        WriteInt(w, "repeats", p.Repeats);
                        if (p.Reason == null)
                        {
                            w.WriteNull("reason");
                        }
                        else
                        {
                            w.WriteString("reason", p.Reason);
                        }

                        if (p.Seen == null)
                        {
                            w.WriteNull("seen");
                        }
                        else
                        {
                            WriteSeen(w, p.Seen);
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                content = buffer.ToArray();
            }

            using (var file = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(file))
                {
                    w.WriteStartObject();
                    w.WriteNumber("wxOrdersCheckpoint", CheckpointData.CurrentFormat);
                    w.WriteString("sha256", Sha256Hex(content));
                    w.WritePropertyName("content");
                    w.WriteRawValue(content, skipInputValidation: true);
                    w.WriteEndObject();
                }

                file.WriteByte((byte)'\n');
                return file.ToArray();
            }
        }

        private static CheckpointData ReadContent(JsonElement c)
        {
            var data = new CheckpointData
            {
                Source = (CheckpointSource)Enum.Parse(typeof(CheckpointSource), c.GetProperty("source").GetString(), ignoreCase: false),
                AppId = c.GetProperty("appId").GetString(),
                Filter = c.GetProperty("filter").GetString(),
                Since = ParseTime(c.GetProperty("since")).Value,
            };
            if (!Enum.IsDefined(typeof(CheckpointSource), data.Source))
            {
                throw new FormatException("source");
            }

            var committed = c.GetProperty("committed");
            data.Committed = new CommittedState
            {
                End = ParseTime(committed.GetProperty("end")),
                CompletedAt = ParseTime(committed.GetProperty("completedAt")),
                RunId = ParseGuid(committed.GetProperty("runId")),
                Seen = ReadSeen(committed.GetProperty("seen")),
            };

            var pending = c.GetProperty("pending");
            if (pending.ValueKind != JsonValueKind.Null)
            {
                data.Pending = new PendingRun
                {
                    RunId = ParseGuid(pending.GetProperty("runId")).Value,
                    Start = ParseTime(pending.GetProperty("start")).Value,
                    End = ParseTime(pending.GetProperty("end")).Value,
                    StartedAt = ParseTime(pending.GetProperty("startedAt")).Value,
                    RecordedAt = ParseTime(pending.GetProperty("recordedAt")),
                    Complete = pending.GetProperty("complete").GetBoolean(),
                    Written = ParseInt(pending.GetProperty("written")),
                    Repeats = ParseInt(pending.GetProperty("repeats")),
                    Reason = pending.GetProperty("reason").ValueKind == JsonValueKind.Null ? null : pending.GetProperty("reason").GetString(),
                    Seen = pending.GetProperty("seen").ValueKind == JsonValueKind.Null ? null : ReadSeen(pending.GetProperty("seen")),
                };
            }

            return data;
        }

        // Each entry is [orderId, version] when the window time is the version (union, Wshoto, Channels) and
        // [orderId, version, windowTime] when it differs (shop: creation time): a third smaller file at no cost.
        private static void WriteSeen(Utf8JsonWriter w, List<SeenOrder> seen)
        {
            w.WriteStartArray("seen");
            foreach (var s in seen)
            {
                w.WriteStartArray();
                w.WriteStringValue(s.OrderId);
                w.WriteStringValue(Format(s.Version));
                if (s.WindowTime != s.Version)
                {
                    w.WriteStringValue(Format(s.WindowTime));
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        private static List<SeenOrder> ReadSeen(JsonElement array)
        {
            var list = new List<SeenOrder>(array.GetArrayLength());
            foreach (var e in array.EnumerateArray())
            {
                var n = e.GetArrayLength();
                if (n != 2 && n != 3)
                {
                    throw new FormatException("seen entry");
                }

                var id = e[0].GetString();
                if (string.IsNullOrEmpty(id))
                {
                    throw new FormatException("order id");
                }

                var version = ParseTime(e[1]).Value;
                list.Add(new SeenOrder(id, version, n == 3 ? ParseTime(e[2]).Value : version));
            }

            return list;
        }

        internal static string Format(DateTimeOffset value)
        {
            var utc = value.UtcDateTime;
            return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? TimeFormat : FineTimeFormat, CultureInfo.InvariantCulture);
        }

        private static DateTimeOffset? ParseTime(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var text = e.GetString();
            var utc = DateTime.ParseExact(text, new[] { TimeFormat, FineTimeFormat }, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        }

        private static Guid? ParseGuid(JsonElement e) => e.ValueKind == JsonValueKind.Null ? (Guid?)null : Guid.ParseExact(e.GetString(), "D");

        private static int? ParseInt(JsonElement e) => e.ValueKind == JsonValueKind.Null ? (int?)null : e.GetInt32();

        private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
        {
            if (value.HasValue)
            {
                w.WriteString(name, Format(value.Value));
            }
            else
            {
                w.WriteNull(name);
            }
        }

        private static void WriteGuid(Utf8JsonWriter w, string name, Guid? value)
        {
            if (value.HasValue)
            {
                w.WriteString(name, value.Value.ToString("D"));
            }
            else
            {
                w.WriteNull(name);
            }
        }

        private static void WriteInt(Utf8JsonWriter w, string name, int? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(name, value.Value);
            }
            else
            {
                w.WriteNull(name);
            }
        }

        private static string Sha256Hex(byte[] bytes)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(bytes);
                var sb = new StringBuilder(hash.Length * 2);
                foreach (var b in hash)
                {
                    sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                return sb.ToString();
            }
        }

        internal static CheckpointException FileError(string path, string what, Exception ex) => new CheckpointException(
            CheckpointException.FileErrorId,
            WxErrorCategory.ResourceUnavailable,
            path,
            "The checkpoint file '" + path + "' " + what + " (" + ex.GetType().Name + ": " + ex.Message + "). Check that the folder exists and that this account may write to it, then run the command again.",
            ex);

        private static void TryDelete(string file)
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
