using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

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

    internal readonly struct SourceLine
    {
        public SourceLine(int number, string text)
        {
            Number = number;
            Text = text;
        }

        public int Number { get; }

        public string Text { get; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Text);

        public override string ToString() => Number + ": " + Text;
    }

    /// <summary>A "## NAME" section: text before its first "###" heading, then its "###" subsections.</summary>
    internal sealed class MarkdownSection
    {
        public string Name { get; set; }

        public int Line { get; set; }

        public List<SourceLine> Intro { get; } = new List<SourceLine>();

        public List<MarkdownSubsection> Subsections { get; } = new List<MarkdownSubsection>();
    }

    internal sealed class MarkdownSubsection
    {
        public string Heading { get; set; }

        public int Line { get; set; }

        public List<SourceLine> Lines { get; } = new List<SourceLine>();
    }

    internal enum BlockKind
    {
        Paragraph,
        List,
        Code,
        Table,
    }

    /// <summary>A paragraph, list, fenced code block or table, with the line it starts on.</summary>
    internal sealed class MarkdownBlock
    {
        public BlockKind Kind { get; set; }

        public int Line { get; set; }

        /// <summary>The fence's info string (such as "powershell" or "yaml"), lower case; empty for other blocks.</summary>
        public string Info { get; set; } = string.Empty;

        /// <summary>The block's lines: for code, the lines between the fences exactly; for others, as written.</summary>
        public List<string> Lines { get; } = new List<string>();
    }

    /// <summary>
    /// The structure of a platyPS-layout Markdown file: optional YAML front matter between "---" lines, one "# Title",
    /// then "## SECTION"s with optional "### Subsection"s. Headings inside fenced code blocks are text.
    /// </summary>
    internal sealed class MarkdownDocument
    {
        public string File { get; private set; }

        /// <summary>The front matter's "key: value" pairs (keys case-insensitive); null when the file has none.</summary>
        public Dictionary<string, string> FrontMatter { get; private set; }

        public string Title { get; private set; }

        public int TitleLine { get; private set; }

        public List<MarkdownSection> Sections { get; } = new List<MarkdownSection>();

        public static List<SourceLine> SplitLines(string text)
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            var raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            var lines = new List<SourceLine>(raw.Length);
            for (var i = 0; i < raw.Length; i++)
            {
                lines.Add(new SourceLine(i + 1, raw[i].Replace("\t", "    ")));
            }

            return lines;
        }

        /// <summary>
        /// Reads only the front matter (for deciding what kind of file this is without judging the rest). Returns null
        /// when the file does not start with "---".
        /// </summary>
        public static Dictionary<string, string> ReadFrontMatter(string file, List<SourceLine> lines, out int bodyStart)
        {
            bodyStart = 0;
            if (lines.Count == 0 || lines[0].Text.Trim() != "---")
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Text.Trim() == "---")
                {
                    bodyStart = i + 1;
                    return values;
                }

                if (line.IsBlank)
                {
                    continue;
                }

                var colon = line.Text.IndexOf(':');
                if (colon <= 0)
                {
                    throw new HelpFormatException(file, line.Number, "Front matter lines are 'key: value'; this one has no key: '" + line.Text.Trim() + "'.");
                }

                var key = line.Text.Substring(0, colon).Trim();
                if (values.ContainsKey(key))
                {
                    throw new HelpFormatException(file, line.Number, "The front matter sets '" + key + "' twice.");
                }

                values[key] = line.Text.Substring(colon + 1).Trim();
            }

            throw new HelpFormatException(file, 1, "The front matter that starts on line 1 is not closed by a '---' line.");
        }

        public static MarkdownDocument Parse(string file, string text)
        {
            var lines = SplitLines(text);
            var doc = new MarkdownDocument { File = file };
            doc.FrontMatter = ReadFrontMatter(file, lines, out var start);

            MarkdownSection section = null;
            MarkdownSubsection subsection = null;
            var fenceLine = 0;
            for (var i = start; i < lines.Count; i++)
            {
                var line = lines[i];
                if (IsFence(line.Text))
                {
                    fenceLine = fenceLine == 0 ? line.Number : 0;
                }
                else if (fenceLine == 0 && TryHeading(line.Text, out var level, out var heading))
                {
                    if (heading.Length == 0)
                    {
                        throw new HelpFormatException(file, line.Number, "The heading has no text.");
                    }

                    if (level == 1)
                    {
                        if (doc.Title != null)
                        {
                            throw new HelpFormatException(file, line.Number, "A second '# ' title ('" + heading + "'); the first is on line " + doc.TitleLine + ". A help file has one '# ' title; use '## ' for sections.");
                        }

                        if (section != null)
                        {
                            throw new HelpFormatException(file, line.Number, "The '# ' title must come before the first '## ' section.");
                        }

                        doc.Title = heading;
                        doc.TitleLine = line.Number;
                        continue;
                    }

                    if (level == 2)
                    {
                        if (doc.Title == null)
                        {
                            throw new HelpFormatException(file, line.Number, "The file needs a '# <name>' title before its first section.");
                        }

                        section = new MarkdownSection { Name = heading, Line = line.Number };
                        subsection = null;
                        doc.Sections.Add(section);
                        continue;
                    }

                    if (level == 3)
                    {
                        if (section == null)
                        {
                            throw new HelpFormatException(file, line.Number, "The '### " + heading + "' heading is not inside a '## ' section.");
                        }

                        subsection = new MarkdownSubsection { Heading = heading, Line = line.Number };
                        section.Subsections.Add(subsection);
                        continue;
                    }

                    // Deeper headings are text of the current (sub)section.
                }

                if (subsection != null)
                {
                    subsection.Lines.Add(line);
                }
                else if (section != null)
                {
                    section.Intro.Add(line);
                }
                else if (!line.IsBlank)
                {
                    throw new HelpFormatException(file, line.Number, doc.Title == null
                        ? "Text before the '# <name>' title: '" + Shorten(line.Text) + "'."
                        : "Text between the title and the first '## ' section: '" + Shorten(line.Text) + "'.");
                }
            }

            if (fenceLine != 0)
            {
                throw new HelpFormatException(file, fenceLine, "The code block opened here (```) is never closed.");
            }

            if (doc.Title == null)
            {
                throw new HelpFormatException(file, 0, "The file has no '# <name>' title.");
            }

            return doc;
        }

        public static bool IsFence(string text) => text.TrimStart().StartsWith("```", StringComparison.Ordinal);

        private static bool TryHeading(string text, out int level, out string heading)
        {
            level = 0;
            heading = null;
            while (level < text.Length && text[level] == '#')
            {
                level++;
            }

            if (level == 0 || level > 6 || (level < text.Length && text[level] != ' '))
            {
                return false;
            }

            heading = text.Substring(level).Trim().TrimEnd('#').Trim();
            return true;
        }

        internal static string Shorten(string text)
        {
            text = text.Trim();
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        private static readonly Regex ListItem = new Regex(@"^\s{0,3}([-*+]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant);

        public static bool IsListItem(string text) => ListItem.IsMatch(text);

        /// <summary>Splits lines into blocks: blank lines separate paragraphs; fences, list items and table rows start their own blocks.</summary>
        public static List<MarkdownBlock> Blocks(string file, IReadOnlyList<SourceLine> lines)
        {
            var blocks = new List<MarkdownBlock>();
            MarkdownBlock current = null;
            MarkdownBlock fence = null;
            var fenceIndent = 0;
            foreach (var line in lines)
            {
                var text = line.Text;
                if (fence != null)
                {
                    if (IsFence(text) && text.Trim() == "```")
                    {
                        fence = null;
                        continue;
                    }

                    // Remove the fence's own indentation from the code lines.
                    var strip = 0;
                    while (strip < fenceIndent && strip < text.Length && text[strip] == ' ')
                    {
                        strip++;
                    }

                    fence.Lines.Add(text.Substring(strip));
                    continue;
                }

                if (IsFence(text))
                {
                    fenceIndent = text.Length - text.TrimStart().Length;
                    fence = new MarkdownBlock { Kind = BlockKind.Code, Line = line.Number, Info = text.Trim().Substring(3).Trim().ToLowerInvariant() };
                    blocks.Add(fence);
                    current = null;
                    continue;
                }

                if (line.IsBlank)
                {
                    current = null;
                    continue;
                }

                var trimmed = text.Trim();
                if (trimmed.StartsWith("|", StringComparison.Ordinal))
                {
                    if (current == null || current.Kind != BlockKind.Table)
                    {
                        current = new MarkdownBlock { Kind = BlockKind.Table, Line = line.Number };
                        blocks.Add(current);
                    }

                    current.Lines.Add(trimmed);
                    continue;
                }

                if (IsListItem(text))
                {
                    if (current == null || current.Kind != BlockKind.List)
                    {
                        current = new MarkdownBlock { Kind = BlockKind.List, Line = line.Number };
                        blocks.Add(current);
                    }

                    current.Lines.Add(text);
                    continue;
                }

                if (current == null || current.Kind == BlockKind.Table)
                {
                    current = new MarkdownBlock { Kind = BlockKind.Paragraph, Line = line.Number };
                    blocks.Add(current);
                }

                current.Lines.Add(text);
            }

            if (fence != null)
            {
                throw new HelpFormatException(file, fence.Line, "The code block opened here (```) is never closed.");
            }

            return blocks;
        }

        /// <summary>The items of a list block, each with its continuation lines joined and inline Markdown removed.</summary>
        public static List<string> ListItems(MarkdownBlock block)
        {
            var items = new List<string>();
            StringBuilder item = null;
            foreach (var line in block.Lines)
            {
                var m = ListItem.Match(line);
                if (m.Success)
                {
                    if (item != null)
                    {
                        items.Add(Inline(item.ToString()));
                    }

                    item = new StringBuilder(line.Substring(m.Length).Trim());
                }
                else
                {
                    item.Append(' ').Append(line.Trim());
                }
            }

            if (item != null)
            {
                items.Add(Inline(item.ToString()));
            }

            return items;
        }

        /// <summary>The text of a paragraph block: its lines joined with spaces, inline Markdown removed.</summary>
        public static string ParagraphText(MarkdownBlock block) => Inline(string.Join(" ", block.Lines.Select(l => l.Trim())));

        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\(([^)\s]*)\)", RegexOptions.CultureInvariant);
        private static readonly Regex CodeSpan = new Regex(@"`([^`]+)`", RegexOptions.CultureInvariant);
        private static readonly Regex Strong = new Regex(@"\*\*([^*]+)\*\*", RegexOptions.CultureInvariant);
        private static readonly Regex Escape = new Regex(@"\\([\\`*_{}\[\]()#+\-.!<>|])", RegexOptions.CultureInvariant);
        private static readonly Regex LineBreak = new Regex(@"<br\s*/?>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>
        /// Plain text from inline Markdown, as a console shows it: code spans and bold lose their marks, links become
        /// "text (https://...)" (or just the text for links to other help files), escapes are undone.
        /// </summary>
        public static string Inline(string text)
        {
            text = LineBreak.Replace(text, " ");
            text = Link.Replace(text, m =>
            {
                var url = m.Groups[2].Value;
                return IsAbsoluteUrl(url) && url != m.Groups[1].Value ? m.Groups[1].Value + " (" + url + ")" : m.Groups[1].Value;
            });
            text = CodeSpan.Replace(text, "$1");
            text = Strong.Replace(text, "$1");
            text = Escape.Replace(text, "$1");
            return text.Trim();
        }

        public static bool IsAbsoluteUrl(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
