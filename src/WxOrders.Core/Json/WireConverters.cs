using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WxOrders.Json
{
    /// <summary>China Standard Time: every wire time of these APIs is UTC+8 with no daylight saving.</summary>
    internal static class ChinaTime
    {
        public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

        public static DateTimeOffset FromUnixSeconds(long seconds) =>
            DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(Offset);

        /// <summary>Parses "yyyy-MM-dd HH:mm:ss" (the shop API's format) as China time, without allocating.</summary>
        public static bool TryParseWire(ReadOnlySpan<byte> s, out DateTimeOffset value)
        {
            value = default;
            // yyyy-MM-dd HH:mm:ss (19) or yyyy-MM-ddTHH:mm:ss; also yyyy-MM-dd alone.
            if (s.Length != 19 && s.Length != 10)
            {
                return false;
            }

            if (!Digits(s, 0, 4, out var y) || s[4] != (byte)'-' || !Digits(s, 5, 2, out var mo) || s[7] != (byte)'-' || !Digits(s, 8, 2, out var d))
            {
                return false;
            }

            int h = 0, mi = 0, se = 0;
            if (s.Length == 19)
            {
                if ((s[10] != (byte)' ' && s[10] != (byte)'T') || !Digits(s, 11, 2, out h) || s[13] != (byte)':' || !Digits(s, 14, 2, out mi) || s[16] != (byte)':' || !Digits(s, 17, 2, out se))
                {
                    return false;
                }
            }

            if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || se > 59)
            {
                return false;
            }

            value = new DateTimeOffset(y, mo, d, h, mi, se, Offset);
            return true;
        }

        private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
        {
            value = 0;
            for (var i = start; i < start + count; i++)
            {
                var c = s[i] - (byte)'0';
                if ((uint)c > 9)
                {
                    return false;
                }

                value = (value * 10) + c;
            }

            return true;
        }
    }

    internal static class WireReader
    {
        /// <summary>The raw bytes of the current string or number token, unescaped if needed.</summary>
        public static ReadOnlySpan<byte> RawValue(ref Utf8JsonReader reader)
        {
            if (reader.HasValueSequence)
            {
                if (reader.ValueSequence.Length > 256)
                {
                    throw new JsonException("A value is longer than expected.");
                }

                return reader.ValueSequence.ToArray();
            }

            if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
            {
                return Encoding.UTF8.GetBytes(reader.GetString());
            }

            return reader.ValueSpan;
        }

        public static bool IsBlank(ReadOnlySpan<byte> s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] != (byte)' ')
                {
                    return false;
                }
            }

            return true;
        }

        public static JsonException Bad(string what, ref Utf8JsonReader reader) =>
            new JsonException(what + " (token " + reader.TokenType.ToString() + ").");
    }

    /// <summary>
    /// A string that may arrive as a JSON string or a JSON number (ids, codes). A number is kept exactly as written,
    /// so a 19-digit id never passes through a double.
    /// </summary>
    internal sealed class FlexibleStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => true;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    var raw = WireReader.RawValue(ref reader);
                    return Encoding.UTF8.GetString(raw.ToArray());
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                default:
                    throw WireReader.Bad("Expected a string or a number", ref reader);
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            if (value == null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
    }

    /// <summary>
    /// An array of ids that may arrive as JSON strings or numbers (the WeChat Store's order_id_list: strings in the
    /// documents, a number where a client or a notification sends one), each kept exactly as written (see
    /// <see cref="FlexibleStringConverter"/>). A null entry stays null, so the walk counts it instead of reading it.
    /// </summary>
    internal sealed class FlexibleStringListConverter : JsonConverter<List<string>>
    {
        private static readonly FlexibleStringConverter Item = new FlexibleStringConverter();

        public override List<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw WireReader.Bad("Expected an array of ids", ref reader);
            }

            var list = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var id = Item.Read(ref reader, typeof(string), options);
                list.Add(string.IsNullOrEmpty(id) ? null : id);
            }

            return list;
        }

        public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var id in value)
            {
                Item.Write(writer, id, options);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>
    /// An enum carried as a number (or a numeric string). Unknown numbers are kept as the enum's underlying value,
    /// so a status the documents do not list survives and prints as its number.
    /// </summary>
    internal sealed class WireEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            int value;
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (!reader.TryGetInt32(out value))
                {
                    throw WireReader.Bad("An enumeration value is not a 32-bit integer", ref reader);
                }
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                var raw = WireReader.RawValue(ref reader);
                if (!Utf8Parser.TryParse(raw, out value, out var used) || used != raw.Length)
                {
                    throw WireReader.Bad("An enumeration value is not a number", ref reader);
                }
            }
            else
            {
                throw WireReader.Bad("Expected a number for an enumeration", ref reader);
            }

            return Unsafe.As<int, T>(ref value);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            writer.WriteNumberValue(Unsafe.As<T, int>(ref value));
        }
    }

    /// <summary>
    /// A time on the wire: unix seconds (number or numeric string) or "yyyy-MM-dd HH:mm:ss" China time.
    /// 0, "" and null mean "not yet" and read as null. Values come out as DateTimeOffset at +08:00.
    /// </summary>
    internal sealed class WireTimeConverter : JsonConverter<DateTimeOffset?>
    {
        // Unix seconds beyond year 9999 are not a time.
        private const long MaxSeconds = 253402300799;

        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            long seconds;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.Number:
                    if (!reader.TryGetInt64(out seconds))
                    {
                        throw WireReader.Bad("A time is not whole unix seconds", ref reader);
                    }

                    break;
                case JsonTokenType.String:
                    var raw = WireReader.RawValue(ref reader);
                    if (raw.Length == 0 || WireReader.IsBlank(raw))
                    {
                        return null;
                    }

                    if (ChinaTime.TryParseWire(raw, out var parsed))
                    {
                        return parsed;
                    }

                    if (!Utf8Parser.TryParse(raw, out seconds, out var used) || used != raw.Length)
                    {
                        throw WireReader.Bad("A time is neither unix seconds nor yyyy-MM-dd HH:mm:ss", ref reader);
                    }

                    break;
                default:
                    throw WireReader.Bad("Expected a time", ref reader);
            }

            if (seconds == 0)
            {
                return null;
            }

            if (seconds < 0 || seconds > MaxSeconds)
            {
                throw WireReader.Bad("A time is out of range", ref reader);
            }

            return ChinaTime.FromUnixSeconds(seconds);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                writer.WriteNumberValue(value.Value.ToUnixTimeSeconds());
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>
    /// An array of objects that may arrive as a single object instead (Wshoto's order detail documents "data" as
    /// object[] in its table and as one object in its example): an object reads as a one-element array, null as null.
    /// Register it in a context's JsonSourceGenerationOptions.Converters; T must be serializable in that context.
    /// </summary>
    internal sealed class OneOrManyConverter<T> : JsonConverter<T[]>
        where T : class
    {
        public override T[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The item's own converter reads in place: JsonSerializer.Deserialize(ref reader, ...) would first scan
            // the whole value to find its end, then parse it again (measured: about twice the time per order).
            var item = (JsonConverter<T>)options.GetTypeInfo(typeof(T)).Converter;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    return new[] { item.Read(ref reader, typeof(T), options) };
                case JsonTokenType.StartArray:
                    var list = new List<T>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        list.Add(reader.TokenType == JsonTokenType.Null ? null : item.Read(ref reader, typeof(T), options));
                    }

                    return list.ToArray();
                default:
                    throw WireReader.Bad("Expected an object or an array of objects", ref reader);
            }
        }

        public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options)
        {
            var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            writer.WriteStartArray();
            foreach (var v in value)
            {
                JsonSerializer.Serialize(writer, v, item);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>
    /// An amount in yuan written as text: "0.20", "¥0.20" or "￥0.20"; "-" (not settled yet), "" and null read as null.
    /// Parsed exactly as a decimal in the invariant culture, never through a float; a JSON number is read as decimal too.
    /// </summary>
    internal sealed class YuanConverter : JsonConverter<decimal?>
    {
        public override bool HandleNull => true;

        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.Number:
                    if (!reader.TryGetDecimal(out var n))
                    {
                        throw WireReader.Bad("An amount is out of range", ref reader);
                    }

                    return n;
                case JsonTokenType.String:
                    var raw = WireReader.RawValue(ref reader);
                    if (!TryParseYuan(raw, out var amount))
                    {
                        throw WireReader.Bad("An amount is not a number of yuan", ref reader);
                    }

                    return amount;
                default:
                    throw WireReader.Bad("Expected an amount", ref reader);
            }
        }

        /// <summary>True when the text is an amount (value set) or a placeholder for none: "-" or blank (value null).</summary>
        internal static bool TryParseYuan(ReadOnlySpan<byte> raw, out decimal? value)
        {
            value = null;
            var s = Trim(raw);
            if (s.Length == 0 || (s.Length == 1 && s[0] == (byte)'-'))
            {
                return true;
            }

            // Leading yen sign: U+00A5 (C2 A5) or the full-width U+FFE5 (EF BF A5).
            if (s.Length >= 2 && s[0] == 0xC2 && s[1] == 0xA5)
            {
                s = Trim(s.Slice(2));
            }
            else if (s.Length >= 3 && s[0] == 0xEF && s[1] == 0xBF && s[2] == 0xA5)
            {
                s = Trim(s.Slice(3));
            }

            if (s.Length > 0 && Utf8Parser.TryParse(s, out decimal parsed, out var used, 'F') && used == s.Length)
            {
                value = parsed;
                return true;
            }

            return false;
        }

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                writer.WriteStringValue(value.Value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteStringValue("-");
            }
        }

        private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
        {
            var start = 0;
            var end = s.Length;
            while (start < end && s[start] == (byte)' ')
            {
                start++;
            }

            while (end > start && s[end - 1] == (byte)' ')
            {
                end--;
            }

            return s.Slice(start, end - start);
        }
    }
}
