using System;
using System.Collections.Generic;
using System.Reflection;

namespace WxOrders.Json
{
    /// <summary>The text an enum member has on the wire, such as "SETTLEMENT_PENDING".</summary>
    [AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
    internal sealed class WireNameAttribute : Attribute
    {
        public WireNameAttribute(string name)
        {
            Name = name;
        }

        public string Name { get; }
    }

    /// <summary>
    /// Maps an enum carried as text to and from its wire names ([WireName] on each member). Text the enum does not
    /// list reads as the enum's 0 member (by convention Unknown), so a model keeps the raw wire text in a string
    /// property and exposes the enum computed from it (see UnionProduct.CommissionStatus): unknown values survive.
    /// Matching is exact first, then case-insensitive.
    /// </summary>
    internal static class WireNames<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName = new Dictionary<string, T>(StringComparer.Ordinal);
        private static readonly Dictionary<string, T> ByNameIgnoreCase = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        private static readonly Dictionary<T, string> ByValue = new Dictionary<T, string>();

        static WireNames()
        {
            foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var attribute = field.GetCustomAttribute<WireNameAttribute>();
                if (attribute == null)
                {
                    continue;
                }

                var value = (T)field.GetValue(null);
                ByName[attribute.Name] = value;
                if (!ByNameIgnoreCase.ContainsKey(attribute.Name))
                {
                    ByNameIgnoreCase[attribute.Name] = value;
                }

                if (!ByValue.ContainsKey(value))
                {
                    ByValue[value] = attribute.Name;
                }
            }
        }

        /// <summary>The member for a wire name; false (and default) for null or a name the enum does not list.</summary>
        public static bool TryParse(string wire, out T value)
        {
            value = default;
            if (wire == null)
            {
                return false;
            }

            return ByName.TryGetValue(wire, out value) || ByNameIgnoreCase.TryGetValue(wire.Trim(), out value);
        }

        /// <summary>The member for a wire name, or the 0 member (Unknown) for anything else.</summary>
        public static T Parse(string wire) => TryParse(wire, out var value) ? value : default;

        /// <summary>The wire name of a member; null for a member without one.</summary>
        public static string ToWire(T value) => ByValue.TryGetValue(value, out var name) ? name : null;
    }
}
