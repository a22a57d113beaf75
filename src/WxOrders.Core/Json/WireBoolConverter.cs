using System;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WxOrders.Json
{
    /// <summary>
    /// A flag that may arrive as a JSON boolean, as the numbers 0/1 (the WeChat Store sends is_free_gift as a number
    /// where its neighbours are booleans, and SDKs disagree on which is which), or as the text of either. Null and ""
    /// read as null; any other number is true, as in the C-style APIs these flags come from.
    /// </summary>
    internal sealed class WireBoolConverter : JsonConverter<bool?>
    {
        public override bool HandleNull => true;

        public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Number:
                    if (!reader.TryGetInt64(out var n))
                    {
                        throw WireReader.Bad("A flag is not 0 or 1", ref reader);
                    }

                    return n != 0;
                case JsonTokenType.String:
                    var raw = WireReader.RawValue(ref reader);
                    if (raw.Length == 0 || WireReader.IsBlank(raw))
                    {
                        return null;
                    }

                    if (Utf8Parser.TryParse(raw, out bool b, out var usedBool) && usedBool == raw.Length)
                    {
                        return b;
                    }

                    if (Utf8Parser.TryParse(raw, out long number, out var usedNumber) && usedNumber == raw.Length)
                    {
                        return number != 0;
                    }

                    throw WireReader.Bad("A flag is neither true/false nor a number", ref reader);
                default:
                    throw WireReader.Bad("Expected a flag", ref reader);
            }
        }

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                writer.WriteBooleanValue(value.Value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
