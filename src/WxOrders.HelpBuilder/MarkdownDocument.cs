using System;
using System.Collections.Generic;
using System.Linq;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace WxOrders.HelpBuilder
{
    /// <summary>A "## NAME" section: the blocks before its first "###" heading, then its "###" subsections.</summary>
    internal sealed class MarkdownSection
    {
        public string Name { get; set; }

        public int Line { get; set; }

        public List<MarkdownBlock> Intro { get; } = new List<MarkdownBlock>();

        public List<MarkdownSubsection> Subsections { get; } = new List<MarkdownSubsection>();
    }

    internal sealed class MarkdownSubsection
    {
        public string Heading { get; set; }

        public int Line { get; set; }

        public List<MarkdownBlock> Blocks { get; } = new List<MarkdownBlock>();
    }


    /// <summary>
    /// The structure of a platyPS-layout Markdown file: optional YAML front matter between "---" lines, one "# Title",
    /// then "## SECTION"s with optional "### Subsection"s. Markdig finds the blocks (so a heading in a code block is
    /// code, a setext heading is a heading, a list nested in a list is nested); this class checks the layout.
    /// </summary>
    internal sealed class MarkdownDocument
    {
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .Build();

        private string[] sourceLines;

        public string File { get; private set; }

        /// <summary>The front matter's "key: value" pairs (keys case-insensitive); null when the file has none.</summary>
        public Dictionary<string, string> FrontMatter { get; private set; }

        public string Title { get; private set; }

        public int TitleLine { get; private set; }

        public List<MarkdownSection> Sections { get; } = new List<MarkdownSection>();

        /// <summary>The file's lines (a BOM dropped, any line ending), for checks on the raw text.</summary>
        public static string[] SplitLines(string text) =>
            StripBom(text).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

        private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;

        private static Markdig.Syntax.MarkdownDocument ParseMarkdown(string text) => Markdown.Parse(StripBom(text), Pipeline);

        /// <summary>
        /// Reads only the front matter (for deciding what kind of file this is without judging the rest). Returns null
        /// when the file does not start with "---".
        /// </summary>
        public static Dictionary<string, string> ReadFrontMatter(string file, string text) =>
            ReadFrontMatter(file, SplitLines(text), ParseMarkdown(text));

        private static Dictionary<string, string> ReadFrontMatter(string file, string[] lines, Markdig.Syntax.MarkdownDocument markdown)
        {
            if (lines.Length == 0 || lines[0].Trim() != "---")
            {
                return null;
            }

            if (lines.Length > 1 && lines[1].Trim() == "---")
            {
                // "---" twice: empty front matter, which Markdig reads as two thematic breaks.
                return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            if (!(markdown.FirstOrDefault() is YamlFrontMatterBlock block))
            {
                throw new HelpFormatException(file, 1, "The front matter that starts on line 1 is not closed by a '---' line.");
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var entries = FlatYaml.Read(
                block.Lines.ToString(),
                (line, problem) => new HelpFormatException(file, block.Line + 1 + line, "Front matter lines are 'key: value'; this one is not: '" + Shorten(block.Line + line < lines.Length ? lines[block.Line + line] : string.Empty) + "' (" + problem + ")."));
            foreach (var entry in entries)
            {
                if (values.ContainsKey(entry.Key))
                {
                    throw new HelpFormatException(file, block.Line + 1 + entry.Line, "The front matter sets '" + entry.Key + "' twice.");
                }

                values[entry.Key] = entry.Value;
            }

            return values;
        }

        public static MarkdownDocument Parse(string file, string text)
        {
            var markdown = ParseMarkdown(text);
            var doc = new MarkdownDocument { File = file, sourceLines = SplitLines(text) };
            doc.FrontMatter = ReadFrontMatter(file, doc.sourceLines, markdown);

            MarkdownSection section = null;
            MarkdownSubsection subsection = null;
            foreach (var block in markdown)
            {
                var lineNumber = block.Line + 1;
                if (block is YamlFrontMatterBlock)
                {
                    continue;
                }

                if (block is HeadingBlock heading && heading.Level <= 3)
                {
                    var name = PlainText.Of(heading.Inline);
                    if (name.Length == 0)
                    {
                        throw new HelpFormatException(file, lineNumber, "The heading has no text.");
                    }

                    if (heading.Level == 1)
                    {
                        if (doc.Title != null)
                        {
                            throw new HelpFormatException(file, lineNumber, "A second '# ' title ('" + name + "'); the first is on line " + doc.TitleLine + ". A help file has one '# ' title; use '## ' for sections.");
                        }

                        if (section != null)
                        {
                            throw new HelpFormatException(file, lineNumber, "The '# ' title must come before the first '## ' section.");
                        }

                        doc.Title = name;
                        doc.TitleLine = lineNumber;
                    }
                    else if (heading.Level == 2)
                    {
                        if (doc.Title == null)
                        {
                            throw new HelpFormatException(file, lineNumber, "The file needs a '# <name>' title before its first section.");
                        }

                        section = new MarkdownSection { Name = name, Line = lineNumber };
                        subsection = null;
                        doc.Sections.Add(section);
                    }
                    else
                    {
                        if (section == null)
                        {
                            throw new HelpFormatException(file, lineNumber, "The '### " + name + "' heading is not inside a '## ' section.");
                        }

                        subsection = new MarkdownSubsection { Heading = name, Line = lineNumber };
                        section.Subsections.Add(subsection);
                    }

                    continue;
                }

                var target = subsection?.Blocks ?? section?.Intro;
                if (target != null)
                {
                    MarkdownBlocks.Convert(block, target);
                    continue;
                }

                // Outside any section only what shows nothing (a comment, a thematic break) may stand.
                var stray = new List<MarkdownBlock>();
                MarkdownBlocks.Convert(block, stray);
                if (stray.Count > 0)
                {
                    var first = Shorten(doc.SourceLine(stray[0].Line));
                    throw new HelpFormatException(file, stray[0].Line, doc.Title == null
                        ? "Text before the '# <name>' title: '" + first + "'."
                        : "Text between the title and the first '## ' section: '" + first + "'.");
                }
            }

            CheckFences(file, markdown);

            if (doc.Title == null)
            {
                throw new HelpFormatException(file, 0, "The file has no '# <name>' title.");
            }

            return doc;
        }

        /// <summary>
        /// CommonMark lets an unclosed fence run to the end of the file, and lets the closing fence of the next block
        /// ("```" after "```yaml") close it instead, so one missing "```" turns the rest of a help file into code and
        /// its code into text. Either is a mistake in help: a fence whose code holds a line that opens another fenced
        /// block (a fence with an info string, which cannot close it) was left open.
        /// </summary>
        private static void CheckFences(string file, Markdig.Syntax.MarkdownDocument markdown)
        {
            foreach (var fenced in markdown.Descendants<FencedCodeBlock>())
            {
                var fence = new string(fenced.FencedChar, fenced.OpeningFencedCharCount);
                if (fenced.ClosingFencedCharCount == 0)
                {
                    throw new HelpFormatException(file, fenced.Line + 1, "The code block opened here (" + fence + ") is never closed.");
                }

                for (var i = 0; i < fenced.Lines.Count; i++)
                {
                    var text = fenced.Lines.Lines[i].Slice.ToString();
                    var trimmed = text.TrimStart(' ');
                    if (text.Length - trimmed.Length <= 3 && trimmed.StartsWith(fence, StringComparison.Ordinal))
                    {
                        var info = trimmed.TrimStart(fenced.FencedChar).Trim();
                        if (info.Length > 0)
                        {
                            throw new HelpFormatException(file, fenced.Line + 1, "The code block opened here (" + fence + ") is never closed: line " + (fenced.Lines.Lines[i].Line + 1) + " ('" + Shorten(text) + "') opens another one inside it.");
                        }
                    }
                }
            }
        }

        /// <summary>The source text of a 1-based line, for quoting in a message.</summary>
        public string SourceLine(int line) => line >= 1 && line <= sourceLines.Length ? sourceLines[line - 1] : string.Empty;

        internal static string Shorten(string text)
        {
            text = text.Trim();
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }
    }
}
