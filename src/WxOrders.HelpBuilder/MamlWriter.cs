using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace WxOrders.HelpBuilder
{
    /// <summary>
    /// Writes cmdlet help as MAML, the XML both Windows PowerShell 5.1 and PowerShell 7 read for binary cmdlets:
    /// helpItems/command:command with details, description, syntax, parameters, inputTypes, returnValues, alertSet,
    /// examples and relatedLinks (the elements and attributes platyPS writes).
    /// </summary>
    internal static class MamlWriter
    {
        public const string MshNs = "http://msh";
        public const string MamlNs = "http://schemas.microsoft.com/maml/2004/10";
        public const string CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public const string DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";
        public const string MsHelpNs = "http://msdn.microsoft.com/mshelp";

        public static string Write(IEnumerable<CommandHelp> commands)
        {
            var settings = new XmlWriterSettings
            {
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                Encoding = new UTF8Encoding(false),
                OmitXmlDeclaration = false,
            };

            using var stream = new MemoryStream();
            using (var w = XmlWriter.Create(stream, settings))
            {
                w.WriteStartDocument();
                w.WriteStartElement("helpItems", MshNs);
                w.WriteAttributeString("schema", "maml");
                foreach (var command in commands.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
                {
                    WriteCommand(w, command);
                }

                w.WriteEndElement();
                w.WriteEndDocument();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void WriteCommand(XmlWriter w, CommandHelp c)
        {
            w.WriteStartElement("command", "command", CommandNs);
            w.WriteAttributeString("xmlns", "maml", null, MamlNs);
            w.WriteAttributeString("xmlns", "command", null, CommandNs);
            w.WriteAttributeString("xmlns", "dev", null, DevNs);
            w.WriteAttributeString("xmlns", "MSHelp", null, MsHelpNs);

            w.WriteStartElement("command", "details", CommandNs);
            w.WriteElementString("command", "name", CommandNs, c.Name);
            w.WriteElementString("command", "verb", CommandNs, c.Verb);
            w.WriteElementString("command", "noun", CommandNs, c.Noun);
            Description(w, new[] { c.Synopsis });
            w.WriteEndElement();

            Description(w, c.Description);

            w.WriteStartElement("command", "syntax", CommandNs);
            foreach (var set in c.Sets)
            {
                w.WriteStartElement("command", "syntaxItem", CommandNs);
                w.WriteElementString("maml", "name", MamlNs, c.Name);
                foreach (var name in set.ParameterNames)
                {
                    var p = c.FindParameter(name);
                    var block = p.BlockFor(set.Name);
                    Parameter(w, p, block.Required ? "true" : "false", block.Position, block.PipelineInput, block.Globbing, block.Aliases, block.AcceptedValues, block.DefaultValue, inSyntax: true);
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();

            w.WriteStartElement("command", "parameters", CommandNs);
            foreach (var p in c.Parameters)
            {
                var blocks = p.Blocks;
                Parameter(
                    w,
                    p,
                    // PowerShell reads "required" as a boolean: true when some set requires it (SYNTAX shows which).
                    blocks.Any(b => b.Required) ? "true" : "false",
                    PerSet(blocks, b => b.Position),
                    PerSet(blocks, b => b.PipelineInput),
                    blocks.Any(b => b.Globbing),
                    blocks.SelectMany(b => b.Aliases).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    blocks.SelectMany(b => b.AcceptedValues).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    blocks[0].DefaultValue,
                    inSyntax: false);
            }

            w.WriteEndElement();

            TypeList(w, "inputTypes", "inputType", c.Inputs);
            TypeList(w, "returnValues", "returnValue", c.Outputs);

            if (c.Notes.Count > 0)
            {
                w.WriteStartElement("maml", "alertSet", MamlNs);
                w.WriteStartElement("maml", "alert", MamlNs);
                Paras(w, c.Notes);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteStartElement("command", "examples", CommandNs);
            foreach (var e in c.Examples)
            {
                w.WriteStartElement("command", "example", CommandNs);
                w.WriteElementString("maml", "title", MamlNs, Title(e.Title));
                w.WriteElementString("dev", "code", DevNs, e.Code);
                w.WriteStartElement("dev", "remarks", DevNs);
                Paras(w, e.Remarks);
                // An empty paragraph: a blank line before the next example's title.
                w.WriteElementString("maml", "para", MamlNs, string.Empty);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();

            w.WriteStartElement("maml", "relatedLinks", MamlNs);
            if (!string.IsNullOrEmpty(c.OnlineVersion))
            {
                Link(w, "Online Version:", c.OnlineVersion);
            }

            foreach (var link in c.Links)
            {
                Link(w, link.Text, link.Uri);
            }

            w.WriteEndElement();

            w.WriteEndElement();
        }

        /// <summary>One value when every set agrees; otherwise "value (Set), value (Set)".</summary>
        private static string PerSet(List<ParameterSetBlock> blocks, Func<ParameterSetBlock, string> value)
        {
            var distinct = blocks.Select(value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (distinct.Count == 1)
            {
                return distinct[0];
            }

            return string.Join(", ", blocks.Select(b => value(b) + " (" + b.SetsText + ")"));
        }

        private static void Parameter(XmlWriter w, ParameterHelp p, string required, string position, string pipeline, bool globbing, IList<string> aliases, IList<string> accepted, string defaultValue, bool inSyntax)
        {
            w.WriteStartElement("command", "parameter", CommandNs);
            w.WriteAttributeString("required", required);
            w.WriteAttributeString("variableLength", "true");
            w.WriteAttributeString("globbing", globbing ? "true" : "false");
            w.WriteAttributeString("pipelineInput", pipeline);
            w.WriteAttributeString("position", position);
            w.WriteAttributeString("aliases", aliases.Count == 0 ? "none" : string.Join(", ", aliases));
            w.WriteElementString("maml", "name", MamlNs, p.Name);
            Description(w, p.Description);

            if (accepted.Count > 0)
            {
                w.WriteStartElement("command", "parameterValueGroup", CommandNs);
                foreach (var v in accepted)
                {
                    w.WriteStartElement("command", "parameterValue", CommandNs);
                    w.WriteAttributeString("required", "false");
                    w.WriteAttributeString("command", "variableLength", CommandNs, "false");
                    w.WriteString(v);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            // A switch shows as [-Name] in syntax: no value element there.
            if (!(inSyntax && p.IsSwitch))
            {
                w.WriteStartElement("command", "parameterValue", CommandNs);
                w.WriteAttributeString("required", p.IsSwitch ? "false" : "true");
                w.WriteAttributeString("variableLength", "false");
                w.WriteString(p.Type);
                w.WriteEndElement();
            }

            w.WriteStartElement("dev", "type", DevNs);
            w.WriteElementString("maml", "name", MamlNs, p.Type);
            w.WriteElementString("maml", "uri", MamlNs, string.Empty);
            w.WriteEndElement();
            w.WriteElementString("dev", "defaultValue", DevNs, defaultValue);
            w.WriteEndElement();
        }

        private static void TypeList(XmlWriter w, string listName, string itemName, List<TypeHelp> types)
        {
            w.WriteStartElement("command", listName, CommandNs);
            foreach (var t in types)
            {
                w.WriteStartElement("command", itemName, CommandNs);
                w.WriteStartElement("dev", "type", DevNs);
                w.WriteElementString("maml", "name", MamlNs, t.Name);
                w.WriteEndElement();
                Description(w, t.Description);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        private static void Link(XmlWriter w, string text, string uri)
        {
            w.WriteStartElement("maml", "navigationLink", MamlNs);
            w.WriteElementString("maml", "linkText", MamlNs, text);
            w.WriteElementString("maml", "uri", MamlNs, uri ?? string.Empty);
            w.WriteEndElement();
        }

        private static void Description(XmlWriter w, IEnumerable<string> paragraphs)
        {
            w.WriteStartElement("maml", "description", MamlNs);
            Paras(w, paragraphs);
            w.WriteEndElement();
        }

        private static void Paras(XmlWriter w, IEnumerable<string> paragraphs)
        {
            foreach (var p in paragraphs)
            {
                w.WriteElementString("maml", "para", MamlNs, p);
            }
        }

        /// <summary>Example titles framed with dashes, as PowerShell's own help shows them.</summary>
        internal static string Title(string title)
        {
            var dashes = Math.Max(10, (64 - title.Length - 2) / 2);
            var frame = new string('-', dashes);
            return frame + " " + title + " " + frame;
        }
    }
}
