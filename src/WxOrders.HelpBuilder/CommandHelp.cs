using System;
using System.Collections.Generic;
using System.Linq;

namespace WxOrders.HelpBuilder
{
    /// <summary>One cmdlet's help, as read from docs/&lt;Cmdlet&gt;.md.</summary>
    internal sealed class CommandHelp
    {
        public string File { get; set; }

        public string Name { get; set; }

        public string Verb => Name.Substring(0, Name.IndexOf('-'));

        public string Noun => Name.Substring(Name.IndexOf('-') + 1);

        /// <summary>The front matter's "external help file": the MAML file this help goes into.</summary>
        public string ExternalHelpFile { get; set; }

        public string OnlineVersion { get; set; }

        public string Synopsis { get; set; }

        public List<string> Description { get; } = new List<string>();

        public List<SyntaxSet> Sets { get; } = new List<SyntaxSet>();

        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();

        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();

        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();

        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();

        public List<string> Notes { get; } = new List<string>();

        public List<LinkHelp> Links { get; } = new List<LinkHelp>();

        public ParameterHelp FindParameter(string name) =>
            Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A parameter set from "## SYNTAX": its name and its parameters in the order the syntax line shows them.</summary>
    internal sealed class SyntaxSet
    {
        /// <summary>The set's name; __AllParameterSets when SYNTAX names no set.</summary>
        public string Name { get; set; }

        public bool IsDefault { get; set; }

        public int Line { get; set; }

        public List<string> ParameterNames { get; } = new List<string>();
    }

    internal sealed class ParameterHelp
    {
        public string Name { get; set; }

        public int Line { get; set; }

        public List<string> Description { get; } = new List<string>();

        public string Type { get; set; }

        /// <summary>One per yaml block: platyPS writes a block per group of sets whose metadata differ.</summary>
        public List<ParameterSetBlock> Blocks { get; } = new List<ParameterSetBlock>();

        public bool IsSwitch =>
            string.Equals(Type, "SwitchParameter", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(Type, "System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase);

        public ParameterSetBlock BlockFor(string setName) =>
            Blocks.FirstOrDefault(b => b.AllSets || b.Sets.Any(s => string.Equals(s, setName, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>One yaml block of a parameter: the sets it covers and the parameter's metadata in them.</summary>
    internal sealed class ParameterSetBlock
    {
        /// <summary>The line of the ```yaml fence.</summary>
        public int Line { get; set; }

        /// <summary>The line of "Parameter Sets:".</summary>
        public int SetsLine { get; set; }

        public string Type { get; set; }

        /// <summary>"Parameter Sets: (All)".</summary>
        public bool AllSets { get; set; }

        public List<string> Sets { get; } = new List<string>();

        public List<string> Aliases { get; } = new List<string>();

        public List<string> AcceptedValues { get; } = new List<string>();

        public bool Required { get; set; }

        /// <summary>"named" or a zero-based position, as MAML writes it.</summary>
        public string Position { get; set; }

        public string DefaultValue { get; set; }

        /// <summary>"False", "True (ByValue)", "True (ByPropertyName)" or "True (ByValue, ByPropertyName)".</summary>
        public string PipelineInput { get; set; }

        public bool Globbing { get; set; }

        public string SetsText => AllSets ? "(All)" : string.Join(", ", Sets);
    }

    internal sealed class ExampleHelp
    {
        public string Title { get; set; }

        public int Line { get; set; }

        public string Code { get; set; }

        public List<string> Remarks { get; } = new List<string>();
    }

    /// <summary>An input or output type ("### System.String" and the text under it).</summary>
    internal sealed class TypeHelp
    {
        public string Name { get; set; }

        public List<string> Description { get; } = new List<string>();
    }

    internal sealed class LinkHelp
    {
        public string Text { get; set; }

        public string Uri { get; set; }
    }
}
