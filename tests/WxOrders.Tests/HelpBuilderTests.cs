using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using WxOrders.HelpBuilder;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>The help converter: platyPS Markdown in, MAML and about topics out, clear errors for malformed input.</summary>
    public class HelpBuilderTests
    {
        private const string File = "/docs/Get-Thing.md";

        private static readonly XNamespace Maml = MamlWriter.MamlNs;
        private static readonly XNamespace Command = MamlWriter.CommandNs;
        private static readonly XNamespace Dev = MamlWriter.DevNs;

        internal const string Sample = @"---
external help file: WxOrders.dll-Help.xml
Module Name: WxOrders
online version: https://example.com/Get-Thing
schema: 2.0.0
---

# Get-Thing

## SYNOPSIS
Gets things.

## SYNTAX

### ById (Default)
```
Get-Thing [-Id] <UInt64> [-Kind <ThingKind>] [-Force] [<CommonParameters>]
```

### ByName
```
Get-Thing -Name <String[]> [-Id <UInt64>] [-Kind <ThingKind>] [-Force]
 [<CommonParameters>]
```

## DESCRIPTION
First paragraph
spans two lines with `code`, **bold** and a [link](https://example.com/x).

- item one
- item two
  continued

## EXAMPLES

### Example 1: One thing
```powershell
Get-Thing -Id 1
```

```output
Id Kind
-- ----
 1 Big
```

Gets one thing.

### Example 2: Many
```powershell
1..3 | Get-Thing
```

Gets three.

## PARAMETERS

### -Id
The id.

```yaml
Type: UInt64
Parameter Sets: ById
Aliases: thing_id

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByValue, ByPropertyName)
Accept wildcard characters: False
```

```yaml
Type: UInt64
Parameter Sets: ByName
Aliases: thing_id

Required: False
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

### -Name
Names; wildcards allowed.

```yaml
Type: String[]
Parameter Sets: ByName
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: True
```

### -Kind
The kind.

```yaml
Type: ThingKind
Parameter Sets: (All)
Aliases:
Accepted values: Big, Small

Required: False
Position: Named
Default value: Big
Accept pipeline input: False
Accept wildcard characters: False
```

### -Force
Gets hidden things too.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

### System.UInt64
Ids.

## OUTPUTS

### WxOrders.Thing
Things.

## NOTES
A note.

## RELATED LINKS

[Online docs](https://example.com/things)

[Get-Other](Get-Other.md)
";

        private static XElement Convert(string markdown = Sample)
        {
            var help = CommandDocParser.Parse(File, markdown, "Get-Thing");
            var xml = MamlWriter.Write(new[] { help });
            var doc = XDocument.Parse(xml);
            Assert.Equal("helpItems", doc.Root.Name.LocalName);
            Assert.Equal("http://msh", doc.Root.Name.NamespaceName);
            Assert.Equal("maml", (string)doc.Root.Attribute("schema"));
            return Assert.Single(doc.Root.Elements(Command + "command"));
        }

        private static string[] Paras(XElement e) => e.Elements(Maml + "para").Select(p => p.Value).ToArray();

        [Fact]
        public void SampleConvertsToDetailsAndDescription()
        {
            var c = Convert();
            var details = c.Element(Command + "details");
            Assert.Equal("Get-Thing", details.Element(Command + "name").Value);
            Assert.Equal("Get", details.Element(Command + "verb").Value);
            Assert.Equal("Thing", details.Element(Command + "noun").Value);
            Assert.Equal(new[] { "Gets things." }, Paras(details.Element(Maml + "description")));

            Assert.Equal(
                new[] { "First paragraph spans two lines with code, bold and a link (https://example.com/x).", "- item one", "- item two continued" },
                Paras(c.Element(Maml + "description")));
        }

        [Fact]
        public void SampleConvertsToOneSyntaxItemPerSetWithPerSetMetadata()
        {
            var items = Convert().Element(Command + "syntax").Elements(Command + "syntaxItem").ToList();
            Assert.Equal(2, items.Count);
            Assert.All(items, i => Assert.Equal("Get-Thing", i.Element(Maml + "name").Value));

            var byId = items[0].Elements(Command + "parameter").ToList();
            Assert.Equal(new[] { "Id", "Kind", "Force" }, byId.Select(p => p.Element(Maml + "name").Value));
            Assert.Equal("true", (string)byId[0].Attribute("required"));
            Assert.Equal("0", (string)byId[0].Attribute("position"));
            Assert.Equal("True (ByValue, ByPropertyName)", (string)byId[0].Attribute("pipelineInput"));
            Assert.Equal("thing_id", (string)byId[0].Attribute("aliases"));
            Assert.Equal("UInt64", byId[0].Element(Command + "parameterValue").Value);
            Assert.Equal("UInt64", byId[0].Element(Dev + "type").Element(Maml + "name").Value);

            // A switch has no value in syntax, so PowerShell shows [-Force].
            Assert.Null(byId[2].Element(Command + "parameterValue"));
            // Accepted values show as {Big | Small}.
            Assert.Equal(new[] { "Big", "Small" }, byId[1].Element(Command + "parameterValueGroup").Elements(Command + "parameterValue").Select(v => v.Value));

            var byName = items[1].Elements(Command + "parameter").ToList();
            Assert.Equal(new[] { "Name", "Id", "Kind", "Force" }, byName.Select(p => p.Element(Maml + "name").Value));
            Assert.Equal("false", (string)byName[1].Attribute("required"));
            Assert.Equal("named", (string)byName[1].Attribute("position"));
            Assert.Equal("False", (string)byName[1].Attribute("pipelineInput"));
            Assert.Equal("true", (string)byName[0].Attribute("globbing"));
        }

        [Fact]
        public void SampleConvertsToParametersInputsOutputsNotes()
        {
            var c = Convert();
            var parameters = c.Element(Command + "parameters").Elements(Command + "parameter").ToList();
            Assert.Equal(new[] { "Id", "Name", "Kind", "Force" }, parameters.Select(p => p.Element(Maml + "name").Value));
            Assert.Equal(new[] { "The id." }, Paras(parameters[0].Element(Maml + "description")));
            Assert.Equal("true", (string)parameters[0].Attribute("required"));
            Assert.Equal("0 (ById), named (ByName)", (string)parameters[0].Attribute("position"));
            Assert.Equal("String[]", parameters[1].Element(Dev + "type").Element(Maml + "name").Value);
            Assert.Equal("Big", parameters[2].Element(Dev + "defaultValue").Value);
            Assert.Equal("SwitchParameter", parameters[3].Element(Command + "parameterValue").Value);
            Assert.Equal("false", (string)parameters[3].Element(Command + "parameterValue").Attribute("required"));
            Assert.Equal("none", (string)parameters[3].Attribute("aliases"));

            var input = Assert.Single(c.Element(Command + "inputTypes").Elements(Command + "inputType"));
            Assert.Equal("System.UInt64", input.Element(Dev + "type").Element(Maml + "name").Value);
            Assert.Equal(new[] { "Ids." }, Paras(input.Element(Maml + "description")));
            var output = Assert.Single(c.Element(Command + "returnValues").Elements(Command + "returnValue"));
            Assert.Equal("WxOrders.Thing", output.Element(Dev + "type").Element(Maml + "name").Value);

            Assert.Equal(new[] { "A note." }, Paras(c.Element(Maml + "alertSet").Element(Maml + "alert")));
        }

        [Fact]
        public void SampleConvertsToExamplesAndLinks()
        {
            var c = Convert();
            var examples = c.Element(Command + "examples").Elements(Command + "example").ToList();
            Assert.Equal(2, examples.Count);
            Assert.Contains("Example 1: One thing", examples[0].Element(Maml + "title").Value);
            Assert.StartsWith("----------", examples[0].Element(Maml + "title").Value);
            Assert.Equal("Get-Thing -Id 1", examples[0].Element(Dev + "code").Value);
            var remarks = Paras(examples[0].Element(Dev + "remarks"));
            Assert.Equal("    Id Kind\n    -- ----\n     1 Big", remarks[0]);
            Assert.Equal("Gets one thing.", remarks[1]);
            Assert.Equal("1..3 | Get-Thing", examples[1].Element(Dev + "code").Value);

            var links = c.Element(Maml + "relatedLinks").Elements(Maml + "navigationLink").ToList();
            Assert.Equal(new[] { "Online Version:", "Online docs", "Get-Other" }, links.Select(l => l.Element(Maml + "linkText").Value));
            Assert.Equal(new[] { "https://example.com/Get-Thing", "https://example.com/things", string.Empty }, links.Select(l => l.Element(Maml + "uri").Value));
        }

        [Fact]
        public void ASetlessCmdletHasOneSyntaxItem()
        {
            var md = Sample
                .Replace("### ById (Default)\n```\nGet-Thing [-Id] <UInt64> [-Kind <ThingKind>] [-Force] [<CommonParameters>]\n```\n\n### ByName\n", string.Empty)
                .Replace("Get-Thing -Name <String[]> [-Id <UInt64>] [-Kind <ThingKind>] [-Force]", "Get-Thing -Name <String[]> [-Id <UInt64>] [-Kind <ThingKind>] [-Force]")
                .Replace("Parameter Sets: ByName", "Parameter Sets: (All)")
                .Replace("```yaml\nType: UInt64\nParameter Sets: ById\nAliases: thing_id\n\nRequired: True\nPosition: 0\nDefault value: None\nAccept pipeline input: True (ByValue, ByPropertyName)\nAccept wildcard characters: False\n```\n\n", string.Empty);
            var items = Convert(md).Element(Command + "syntax").Elements(Command + "syntaxItem").ToList();
            Assert.Single(items);
            Assert.Equal(4, items[0].Elements(Command + "parameter").Count());
        }

        public static IEnumerable<object[]> Malformed()
        {
            object[] Case(string find, string replace, string message, int line) => new object[] { find, replace, message, line };

            yield return Case("## SYNOPSIS\nGets things.\n\n", string.Empty, "The '## SYNOPSIS' section is missing.", 0);
            yield return Case("## SYNOPSIS\nGets things.\n", "## SYNOPSIS\n\n", "The SYNOPSIS section is empty", 10);
            yield return Case("Required: True\nPosition: 0", "Required: Yes\nPosition: 0", "'Required' is True or False; it is 'Yes'", 66);
            yield return Case("Position: 0", "Position: first", "Position is 'Named' or a number", 67);
            yield return Case("Accept pipeline input: True (ByValue, ByPropertyName)", "Accept pipeline input: Yes", "'Accept pipeline input' is False, True (ByValue)", 69);
            yield return Case("1..3 | Get-Thing\n```", "1..3 | Get-Thing", "is never closed", 0);
            yield return Case("Gets three.", "{{ Fill in the Description }}", "A template placeholder is left in: '{{ Fill in the Description }}'", 0);
            yield return Case("Accept wildcard characters: True", "Accept wildcards: True", "'Accept wildcards: True' is not one of Type, Parameter Sets", 97);
            yield return Case("Parameter Sets: ByName\nAliases:\n", "Parameter Sets: ByNames\nAliases:\n", "names the parameter set 'ByNames', which SYNTAX does not have", 90);
            yield return Case("### -Force\nGets hidden things too.\n", "### -Strength\nGets hidden things too.\n", "shows -Force, which PARAMETERS does not document", 0);
            yield return Case("### -Name\nNames; wildcards allowed.\n", "### -Name\n", "-Name has no description", 85);
            yield return Case("external help file: WxOrders.dll-Help.xml\n", string.Empty, "Cmdlet help needs front matter with 'external help file", 1);
            yield return Case("```powershell\n1..3 | Get-Thing\n```\n", string.Empty, "The example 'Example 2: Many' has no ```powershell code block", 0);
            yield return Case("## NOTES", "## REMARKS", "Unknown section '## REMARKS'", 0);
            yield return Case("### -Kind\nThe kind.", "### -Name\nThe kind.", "-Name is documented twice", 0);
            yield return Case("-Name <String[]> [-Id <UInt64>] [-Kind <ThingKind>] [-Force]", "-Name <String[]> [-Id <UInt64>] [-Kind <ThingKind>]", "-Force belongs to the set 'ByName' by its yaml, but that set's syntax line does not show it", 0);
            yield return Case("Accept wildcard characters: True\n```\n", "Accept wildcard characters: True\n```\n\nMore text.\n", "Text after the yaml block of -Name", 0);
            yield return Case("# Get-Thing\n", "# Get-Thing\n\nStray text.\n", "Text between the title and the first '## ' section", 10);
            yield return Case("### ByName\n```\nGet-Thing -Name", "### ByName\n```\nGet-Thingy -Name", "The syntax line must start with the cmdlet name 'Get-Thing'", 0);
            yield return Case("## INPUTS\n\n### System.UInt64\nIds.\n", "## INPUTS\nIds.\n", "List each type in '## INPUTS' as a '### <TypeName>' heading", 0);
            yield return Case("[Get-Other](Get-Other.md)", "See Get-Other", "RELATED LINKS holds one link per line", 0);
            yield return Case("Type: UInt64\nParameter Sets: ByName", "Type: Int32\nParameter Sets: ByName", "-Id has Type 'UInt64' in one yaml block and 'Int32' in another", 0);
        }

        [Theory]
        [MemberData(nameof(Malformed))]
        public void MalformedInputFailsWithFileLineAndWhatIsWrong(string find, string replace, string message, int line)
        {
            Assert.Contains(find, Sample);
            var md = Sample.Replace(find, replace);
            var ex = Assert.Throws<HelpFormatException>(() => CommandDocParser.Parse(File, md, "Get-Thing"));
            Assert.Contains(message, ex.Message);
            Assert.Equal(File, ex.File);
            if (line > 0)
            {
                Assert.Equal(line, ex.Line);
            }

            Assert.StartsWith(File + (ex.Line > 0 ? "(" + ex.Line + ")" : string.Empty) + ": error WXHELP001: ", ex.ToBuildMessage());
        }

        [Fact]
        public void TitleMustMatchTheFileName()
        {
            var ex = Assert.Throws<HelpFormatException>(() => CommandDocParser.Parse("/docs/Get-Other.md", Sample, "Get-Other"));
            Assert.Contains("does not match the file name 'Get-Other.md'", ex.Message);
            Assert.Equal(8, ex.Line);
        }

        [Fact]
        public void CrlfAndBomAreRead()
        {
            var help = CommandDocParser.Parse(File, "\uFEFF" + Sample.Replace("\n", "\r\n"), "Get-Thing");
            Assert.Equal("Gets things.", help.Synopsis);
            Assert.Equal("Get-Thing -Id 1", help.Examples[0].Code);
        }

        private const string About = @"# about_Thing

## SHORT DESCRIPTION
Things, briefly.

## LONG DESCRIPTION
A long paragraph that goes on and on about things so that it certainly needs to wrap at the eighty column limit of the text.

### Sub topic
- a `list` item
- another [item](https://example.com/i)

```powershell
Get-Thing -Id 1
```

| Code | Meaning |
|------|---------|
| -1 | busy |
";

        [Fact]
        public void AboutTopicBecomesWrappedText()
        {
            var text = AboutTopicWriter.Convert("/docs/about_Thing.md", About, "about_Thing");
            var lines = text.Split('\n');
            Assert.Equal("TOPIC", lines[0]);
            Assert.Equal("    about_Thing", lines[1]);
            Assert.Equal("SHORT DESCRIPTION", lines[3]);
            Assert.Equal("    Things, briefly.", lines[4]);
            Assert.Contains("LONG DESCRIPTION", lines);
            Assert.All(lines, l => Assert.True(l.Length <= AboutTopicWriter.Width, "too long: " + l));
            Assert.Contains("  SUB TOPIC", lines);
            Assert.Contains("    - a list item", lines);
            Assert.Contains("    - another item (https://example.com/i)", lines);
            Assert.Contains("        Get-Thing -Id 1", lines);
            Assert.Contains("    Code  Meaning", lines);
            Assert.Contains("    ----  -------", lines);
            Assert.Contains("    -1    busy", lines);
            Assert.EndsWith("\n", text);
        }

        [Fact]
        public void AboutTopicNeedsItsSectionsAndName()
        {
            var missing = Assert.Throws<HelpFormatException>(() => AboutTopicWriter.Convert("/docs/about_Thing.md", About.Replace("## LONG DESCRIPTION", "## DETAILS"), "about_Thing"));
            Assert.Contains("'## LONG DESCRIPTION'", missing.Message);
            var name = Assert.Throws<HelpFormatException>(() => AboutTopicWriter.Convert("/docs/about_Other.md", About, "about_Other"));
            Assert.Contains("does not match the file name", name.Message);
        }

        [Fact]
        public void OnlyCmdletHelpAndAboutTopicsAreConverted()
        {
            var dir = Directory.CreateTempSubdirectory("wxhelp-").FullName;
            try
            {
                var docs = Directory.CreateDirectory(Path.Combine(dir, "docs")).FullName;
                System.IO.File.WriteAllText(Path.Combine(docs, "Get-Thing.md"), Sample);
                System.IO.File.WriteAllText(Path.Combine(docs, "about_Thing.md"), About);
                // Not help: no front matter, and not even well-formed for the help parser.
                System.IO.File.WriteAllText(Path.Combine(docs, "performance.md"), "Intro text before any title.\n\n## SYNOPSIS\n```\nunclosed\n");
                var manifest = Path.Combine(dir, "M.psd1");
                System.IO.File.WriteAllText(manifest, "@{\n    # CmdletsToExport = @('Commented-Out')\n    CmdletsToExport = @(\n        'Get-Thing'\n        'Get-Missing'\n    )\n}\n");

                var result = HelpBuild.Run(docs, manifest);
                Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.ToBuildMessage())));
                Assert.Equal("Get-Thing", Assert.Single(result.Commands).Name);
                Assert.Contains(result.Skipped, s => s.StartsWith("performance.md", StringComparison.Ordinal));
                var warning = Assert.Single(result.Warnings);
                Assert.Contains("warning WXHELP002: Get-Missing is exported by the manifest but has no help", warning);
                Assert.Equal(new[] { "about_Thing.help.txt", "WxOrders.dll-Help.xml" }, result.Outputs.Keys);

                var output = Path.Combine(dir, "en-US");
                HelpBuild.WriteOutputs(result, output);
                var txt = System.IO.File.ReadAllBytes(Path.Combine(output, "about_Thing.help.txt"));
                Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, txt.Take(3));
                var xml = System.IO.File.ReadAllBytes(Path.Combine(output, "WxOrders.dll-Help.xml"));
                Assert.Equal((byte)'<', xml[0]);
                XDocument.Load(Path.Combine(output, "WxOrders.dll-Help.xml"));

                // A file named after an exported cmdlet must be its help.
                System.IO.File.WriteAllText(Path.Combine(docs, "Get-Missing.md"), "# Get-Missing\n\n## SYNOPSIS\nGets nothing.\n");
                System.IO.File.WriteAllText(Path.Combine(docs, "about_Thing.md"), About.Replace("## SHORT DESCRIPTION", "## SHORT"));
                var bad = HelpBuild.Run(docs, manifest);
                Assert.False(bad.Succeeded);
                Assert.Equal(2, bad.Errors.Count);
                Assert.Contains(bad.Errors, e => e.File.EndsWith("Get-Missing.md", StringComparison.Ordinal) && e.Message.Contains("is a cmdlet the module exports", StringComparison.Ordinal));
                Assert.Contains(bad.Errors, e => e.File.EndsWith("about_Thing.md", StringComparison.Ordinal));

                // Nothing is written when anything is wrong.
                var stamp = System.IO.File.GetLastWriteTimeUtc(Path.Combine(output, "WxOrders.dll-Help.xml"));
                System.IO.File.Delete(Path.Combine(output, "about_Thing.help.txt"));
                HelpBuild.WriteOutputs(bad, output);
                Assert.False(System.IO.File.Exists(Path.Combine(output, "about_Thing.help.txt")));
                Assert.Equal(stamp, System.IO.File.GetLastWriteTimeUtc(Path.Combine(output, "WxOrders.dll-Help.xml")));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        // The cases below are Markdown the hand-written parser (before Markdig) read differently from CommonMark and
        // GitHub; none occurs in today's docs/, so the built help did not change.
        private static string Description(string markdown) =>
            Sample.Replace("First paragraph\nspans two lines with `code`, **bold** and a [link](https://example.com/x).\n\n- item one\n- item two\n  continued\n", markdown);

        private static string[] DescriptionParas(string markdown) => Paras(Convert(Description(markdown)).Element(Maml + "description"));

        [Fact]
        public void EmphasisEscapesEntitiesAndAutolinksReadAsGitHubShowsThem()
        {
            Assert.Contains("- item two\n  continued\n", Sample);
            Assert.Equal(
                new[]
                {
                    "Use emphasis, also this, strong too, keep 2 * 3 * 4 and snake_case_name.",
                    "Entities: <tag> & \"q\"; escapes: ~ \" * `; code keeps **marks** and \\.",
                    "See https://example.com/a and the guide (https://example.com/g).",
                },
                DescriptionParas(
                    "Use *emphasis*, _also this_, __strong__ too, keep 2 * 3 * 4 and snake_case_name.\n\n" +
                    "Entities: &lt;tag&gt; &amp; &quot;q&quot;; escapes: \\~ \\\" \\* \\`; code keeps `**marks**` and `\\`.\n\n" +
                    "See <https://example.com/a> and the [guide](https://example.com/g \"Guide\").\n\n" +
                    "<!-- a comment GitHub does not show -->\n"));
        }

        [Fact]
        public void NestedAndNumberedListsKeepTheirShape()
        {
            Assert.Equal(
                new[]
                {
                    "- top",
                    "  - nested",
                    "    - deeper",
                    "  - nested two spans lines",
                    "- second",
                    "  A second paragraph of the second item.",
                    "1. first step",
                    "2. second step",
                },
                DescriptionParas("- top\n  - nested\n    - deeper\n  - nested two\n    spans lines\n- second\n\n  A second paragraph of the second item.\n\n1. first step\n1. second step\n"));
        }

        [Fact]
        public void TildeAndLongerFencesAreCodeAndHeadingsLoseTheirMarks()
        {
            var md = Sample
                .Replace("```powershell\nGet-Thing -Id 1\n```", "~~~powershell\nGet-Thing -Id 1\n~~~")
                .Replace("```output\nId Kind\n-- ----\n 1 Big\n```", "````output\nId Kind\n```\n 1 Big\n````")
                .Replace("### Example 2: Many", "### Example 2: *Many* with `-Id`");
            var examples = Convert(md).Element(Command + "examples").Elements(Command + "example").ToList();
            Assert.Equal("Get-Thing -Id 1", examples[0].Element(Dev + "code").Value);
            Assert.Equal("    Id Kind\n    ```\n     1 Big", Paras(examples[0].Element(Dev + "remarks"))[0]);
            Assert.Contains("Example 2: Many with -Id", examples[1].Element(Maml + "title").Value);
        }

        [Fact]
        public void ASetextHeadingIsAHeading()
        {
            // "Remarks\n-------" is an h2 on GitHub, so here it is a section (and an unknown one).
            var ex = Assert.Throws<HelpFormatException>(() => CommandDocParser.Parse(File, Description("Intro.\n\nRemarks\n-------\n\nMore.\n"), "Get-Thing"));
            Assert.Contains("Unknown section '## Remarks'", ex.Message);
            Assert.Equal(30, ex.Line);

            var about = AboutTopicWriter.Convert("/docs/about_Thing.md", About.Replace("### Sub topic\n", "Sub topic\n---------\n"), "about_Thing").Split('\n');
            Assert.Contains("SUB TOPIC", about);
        }

        [Fact]
        public void TablesReadCellsAsGitHubDoes()
        {
            var paras = DescriptionParas("| Code | Meaning |\n|-----:|---------|\n| `-1` | busy \\| retry |\n| 40001 | *bad* token |\n");
            Assert.Equal(new[] { "Code   Meaning\n-----  ------------\n-1     busy | retry\n40001  bad token" }, paras);
        }

        [Fact]
        public void YamlValuesAreReadAsYaml()
        {
            var md = Sample
                .Replace("Default value: Big", "Default value: 'Big, then Small' # quoted, with a comment")
                .Replace("Aliases: thing_id\n\nRequired: True", "Aliases: \"thing_id\"\n\nRequired: True");
            var parameters = Convert(md).Element(Command + "parameters").Elements(Command + "parameter").ToList();
            Assert.Equal("Big, then Small", parameters[2].Element(Dev + "defaultValue").Value);
            Assert.Equal("thing_id", (string)parameters[0].Attribute("aliases"));

            var ex = Assert.Throws<HelpFormatException>(() => CommandDocParser.Parse(File, Sample.Replace("Position: 0\n", "Position 0\n"), "Get-Thing"));
            Assert.Contains("In the yaml of -Id: 'Position 0' is not 'key: value' YAML", ex.Message);
            Assert.Equal(67, ex.Line);

            var front = Assert.Throws<HelpFormatException>(() => CommandDocParser.Parse(File, Sample.Replace("Module Name: WxOrders\n", "Module Name WxOrders\n"), "Get-Thing"));
            Assert.Contains("Front matter lines are 'key: value'", front.Message);
            Assert.Equal(3, front.Line);
        }

        [Fact]
        public void RelatedLinksAcceptWhatGitHubShowsAsOneLink()
        {
            var md = Sample.Replace("[Online docs](https://example.com/things)", "- [Online `docs`](https://example.com/things \"Things\")\n- <https://example.com/more>");
            var links = Convert(md).Element(Maml + "relatedLinks").Elements(Maml + "navigationLink").ToList();
            Assert.Equal(new[] { "Online Version:", "Online docs", "https://example.com/more", "Get-Other" }, links.Select(l => l.Element(Maml + "linkText").Value));
            Assert.Equal(new[] { "https://example.com/Get-Thing", "https://example.com/things", "https://example.com/more", string.Empty }, links.Select(l => l.Element(Maml + "uri").Value));

            var ex = Assert.Throws<HelpFormatException>(() => CommandDocParser.Parse(File, Sample.Replace("[Get-Other](Get-Other.md)", "[Get-Other](Get-Other.md)\nand more"), "Get-Thing"));
            Assert.Contains("RELATED LINKS holds one link per line", ex.Message);
            Assert.Contains("'and more' is not", ex.Message);
        }

        [Fact]
        public void AFenceClosedOnlyByTheNextBlocksFenceIsNeverClosed()
        {
            // CommonMark: "```yaml" cannot close the open block, so its "```" does, and the yaml becomes text.
            var ex = Assert.Throws<HelpFormatException>(() => CommandDocParser.Parse(File, Sample.Replace("Gets hidden things too.\n", "Gets hidden things too.\n\n```\nunclosed\n\n"), "Get-Thing"));
            Assert.Contains("is never closed: line", ex.Message);
            Assert.Contains("opens another one inside it", ex.Message);
        }

        [Fact]
        public void ManifestCmdletsAreRead()
        {
            var dir = Directory.CreateTempSubdirectory("wxhelp-").FullName;
            try
            {
                var oneLine = Path.Combine(dir, "a.psd1");
                System.IO.File.WriteAllText(oneLine, "@{ CmdletsToExport = 'Get-A', \"Get-B\" }");
                Assert.Equal(new[] { "Get-A", "Get-B" }, ManifestReader.ReadCmdletsToExport(oneLine));
                var none = Path.Combine(dir, "b.psd1");
                System.IO.File.WriteAllText(none, "@{ }");
                Assert.Throws<HelpFormatException>(() => ManifestReader.ReadCmdletsToExport(none));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        [Fact]
        public void TheRepositoryDocsConvertAndCoverEveryExportedCmdlet()
        {
            var root = AppContext.BaseDirectory;
            while (root != null && !System.IO.File.Exists(Path.Combine(root, "WxOrders.sln")))
            {
                root = Path.GetDirectoryName(root);
            }

            Assert.NotNull(root);
            var result = HelpBuild.Run(Path.Combine(root, "docs"), Path.Combine(root, "WxOrders.psd1"));
            Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.ToBuildMessage())));
            Assert.Empty(result.Warnings);
            var exported = ManifestReader.ReadCmdletsToExport(Path.Combine(root, "WxOrders.psd1"));
            Assert.Equal(exported.OrderBy(n => n, StringComparer.Ordinal), result.Commands.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(result.Commands, c => Assert.True(c.Examples.Count >= 2, c.Name + " needs at least two examples"));
            Assert.Contains("about_WxOrders.help.txt", result.Outputs.Keys);
        }
    }
}
