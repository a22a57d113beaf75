using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace WxOrders.HelpBuilder
{
    /// <summary>
    /// Reads a cmdlet's help in the platyPS Markdown layout (schema 2.0.0) and checks it hangs together: every section
    /// where it belongs, every parameter with a description and a complete yaml block, every parameter set of SYNTAX
    /// matching the parameters' "Parameter Sets", no "{{ Fill in ... }}" placeholders left.
    /// </summary>
    internal static class CommandDocParser
    {
        public const string AllParameterSets = "__AllParameterSets";

        private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS" };
        private static readonly string[] OptionalSections = { "NOTES", "RELATED LINKS" };

        private static readonly Regex CommandName = new Regex(@"^[A-Za-z]+-[A-Za-z0-9]+$", RegexOptions.CultureInvariant);
        private static readonly Regex Placeholder = new Regex(@"\{\{.*?\}\}", RegexOptions.CultureInvariant);
        private static readonly Regex SyntaxParameter = new Regex(@"(?<=^|[\s\[])-([A-Za-z][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
        private static readonly Regex PipelineInput = new Regex(@"^(False|True \((ByValue|ByPropertyName)(,\s*(ByValue|ByPropertyName))?\))$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly string[] YamlKeys =
        {
            "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
            "Accept pipeline input", "Accept wildcard characters", "Dynamic", "Applicable",
        };

        private static readonly string[] RequiredYamlKeys = { "Type", "Parameter Sets", "Required", "Position", "Accept pipeline input" };

        public static CommandHelp Parse(string file, string text, string expectedName)
        {
            var doc = MarkdownDocument.Parse(file, text);
            var help = new CommandHelp { File = file, Name = doc.Title };

            CheckPlaceholders(file, text);

            if (doc.FrontMatter == null || !doc.FrontMatter.TryGetValue("external help file", out var external) || string.IsNullOrWhiteSpace(external))
            {
                throw new HelpFormatException(file, 1, "Cmdlet help needs front matter with 'external help file: WxOrders.dll-Help.xml' (the platyPS layout).");
            }

            if (!external.EndsWith("-Help.xml", StringComparison.OrdinalIgnoreCase) || external.IndexOfAny(new[] { '/', '\\' }) >= 0)
            {
                throw new HelpFormatException(file, 2, "'external help file' must be a file name ending in -Help.xml, such as WxOrders.dll-Help.xml; it is '" + external + "'.");
            }

            help.ExternalHelpFile = external;
            doc.FrontMatter.TryGetValue("online version", out var online);
            if (!string.IsNullOrWhiteSpace(online))
            {
                if (!PlainText.IsAbsoluteUrl(online))
                {
                    throw new HelpFormatException(file, 1, "'online version' must be an http(s) URL or empty; it is '" + online + "'.");
                }

                help.OnlineVersion = online;
            }

            if (!CommandName.IsMatch(help.Name))
            {
                throw new HelpFormatException(file, doc.TitleLine, "The title must be the cmdlet's Verb-Noun name; it is '" + help.Name + "'.");
            }

            if (expectedName != null && !string.Equals(help.Name, expectedName, StringComparison.Ordinal))
            {
                throw new HelpFormatException(file, doc.TitleLine, "The title '" + help.Name + "' does not match the file name '" + expectedName + ".md'. Name the file after the cmdlet, with the same capitals.");
            }

            var sections = new Dictionary<string, MarkdownSection>(StringComparer.OrdinalIgnoreCase);
            foreach (var section in doc.Sections)
            {
                if (!RequiredSections.Concat(OptionalSections).Contains(section.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new HelpFormatException(file, section.Line, "Unknown section '## " + section.Name + "'. Cmdlet help has " + string.Join(", ", RequiredSections.Concat(OptionalSections).Select(s => "## " + s)) + ".");
                }

                if (sections.TryGetValue(section.Name, out var earlier))
                {
                    throw new HelpFormatException(file, section.Line, "'## " + section.Name + "' appears twice (also on line " + earlier.Line + ").");
                }

                sections[section.Name] = section;
            }

            foreach (var name in RequiredSections)
            {
                if (!sections.ContainsKey(name))
                {
                    throw new HelpFormatException(file, 0, "The '## " + name + "' section is missing.");
                }
            }

            ReadSynopsis(file, sections["SYNOPSIS"], help);
            ReadSyntax(file, sections["SYNTAX"], help);
            help.Description.AddRange(Paragraphs(NoSubsections(file, sections["DESCRIPTION"])));
            if (help.Description.Count == 0)
            {
                throw new HelpFormatException(file, sections["DESCRIPTION"].Line, "The DESCRIPTION section is empty.");
            }

            ReadExamples(file, sections["EXAMPLES"], help);
            ReadParameters(file, sections["PARAMETERS"], help);
            CheckSets(file, help);
            ReadTypes(file, sections["INPUTS"], help.Inputs);
            ReadTypes(file, sections["OUTPUTS"], help.Outputs);
            if (sections.TryGetValue("NOTES", out var notes))
            {
                help.Notes.AddRange(Paragraphs(NoSubsections(file, notes)));
            }

            if (sections.TryGetValue("RELATED LINKS", out var links))
            {
                ReadLinks(file, doc, links, help);
            }

            return help;
        }

        private static void CheckPlaceholders(string file, string text)
        {
            var lines = MarkdownDocument.SplitLines(text);
            for (var i = 0; i < lines.Length; i++)
            {
                var m = Placeholder.Match(lines[i]);
                if (m.Success)
                {
                    throw new HelpFormatException(file, i + 1, "A template placeholder is left in: '" + m.Value + "'. Write the text it asks for.");
                }
            }
        }

        private static List<MarkdownBlock> NoSubsections(string file, MarkdownSection section)
        {
            if (section.Subsections.Count > 0)
            {
                throw new HelpFormatException(file, section.Subsections[0].Line, "'## " + section.Name + "' takes no '### ' headings.");
            }

            return section.Intro;
        }

        private static void ReadSynopsis(string file, MarkdownSection section, CommandHelp help)
        {
            var blocks = NoSubsections(file, section);
            if (blocks.Count == 0)
            {
                throw new HelpFormatException(file, section.Line, "The SYNOPSIS section is empty: write one sentence saying what the cmdlet does.");
            }

            if (blocks.Count > 1 || blocks[0].Kind != BlockKind.Paragraph)
            {
                throw new HelpFormatException(file, blocks[Math.Min(1, blocks.Count - 1)].Line, "The SYNOPSIS is one short paragraph; put the rest in DESCRIPTION.");
            }

            help.Synopsis = blocks[0].Text;
        }

        private static void ReadSyntax(string file, MarkdownSection section, CommandHelp help)
        {
            if (section.Subsections.Count == 0)
            {
                help.Sets.Add(ReadSyntaxBlock(file, section.Line, section.Intro, AllParameterSets, help.Name));
                return;
            }

            if (section.Intro.Count > 0)
            {
                throw new HelpFormatException(file, section.Intro[0].Line, "Text in SYNTAX before the first '### <set name>' heading.");
            }

            foreach (var sub in section.Subsections)
            {
                var name = sub.Heading;
                var isDefault = false;
                if (name.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase))
                {
                    isDefault = true;
                    name = name.Substring(0, name.Length - "(Default)".Length).Trim();
                }

                if (name.Length == 0 || name.IndexOfAny(new[] { ' ', ',' }) >= 0)
                {
                    throw new HelpFormatException(file, sub.Line, "A SYNTAX heading is a parameter set name, optionally followed by ' (Default)'; '" + sub.Heading + "' is not.");
                }

                if (help.Sets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new HelpFormatException(file, sub.Line, "The parameter set '" + name + "' appears twice in SYNTAX.");
                }

                var set = ReadSyntaxBlock(file, sub.Line, sub.Blocks, name, help.Name);
                set.IsDefault = isDefault;
                help.Sets.Add(set);
            }

            if (help.Sets.Count(s => s.IsDefault) > 1)
            {
                throw new HelpFormatException(file, section.Line, "More than one SYNTAX set is marked (Default).");
            }
        }

        private static SyntaxSet ReadSyntaxBlock(string file, int headingLine, List<MarkdownBlock> blocks, string setName, string command)
        {
            if (blocks.Count != 1 || blocks[0].Kind != BlockKind.Code)
            {
                throw new HelpFormatException(file, blocks.Count > 0 ? blocks[0].Line : headingLine, "Each SYNTAX set is exactly one code block (```) holding the syntax line, such as '" + command + " [-Name] <String> [<CommonParameters>]'.");
            }

            var code = string.Join(" ", blocks[0].Lines).Trim();
            var first = code.Split(new[] { ' ' }, 2)[0];
            if (!string.Equals(first, command, StringComparison.OrdinalIgnoreCase))
            {
                throw new HelpFormatException(file, blocks[0].Line + 1, "The syntax line must start with the cmdlet name '" + command + "'; it starts with '" + first + "'.");
            }

            var set = new SyntaxSet { Name = setName, Line = headingLine };
            foreach (Match m in SyntaxParameter.Matches(code.Substring(first.Length)))
            {
                var name = m.Groups[1].Value;
                if (set.ParameterNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new HelpFormatException(file, blocks[0].Line + 1, "The syntax line names -" + name + " twice.");
                }

                set.ParameterNames.Add(name);
            }

            return set;
        }

        private static void ReadExamples(string file, MarkdownSection section, CommandHelp help)
        {
            if (section.Intro.Count > 0)
            {
                throw new HelpFormatException(file, section.Intro[0].Line, "Text in EXAMPLES before the first '### Example 1: <title>' heading.");
            }

            if (section.Subsections.Count == 0)
            {
                throw new HelpFormatException(file, section.Line, "EXAMPLES has no examples. Add '### Example 1: <title>' with a ```powershell code block and a paragraph saying what it does.");
            }

            foreach (var sub in section.Subsections)
            {
                var example = new ExampleHelp { Title = sub.Heading, Line = sub.Line };
                var code = new List<string>();
                foreach (var block in sub.Blocks)
                {
                    if (block.Kind == BlockKind.Code && IsCodeInfo(block.Info))
                    {
                        code.Add(string.Join("\n", TrimBlankEnds(block.Lines)));
                    }
                    else
                    {
                        example.Remarks.AddRange(Paragraphs(block));
                    }
                }

                if (code.Count == 0 || code.All(string.IsNullOrWhiteSpace))
                {
                    throw new HelpFormatException(file, sub.Line, "The example '" + sub.Heading + "' has no ```powershell code block.");
                }

                example.Code = string.Join("\n\n", code);
                help.Examples.Add(example);
            }
        }

        private static bool IsCodeInfo(string info) =>
            info.Length == 0 || info == "powershell" || info == "pwsh" || info == "ps" || info == "ps1" || info == "posh";

        private static void ReadParameters(string file, MarkdownSection section, CommandHelp help)
        {
            if (section.Intro.Count > 0)
            {
                throw new HelpFormatException(file, section.Intro[0].Line, "Text in PARAMETERS before the first '### -<Name>' heading.");
            }

            foreach (var sub in section.Subsections)
            {
                if (string.Equals(sub.Heading, "CommonParameters", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!sub.Heading.StartsWith("-", StringComparison.Ordinal) || !Regex.IsMatch(sub.Heading, @"^-[A-Za-z][A-Za-z0-9_]*$"))
                {
                    throw new HelpFormatException(file, sub.Line, "A PARAMETERS heading is '### -<Name>' (or '### CommonParameters'); '" + sub.Heading + "' is not.");
                }

                var parameter = new ParameterHelp { Name = sub.Heading.Substring(1), Line = sub.Line };
                if (help.FindParameter(parameter.Name) != null)
                {
                    throw new HelpFormatException(file, sub.Line, "-" + parameter.Name + " is documented twice.");
                }

                var seenYaml = false;
                foreach (var block in sub.Blocks)
                {
                    if (block.Kind == BlockKind.Code && block.Info == "yaml")
                    {
                        seenYaml = true;
                        parameter.Blocks.Add(ReadYaml(file, block, parameter));
                    }
                    else if (seenYaml)
                    {
                        throw new HelpFormatException(file, block.Line, "Text after the yaml block of -" + parameter.Name + ". The description goes before the ```yaml block.");
                    }
                    else if (block.Kind == BlockKind.Code && !IsCodeInfo(block.Info))
                    {
                        throw new HelpFormatException(file, block.Line, "A ```" + block.Info + " block in -" + parameter.Name + "; parameter metadata is a ```yaml block.");
                    }
                    else
                    {
                        parameter.Description.AddRange(Paragraphs(block));
                    }
                }

                if (parameter.Description.Count == 0)
                {
                    throw new HelpFormatException(file, sub.Line, "-" + parameter.Name + " has no description. Write what it is, its unit or format, and its default, before the yaml block.");
                }

                if (parameter.Blocks.Count == 0)
                {
                    throw new HelpFormatException(file, sub.Line, "-" + parameter.Name + " has no ```yaml block (Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters).");
                }

                parameter.Type = parameter.Blocks[0].Type;
                foreach (var b in parameter.Blocks.Skip(1))
                {
                    if (!string.Equals(b.Type, parameter.Type, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new HelpFormatException(file, b.Line, "-" + parameter.Name + " has Type '" + parameter.Type + "' in one yaml block and '" + b.Type + "' in another.");
                    }
                }

                if (parameter.Blocks.Count > 1 && parameter.Blocks.Any(b => b.AllSets))
                {
                    throw new HelpFormatException(file, parameter.Blocks.First(b => b.AllSets).Line, "-" + parameter.Name + " has several yaml blocks, so none of them can say 'Parameter Sets: (All)'.");
                }

                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var b in parameter.Blocks)
                {
                    foreach (var s in b.Sets)
                    {
                        if (!seen.Add(s))
                        {
                            throw new HelpFormatException(file, b.Line, "-" + parameter.Name + " lists the parameter set '" + s + "' in two yaml blocks.");
                        }
                    }
                }

                help.Parameters.Add(parameter);
            }
        }

        private static ParameterSetBlock ReadYaml(string file, MarkdownBlock block, ParameterHelp parameter)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            int LineOf(string key) => lines.TryGetValue(key, out var n) ? n : block.Line;
            // The fence is on block.Line, so the YAML's line n is the file's line block.Line + n.
            var entries = FlatYaml.Read(
                string.Join("\n", block.Lines),
                (n, problem) => new HelpFormatException(file, block.Line + n, "In the yaml of -" + parameter.Name + ": '" + (n >= 1 && n <= block.Lines.Count ? block.Lines[n - 1].Trim() : string.Empty) + "' is not 'key: value' YAML (" + problem + "); the keys are " + string.Join(", ", YamlKeys.Take(9)) + "."));
            foreach (var entry in entries)
            {
                var number = block.Line + entry.Line;
                var key = entry.Key;
                if (!YamlKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    throw new HelpFormatException(file, number, "In the yaml of -" + parameter.Name + ": '" + block.Lines[entry.Line - 1].Trim() + "' is not one of " + string.Join(", ", YamlKeys.Take(9)) + " followed by ':'.");
                }

                if (values.ContainsKey(key))
                {
                    throw new HelpFormatException(file, number, "In the yaml of -" + parameter.Name + ": '" + key + "' appears twice.");
                }

                values[key] = entry.Value;
                lines[key] = number;
            }

            foreach (var key in RequiredYamlKeys)
            {
                if (!values.TryGetValue(key, out var v) || v.Length == 0)
                {
                    throw new HelpFormatException(file, LineOf(key), "The yaml of -" + parameter.Name + " needs '" + key + ":' with a value.");
                }
            }

            var result = new ParameterSetBlock { Line = block.Line, SetsLine = LineOf("Parameter Sets"), Type = values["Type"] };

            var sets = values["Parameter Sets"];
            if (string.Equals(sets, "(All)", StringComparison.OrdinalIgnoreCase))
            {
                result.AllSets = true;
            }
            else
            {
                result.Sets.AddRange(SplitList(sets));
            }

            if (values.TryGetValue("Aliases", out var aliases) && !string.Equals(aliases, "None", StringComparison.OrdinalIgnoreCase))
            {
                result.Aliases.AddRange(SplitList(aliases));
            }

            if (values.TryGetValue("Accepted values", out var accepted))
            {
                result.AcceptedValues.AddRange(SplitList(accepted));
            }

            result.Required = Bool(file, LineOf("Required"), parameter, "Required", values["Required"]);

            var position = values["Position"];
            if (string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase))
            {
                result.Position = "named";
            }
            else if (int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                result.Position = p.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                throw new HelpFormatException(file, LineOf("Position"), "In the yaml of -" + parameter.Name + ": Position is 'Named' or a number from 0; it is '" + position + "'.");
            }

            result.DefaultValue = values.TryGetValue("Default value", out var d) && d.Length > 0 ? d : "None";

            var pipeline = values["Accept pipeline input"];
            if (!PipelineInput.IsMatch(pipeline))
            {
                throw new HelpFormatException(file, LineOf("Accept pipeline input"), "In the yaml of -" + parameter.Name + ": 'Accept pipeline input' is False, True (ByValue), True (ByPropertyName) or True (ByValue, ByPropertyName); it is '" + pipeline + "'.");
            }

            result.PipelineInput = NormalizePipeline(pipeline);
            result.Globbing = values.TryGetValue("Accept wildcard characters", out var g) && Bool(file, LineOf("Accept wildcard characters"), parameter, "Accept wildcard characters", g);
            return result;
        }

        private static string NormalizePipeline(string text)
        {
            if (text.StartsWith("False", StringComparison.OrdinalIgnoreCase))
            {
                return "False";
            }

            var byValue = text.IndexOf("ByValue", StringComparison.OrdinalIgnoreCase) >= 0;
            var byName = text.IndexOf("ByPropertyName", StringComparison.OrdinalIgnoreCase) >= 0;
            return "True (" + (byValue && byName ? "ByValue, ByPropertyName" : byValue ? "ByValue" : "ByPropertyName") + ")";
        }

        private static bool Bool(string file, int line, ParameterHelp parameter, string key, string value)
        {
            if (string.Equals(value, "True", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(value, "False", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            throw new HelpFormatException(file, line, "In the yaml of -" + parameter.Name + ": '" + key + "' is True or False; it is '" + value + "'.");
        }

        private static IEnumerable<string> SplitList(string text) =>
            text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0);

        /// <summary>SYNTAX and the yaml blocks must agree on which parameters each set has.</summary>
        private static void CheckSets(string file, CommandHelp help)
        {
            var named = help.Sets.Count > 1 || help.Sets[0].Name != AllParameterSets;
            foreach (var parameter in help.Parameters)
            {
                foreach (var block in parameter.Blocks)
                {
                    if (!named && !block.AllSets)
                    {
                        throw new HelpFormatException(file, block.SetsLine, "-" + parameter.Name + " names the set(s) '" + block.SetsText + "', but SYNTAX names no sets. Write 'Parameter Sets: (All)', or give each SYNTAX block a '### <set name>' heading.");
                    }

                    foreach (var s in block.Sets)
                    {
                        if (!help.Sets.Any(x => string.Equals(x.Name, s, StringComparison.OrdinalIgnoreCase)))
                        {
                            throw new HelpFormatException(file, block.SetsLine, "-" + parameter.Name + " names the parameter set '" + s + "', which SYNTAX does not have (it has " + string.Join(", ", help.Sets.Select(x => x.Name)) + ").");
                        }
                    }
                }
            }

            foreach (var set in help.Sets)
            {
                foreach (var name in set.ParameterNames)
                {
                    var parameter = help.FindParameter(name);
                    if (parameter == null)
                    {
                        throw new HelpFormatException(file, set.Line, "The syntax of " + Describe(set) + " shows -" + name + ", which PARAMETERS does not document. Add '### -" + name + "'.");
                    }

                    if (parameter.BlockFor(set.Name) == null)
                    {
                        throw new HelpFormatException(file, parameter.Blocks[0].Line, "The syntax of " + Describe(set) + " shows -" + name + ", but its yaml 'Parameter Sets' (" + string.Join("; ", parameter.Blocks.Select(b => b.SetsText)) + ") does not include it.");
                    }
                }

                foreach (var parameter in help.Parameters)
                {
                    if (parameter.BlockFor(set.Name) != null && !set.ParameterNames.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        throw new HelpFormatException(file, set.Line, "-" + parameter.Name + " belongs to " + Describe(set) + " by its yaml, but that set's syntax line does not show it.");
                    }
                }
            }

            foreach (var parameter in help.Parameters)
            {
                if (!help.Sets.Any(s => parameter.BlockFor(s.Name) != null))
                {
                    throw new HelpFormatException(file, parameter.Line, "-" + parameter.Name + " is in no parameter set of SYNTAX.");
                }
            }
        }

        private static string Describe(SyntaxSet set) => set.Name == AllParameterSets ? "SYNTAX" : "the set '" + set.Name + "'";

        private static void ReadTypes(string file, MarkdownSection section, List<TypeHelp> types)
        {
            if (section.Intro.Count > 0 || section.Subsections.Count == 0)
            {
                throw new HelpFormatException(file, section.Line, "List each type in '## " + section.Name + "' as a '### <TypeName>' heading with a sentence under it ('### None' when there is none).");
            }

            foreach (var sub in section.Subsections)
            {
                var type = new TypeHelp { Name = sub.Heading };
                type.Description.AddRange(Paragraphs(sub.Blocks));

                types.Add(type);
            }
        }

        private static void ReadLinks(string file, MarkdownDocument doc, MarkdownSection section, CommandHelp help)
        {
            foreach (var block in NoSubsections(file, section))
            {
                var links = block.Kind == BlockKind.Paragraph || block.Kind == BlockKind.List ? MarkdownBlocks.LinkLines(block) : new[] { new LinkLine { Line = block.Line } };
                foreach (var link in links)
                {
                    if (link.Text == null)
                    {
                        throw new HelpFormatException(file, link.Line, "RELATED LINKS holds one link per line, as [Text](url) or [Get-Command](Get-Command.md); '" + MarkdownDocument.Shorten(doc.SourceLine(link.Line)) + "' is not.");
                    }

                    help.Links.Add(new LinkHelp { Text = link.Text, Uri = PlainText.IsAbsoluteUrl(link.Url) ? link.Url : string.Empty });
                }
            }
        }

        /// <summary>MAML paragraphs of some blocks: one per paragraph, list item, table or code block.</summary>
        internal static List<string> Paragraphs(List<MarkdownBlock> blocks)
        {
            var result = new List<string>();
            foreach (var block in blocks)
            {
                result.AddRange(Paragraphs(block));
            }

            return result;
        }

        internal static IEnumerable<string> Paragraphs(MarkdownBlock block)
        {
            switch (block.Kind)
            {
                case BlockKind.Paragraph:
                    yield return block.Text;
                    break;
                case BlockKind.List:
                    foreach (var item in block.Items)
                    {
                        yield return ListPrefix(item) + item.Text;
                    }

                    break;
                case BlockKind.Table:
                    yield return string.Join("\n", MarkdownBlocks.TableText(block.Rows));
                    break;
                default:
                    var code = TrimBlankEnds(block.Lines);
                    if (code.Count > 0)
                    {
                        yield return string.Join("\n", code.Select(l => "    " + l));
                    }

                    break;
            }
        }

        /// <summary>"- " for a top-level bullet, two spaces more per level of nesting; a continuation lines up with the text.</summary>
        internal static string ListPrefix(MarkdownListItem item) =>
            new string(' ', 2 * item.Depth) + (item.IsContinuation ? new string(' ', item.Marker.Length + 1) : item.Marker + " ");

        internal static List<string> TrimBlankEnds(List<string> lines)
        {
            var start = 0;
            var end = lines.Count;
            while (start < end && string.IsNullOrWhiteSpace(lines[start]))
            {
                start++;
            }

            while (end > start && string.IsNullOrWhiteSpace(lines[end - 1]))
            {
                end--;
            }

            return lines.Skip(start).Take(end - start).Select(l => l.TrimEnd()).ToList();
        }
    }
}
