using System.Collections;
using System.Management.Automation;

namespace WxOrders.Infrastructure
{
    /// <summary>User-Agent: WxOrders/&lt;module version&gt; PowerShell/&lt;engine version&gt; (&lt;edition&gt;).</summary>
    internal static class UserAgent
    {
        public static string For(PSCmdlet cmdlet)
        {
            var module = typeof(UserAgent).Assembly.GetName().Version;
            var ps = "unknown";
            var edition = "Desktop";
            if (cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") is Hashtable table)
            {
                ps = table["PSVersion"]?.ToString() ?? ps;
                edition = table["PSEdition"]?.ToString() ?? edition;
            }

            return "WxOrders/" + module.ToString(3) + " PowerShell/" + ps + " (" + edition + ")";
        }
    }
}
