using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Numerics;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// For a parameter that takes pipeline input both by value and by property name: when the argument is an object
    /// (not a string or a number) with one of the named properties, binds that property's value instead, and writes
    /// whole numbers as invariant text. Without it, PowerShell binds such an object by value with coercion, as the text
    /// of the whole object (for example "@{order_sn=1723051502104450002}"), before it tries the property by name with
    /// coercion, which a property holding a number (as ConvertFrom-Json gives for a numeric id) would need.
    /// </summary>
    public sealed class FromPropertyAttribute : ArgumentTransformationAttribute
    {
        private readonly string[] names;

        public FromPropertyAttribute(params string[] names)
        {
            this.names = names ?? new string[0];
        }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is IList list && !(value is string))
            {
                var result = new object[list.Count];
                for (var i = 0; i < list.Count; i++)
                {
                    result[i] = One(list[i]);
                }

                return result;
            }

            return One(inputData);
        }

        private object One(object item)
        {
            var wrapped = item as PSObject;
            var value = wrapped != null ? wrapped.BaseObject : item;
            if (value == null || value is string)
            {
                return item;
            }

            if (IsNumber(value))
            {
                return Whole(value) ?? item;
            }

            wrapped = wrapped ?? PSObject.AsPSObject(item);
            foreach (var name in names)
            {
                var property = wrapped.Properties[name];
                if (property == null)
                {
                    continue;
                }

                object found;
                try
                {
                    found = property.Value;
                }
                catch (GetValueException)
                {
                    continue;
                }

                var inner = found is PSObject p ? p.BaseObject : found;
                return IsNumber(inner) ? (Whole(inner) ?? found) : found;
            }

            return item;
        }

        private static bool IsNumber(object value) =>
            value is long || value is int || value is ulong || value is uint || value is short || value is ushort ||
            value is byte || value is sbyte || value is decimal || value is BigInteger || value is double || value is float;

        /// <summary>Whole numbers as invariant text; null for a fraction or a floating-point value (left to PowerShell).</summary>
        private static string Whole(object value)
        {
            switch (value)
            {
                case decimal d when d == decimal.Truncate(d):
                    return decimal.Truncate(d).ToString(CultureInfo.InvariantCulture);
                case BigInteger b:
                    return b.ToString(CultureInfo.InvariantCulture);
                case double _:
                case float _:
                case decimal _:
                    return null;
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }
    }
}
