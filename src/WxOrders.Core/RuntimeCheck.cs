using System;
using System.Runtime.InteropServices;

namespace WxOrders
{
    /// <summary>
    /// The one place that asks which runtime WxOrders runs on. The module's dependency resolver asks it at import, so
    /// it touches nothing but <see cref="RuntimeInformation"/>: no System.Text.Json, no HTTP.
    /// </summary>
    public static class RuntimeCheck
    {
        /// <summary>True on the .NET Framework (Windows PowerShell 5.1), false on .NET (PowerShell 7).</summary>
        public static readonly bool IsNetFramework = IsNetFrameworkDescription(RuntimeInformation.FrameworkDescription);

        /// <summary>Whether a <see cref="RuntimeInformation.FrameworkDescription"/> names the .NET Framework.</summary>
        internal static bool IsNetFrameworkDescription(string frameworkDescription) =>
            frameworkDescription != null && frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
    }
}
