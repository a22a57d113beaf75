using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace WxOrders.Benchmarks
{
    internal static class Machine
    {
        public static string Describe()
        {
            return "Date: " + DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)
                + ". Machine: " + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " cores"
                + (Cpu() is string cpu ? " (" + cpu + ")" : string.Empty)
                + ", " + RuntimeInformation.OSDescription.Trim()
                + ", " + RuntimeInformation.FrameworkDescription
                + ", PowerShell engine " + typeof(System.Management.Automation.PowerShell).Assembly.GetName().Version + ".";
        }

        private static string Cpu()
        {
            try
            {
                if (File.Exists("/proc/cpuinfo"))
                {
                    var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                    if (line != null)
                    {
                        return line.Substring(line.IndexOf(':') + 1).Trim();
                    }
                }
            }
            catch (IOException)
            {
            }

            return null;
        }
    }
}
