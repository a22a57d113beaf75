using System.Globalization;
using System.Management.Automation;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// Refuses, at binding time, an order id of zero: 0 as a number, and a string (or an element of a string array)
    /// made only of zeros once surrounding whitespace is trimmed. No order of these APIs has id 0, and PowerShell
    /// converts an empty string (<c>-OrderId ''</c>, an empty CSV cell) to 0 for a UInt64 parameter, so without this
    /// an empty value becomes a request for order 0 whose "not found" says nothing about the empty cell behind it.
    /// Null and blank strings pass: pair it with <see cref="ValidateNotBlankAttribute"/>.
    /// </summary>
    public sealed class ValidateNonZeroIdAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject ps ? ps.BaseObject : arguments;
            if (value is ulong number)
            {
                if (number == 0)
                {
                    throw new ValidationMetadataException(
                        "0 is not an order id: no order has id 0. An empty value ('' or an empty CSV cell) also arrives as 0 for this UInt64 parameter; check which column or property holds the id.");
                }

                return;
            }

            StringArguments.Each(value, Check);
        }

        private static void Check(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            var trimmed = value.Trim();
            if (trimmed.TrimStart('0').Length == 0)
            {
                throw new ValidationMetadataException(string.Format(
                    CultureInfo.InvariantCulture,
                    "'{0}' is not an order id: no order has id 0. Check which column or property holds the id.",
                    trimmed.Length > 20 ? trimmed.Substring(0, 20) + "..." : trimmed));
            }
        }
    }
}
