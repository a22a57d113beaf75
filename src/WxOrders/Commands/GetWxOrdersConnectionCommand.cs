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
            var all = ConnectionRegistry.List();
            if (Name == null)
            {
                foreach (var c in all)
                {
                    WriteObject(c.Snapshot());
                }

                return;
            }

            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = all.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(new ErrorRecord(
                        new ItemNotFoundException("There is no WxOrders connection named '" + name + "'. Run Get-WxOrdersConnection to list them, or Connect-WxOrders to make one."),
                        "WxOrders.ConnectionNotFound",
                        ErrorCategory.ObjectNotFound,
                        name));
                }

                foreach (var c in matches)
                {
                    WriteObject(c.Snapshot());
                }
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
            var all = ConnectionRegistry.List();
            if (Name == null)
            {
                foreach (var c in all)
                {
                    WriteVerbose("Disconnecting '" + c.Name + "'.");
                    ConnectionRegistry.Remove(c.Name);
                }

                return;
            }

            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = all.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(new ErrorRecord(
                        new ItemNotFoundException("There is no WxOrders connection named '" + name + "'. Run Get-WxOrdersConnection to list them."),
                        "WxOrders.ConnectionNotFound",
                        ErrorCategory.ObjectNotFound,
                        name));
                }

                foreach (var c in matches)
                {
                    WriteVerbose("Disconnecting '" + c.Name + "'.");
                    ConnectionRegistry.Remove(c.Name);
                }
            }
        }
    }
}
