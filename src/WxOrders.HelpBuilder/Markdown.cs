using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WxOrders.HelpBuilder
{
    /// <summary>A problem in a help source, with the file and line to fix. The build prints it as an MSBuild error.</summary>
    internal sealed class HelpFormatException : Exception
    {
        public HelpFormatException(string file, int line, string message)
            : base(message)
        {
            File = file;
            Line = line;
        }

        public string File { get; }

        /// <summary>1-based; 0 when the problem is about the whole file.</summary>
        public int Line { get; }

        /// <summary>The canonical error format MSBuild's Exec task turns into a build error.</summary>
        public string ToBuildMessage() =>
            (File ?? "WxOrders.HelpBuilder") + (Line > 0 ? "(" + Line + ")" : string.Empty) + ": error WXHELP001: " + Message;
    }

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

    internal enum BlockKind
    {
        Paragraph,
        List,
        Code,
        Table,
    }

    /// <summary>One item of a list block as plain text; nested lists are items one level deeper.</summary>
    internal sealed class MarkdownListItem
    {
        /// <summary>0 for a top-level item.</summary>
        public int Depth { get; set; }

        /// <summary>"-" for a bullet, "3." for the third item of a numbered list.</summary>
        public string Marker { get; set; }

        public string Text { get; set; }

        /// <summary>A further paragraph of the item (not its first): shown indented, without a marker.</summary>
        public bool IsContinuation { get; set; }

        /// <summary>The item's paragraph as Markdig parsed it, for RELATED LINKS.</summary>
        internal ContainerInline Inlines { get; set; }
    }

    /// <summary>
    /// A paragraph, list, code block or table as plain text (what a console shows), with the line it starts on. The
    /// Markdown itself is read by Markdig (CommonMark, plus GitHub's pipe tables), so it means what GitHub renders.
    /// </summary>
    internal sealed class MarkdownBlock
    {
        public BlockKind Kind { get; set; }

        /// <summary>1-based.</summary>
        public int Line { get; set; }

        /// <summary>The fence's info string (such as "powershell" or "yaml"), lower case; empty for other blocks.</summary>
        public string Info { get; set; } = string.Empty;

        /// <summary>Paragraph: its plain text, on one line.</summary>
        public string Text { get; set; }

        /// <summary>Code: the lines between the fences exactly (less the fence's own indentation).</summary>
        public List<string> Lines { get; } = new List<string>();

        public List<MarkdownListItem> Items { get; } = new List<MarkdownListItem>();

        /// <summary>Table: the header row, then the body rows, each cell as plain text.</summary>
        public List<List<string>> Rows { get; } = new List<List<string>>();

        /// <summary>The paragraph as Markdig parsed it, for RELATED LINKS.</summary>
        internal ContainerInline Inlines { get; set; }
    }

    /// <summary>One line of a paragraph or list item: the link it holds, if it holds exactly one link and nothing else.</summary>
    internal sealed class LinkLine
    {
        public int Line { get; set; }

        /// <summary>Null when the line is not a single link.</summary>
        public string Text { get; set; }

        public string Url { get; set; }
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
                    var name = PlainText(heading.Inline);
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
                    Convert(block, target);
                    continue;
                }

                // Outside any section only what shows nothing (a comment, a thematic break) may stand.
                var stray = new List<MarkdownBlock>();
                Convert(block, stray);
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

        /// <summary>Appends the plain-text blocks of one Markdig block (a quote or a list may give several).</summary>
        private static void Convert(Block block, List<MarkdownBlock> output)
        {
            switch (block)
            {
                case FencedCodeBlock fenced:
                    output.Add(Code(fenced, (fenced.Info ?? string.Empty).ToLowerInvariant()));
                    break;
                case CodeBlock indented:
                    output.Add(Code(indented, string.Empty));
                    break;
                case HeadingBlock deeper:
                    // "#### Text" below a "###" subsection: a line of text in it.
                    output.Add(new MarkdownBlock { Kind = BlockKind.Paragraph, Line = deeper.Line + 1, Text = PlainText(deeper.Inline), Inlines = deeper.Inline });
                    break;
                case ParagraphBlock paragraph:
                    output.Add(new MarkdownBlock { Kind = BlockKind.Paragraph, Line = paragraph.Line + 1, Text = PlainText(paragraph.Inline), Inlines = paragraph.Inline });
                    break;
                case ListBlock list:
                    ConvertList(list, 0, null, output);
                    break;
                case Table table:
                    output.Add(TableBlock(table));
                    break;
                case HtmlBlock html when html.Type == HtmlBlockType.Comment:
                    // Not rendered by GitHub, so not help either.
                    break;
                case HtmlBlock html:
                    output.Add(new MarkdownBlock { Kind = BlockKind.Paragraph, Line = html.Line + 1, Text = string.Join(" ", html.Lines.Lines.Take(html.Lines.Count).Select(l => l.Slice.ToString().Trim())).Trim() });
                    break;
                case QuoteBlock quote:
                    foreach (var child in quote)
                    {
                        Convert(child, output);
                    }

                    break;
                default:
                    // Thematic breaks, link reference definitions, blank lines: nothing to show.
                    break;
            }
        }

        private static MarkdownBlock Code(LeafBlock code, string info)
        {
            var block = new MarkdownBlock { Kind = BlockKind.Code, Line = code.Line + 1, Info = info };
            for (var i = 0; i < code.Lines.Count; i++)
            {
                block.Lines.Add(code.Lines.Lines[i].Slice.ToString());
            }

            return block;
        }

        /// <summary>
        /// A list's items into <paramref name="items"/> (a new list block when null); nested lists go one level deeper,
        /// further paragraphs of an item become its continuations, and a code block or table in an item ends the list
        /// block (it follows as its own block, and the list goes on in a new one). Returns the list block in use.
        /// </summary>
        private static MarkdownBlock ConvertList(ListBlock list, int depth, MarkdownBlock items, List<MarkdownBlock> output)
        {
            var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var marker = list.IsOrdered ? number++ + (list.OrderedDelimiter == ')' ? ")" : ".") : "-";
                var first = true;
                foreach (var child in item)
                {
                    if (child is ParagraphBlock paragraph)
                    {
                        items ??= AddList(output, paragraph.Line + 1);
                        items.Items.Add(new MarkdownListItem { Depth = depth, Marker = marker, Text = PlainText(paragraph.Inline), IsContinuation = !first, Inlines = paragraph.Inline });
                    }
                    else if (child is ListBlock nested)
                    {
                        items ??= AddList(output, nested.Line + 1);
                        if (first)
                        {
                            // "- - x": an item that starts with a list.
                            items.Items.Add(new MarkdownListItem { Depth = depth, Marker = marker, Text = string.Empty });
                        }

                        items = ConvertList(nested, depth + 1, items, output);
                    }
                    else
                    {
                        if (first)
                        {
                            // An item that starts with code or a table: its marker on a line of its own.
                            items ??= AddList(output, item.Line + 1);
                            items.Items.Add(new MarkdownListItem { Depth = depth, Marker = marker, Text = string.Empty });
                        }

                        Convert(child, output);
                        items = null;
                    }

                    first = false;
                }

                if (first)
                {
                    // An empty item ("-" alone on its line).
                    items ??= AddList(output, item.Line + 1);
                    items.Items.Add(new MarkdownListItem { Depth = depth, Marker = marker, Text = string.Empty });
                }
            }

            return items;
        }

        private static MarkdownBlock AddList(List<MarkdownBlock> output, int line)
        {
            var items = new MarkdownBlock { Kind = BlockKind.List, Line = line };
            output.Add(items);
            return items;
        }

        private static MarkdownBlock TableBlock(Table table)
        {
            var block = new MarkdownBlock { Kind = BlockKind.Table, Line = table.Line + 1 };
            foreach (var row in table.OfType<TableRow>())
            {
                block.Rows.Add(row.OfType<TableCell>().Select(cell => string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => PlainText(p.Inline)))).ToList());
            }

            return block;
        }

        /// <summary>The lines of a paragraph or list block, each with the link it holds when it is one link and nothing else.</summary>
        public static IEnumerable<LinkLine> LinkLines(MarkdownBlock block)
        {
            var paragraphs = block.Kind == BlockKind.List ? block.Items.Select(i => (i.Inlines, block.Line)) : new[] { (block.Inlines, block.Line) };
            foreach (var (inlines, fallback) in paragraphs)
            {
                var line = new List<Inline>();
                foreach (var inline in (IEnumerable<Inline>)inlines ?? Array.Empty<Inline>())
                {
                    if (inline is LineBreakInline)
                    {
                        yield return Link(line, fallback);
                        line.Clear();
                    }
                    else if (!(inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace()))
                    {
                        line.Add(inline);
                    }
                }

                if (line.Count > 0 || inlines == null)
                {
                    yield return Link(line, fallback);
                }
            }
        }

        private static LinkLine Link(List<Inline> line, int fallback)
        {
            var result = new LinkLine { Line = line.Count > 0 ? line[0].Line + 1 : fallback };
            if (line.Count == 1 && line[0] is LinkInline link && !link.IsImage)
            {
                result.Text = Label(link);
                result.Url = link.Url ?? string.Empty;
            }
            else if (line.Count == 1 && line[0] is AutolinkInline auto && !auto.IsEmail)
            {
                result.Text = auto.Url;
                result.Url = auto.Url;
            }

            return result;
        }

        /// <summary>The source text of a 1-based line, for quoting in a message.</summary>
        public string SourceLine(int line) => line >= 1 && line <= sourceLines.Length ? sourceLines[line - 1] : string.Empty;

        internal static string Shorten(string text)
        {
            text = text.Trim();
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        /// <summary>
        /// Plain text of inline Markdown, as a console shows it: code spans, emphasis and strong lose their marks,
        /// links become "text (https://...)" (or just the text for links to other help files), escapes and entities
        /// are undone, line breaks (and &lt;br&gt;) are spaces.
        /// </summary>
        public static string PlainText(ContainerInline inlines)
        {
            var text = new StringBuilder();
            AppendPlain(text, inlines);
            return text.ToString().Trim();
        }

        private static void AppendPlain(StringBuilder text, Inline inline)
        {
            switch (inline)
            {
                case null:
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline html:
                    // <br> is a line break; any other tag is kept as written (help has no HTML renderer).
                    text.Append(IsLineBreakTag(html.Tag) ? " " : html.Tag);
                    break;
                case AutolinkInline auto:
                    text.Append(auto.Url);
                    break;
                case LinkInline link:
                    var shown = Label(link);
                    var url = link.Url ?? string.Empty;
                    text.Append(!link.IsImage && IsAbsoluteUrl(url) && url != shown ? shown + " (" + url + ")" : shown);
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        AppendPlain(text, child);
                    }

                    break;
            }
        }

        /// <summary>The plain text of a link's (or image's) label.</summary>
        private static string Label(LinkInline link)
        {
            var label = new StringBuilder();
            foreach (var child in link)
            {
                AppendPlain(label, child);
            }

            return label.ToString().Trim();
        }

        private static readonly Regex LineBreakTag = new Regex(@"^<br\s*/?>$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static bool IsLineBreakTag(string tag) => LineBreakTag.IsMatch(tag ?? string.Empty);

        public static bool IsAbsoluteUrl(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

        /// <summary>A table as aligned plain-text columns, the header underlined with dashes (no indentation).</summary>
        public static IEnumerable<string> TableText(List<List<string>> rows)
        {
            var columns = rows.Max(r => r.Count);
            var widths = new int[columns];
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Count; i++)
                {
                    widths[i] = Math.Max(widths[i], row[i].Length);
                }
            }

            string Row(Func<int, string> cell)
            {
                var text = new StringBuilder();
                for (var i = 0; i < columns; i++)
                {
                    text.Append(i == columns - 1 ? cell(i) : cell(i).PadRight(widths[i] + 2));
                }

                return text.ToString().TrimEnd();
            }

            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                yield return Row(i => i < row.Count ? row[i] : string.Empty);
                if (r == 0)
                {
                    yield return Row(i => new string('-', widths[i]));
                }
            }
        }
    }
}
