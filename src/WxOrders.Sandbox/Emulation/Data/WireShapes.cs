using System.Text.Json;

namespace WxOrders.Emulation.Data
{
    /// <summary>Field shapes real responses vary between, shared by the order writers.</summary>
    internal static class WireShapes
    {
        /// <summary>Writes a string property, or null, or leaves it out, as real responses do now and then.</summary>
        /// <param name="shape">0 present, 1 null, 2 absent.</param>
        public static void WriteOptionalString(Utf8JsonWriter w, string name, string value, int shape)
        {
            if (shape == 2)
            {
                return;
            }

            if (shape == 1 || value == null)
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteString(name, value);
            }
        }
    }
}
