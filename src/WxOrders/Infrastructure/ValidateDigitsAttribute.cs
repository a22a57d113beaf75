using System.Globalization;
using System.Management.Automation;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// Refuses, at binding time, strings (and elements of a string array) that are not made of the digits 0-9 once
    /// surrounding whitespace is trimmed. Null and blank values pass: pair it with <see cref="ValidateNotBlankAttribute"/>.
    /// For ids an API knows only as digits, where one malformed id would make it refuse a whole batch.
    /// </summary>
    public sealed class ValidateDigitsAttribute : ValidateArgumentsAttribute
    {
        private const int MaxShown = 60;

        /// <summary>What the value should look like and where to look for the mistake (appended to the message).</summary>
        public string Hint { get; set; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            StringArguments.Each(arguments, Check);
        }

        private void Check(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            var trimmed = value.Trim();
            foreach (var c in trimmed)
            {
                if (c < '0' || c > '9')
                {
                    var shown = trimmed.Length > MaxShown ? trimmed.Substring(0, MaxShown) + "..." : trimmed;
                    throw new ValidationMetadataException(string.Format(
                        CultureInfo.InvariantCulture,
                        "'{0}' is not made of digits 0-9, so it cannot be an id here.{1}",
                        shown,
                        string.IsNullOrEmpty(Hint) ? string.Empty : " " + Hint));
                }
            }
        }
    }
}
