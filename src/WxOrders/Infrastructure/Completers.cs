using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using WxOrders.Http;

namespace WxOrders.Infrastructure
{
    /// <summary>Completes -Connection (and Get/Disconnect -Name) with the names of live connections.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var c in ConnectionRegistry.List())
            {
                if (c.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var text = c.Name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';' }) >= 0 ? "'" + c.Name.Replace("'", "''") + "'" : c.Name;
                    yield return new CompletionResult(text, c.Name, CompletionResultType.ParameterValue, c.Platform + " connection " + c.Name + " (" + c.BaseUri + ")");
                }
            }
        }
    }
}
