using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WxOrders.Tests
{
    internal static class TestJson
    {
        public static string DataPath(string name) => Path.Combine(System.AppContext.BaseDirectory, "Data", name);

        public static T Parse<T>(string json, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), type);

        public static T ParseFile<T>(string name, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(File.ReadAllBytes(DataPath(name)), type);
    }
}
