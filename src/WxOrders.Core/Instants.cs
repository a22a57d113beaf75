using System;
using System.Globalization;

namespace WxOrders
{
    /// <summary>Times as PowerShell passes them, made instants.</summary>
    public static class Instants
    {
        /// <summary>
        /// A DateTime from PowerShell as an instant: Kind Unspecified (Get-Date, [datetime]'2024-05-01') is local time,
        /// Utc stays UTC.
        /// </summary>
        public static DateTimeOffset FromParameter(DateTime time)
        {
            if (time.Kind == DateTimeKind.Unspecified)
            {
                time = DateTime.SpecifyKind(time, DateTimeKind.Local);
            }

            return new DateTimeOffset(time);
        }
    

        /// <summary>The refusal of a window whose end is before its start, naming the two parameters (every search uses it).</summary>
        internal static string ReversedWindow(string endName, DateTimeOffset end, string startName, DateTimeOffset start) =>
            string.Format(
                CultureInfo.InvariantCulture,
                "{0} ({1:yyyy-MM-dd HH:mm:ss zzz}) is before {2} ({3:yyyy-MM-dd HH:mm:ss zzz}). Swap them, or give an {0} after the {2}.",
                endName,
                end,
                startName,
                start);
    }
}
