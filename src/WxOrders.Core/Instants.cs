using System;

namespace WxOrders
{
    /// <summary>Times as PowerShell passes them, made instants.</summary>
    internal static class Instants
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
    }
}
