using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using WxOrders.Http;
using WxOrders.Infrastructure;

namespace WxOrders.Commands
{
    /// <summary>Get-WxOrdersConnection: lists connections (never their secrets or tokens).</summary>
    [Cmdlet(VerbsCommon.Get, "WxOrdersConnection")]
    [OutputType(typeof(Connection))]
    public sealed class GetWxOrdersConnectionCommand : WxOrdersCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string[] Name { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var c in ConnectionSelection.Select(this, Name))
            {
                WriteObject(c.Snapshot());
            }
        }
    }

    /// <summary>Disconnect-WxOrders: closes connections and forgets their tokens.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "WxOrders")]
    public sealed class DisconnectWxOrdersCommand : WxOrdersCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string[] Name { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var c in ConnectionSelection.Select(this, Name))
            {
                WriteVerbose("Disconnecting '" + c.Name + "'.");
                ConnectionRegistry.Remove(c.Name);
            }
        }
    }

    /// <summary>The connections -Name selects (wildcards allowed; all when omitted), shared by Get- and Disconnect-.</summary>
    internal static class ConnectionSelection
    {
        /// <summary>Matches, writing a non-terminating ObjectNotFound error for each literal name without a match.</summary>
        public static IEnumerable<ApiConnection> Select(Cmdlet cmdlet, string[] names)
        {
            var all = ConnectionRegistry.List();
            if (names == null)
            {
                return all;
            }

            var selected = new List<ApiConnection>();
            foreach (var name in names)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = all.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    cmdlet.WriteError(new ErrorRecord(
                        new ItemNotFoundException("There is no WxOrders connection named '" + name + "'. Run Get-WxOrdersConnection to list them, or Connect-WxOrders to make one."),
                        "WxOrders.ConnectionNotFound",
                        ErrorCategory.ObjectNotFound,
                        name));
                }

                selected.AddRange(matches.Where(m => !selected.Contains(m)));
            }

            return selected;
        }
    }
}
