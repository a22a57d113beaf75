using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WxOrders.HelpBuilder
{
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

    /// <summary>Markdig blocks as plain-text blocks: what a console shows of each.</summary>
    internal static class MarkdownBlocks
    {
        /// <summary>Appends the plain-text blocks of one Markdig block (a quote or a list may give several).</summary>
        internal static void Convert(Block block, List<MarkdownBlock> output)
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
                    output.Add(new MarkdownBlock { Kind = BlockKind.Paragraph, Line = deeper.Line + 1, Text = PlainText.Of(deeper.Inline), Inlines = deeper.Inline });
                    break;
                case ParagraphBlock paragraph:
                    output.Add(new MarkdownBlock { Kind = BlockKind.Paragraph, Line = paragraph.Line + 1, Text = PlainText.Of(paragraph.Inline), Inlines = paragraph.Inline });
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
                        items.Items.Add(new MarkdownListItem { Depth = depth, Marker = marker, Text = PlainText.Of(paragraph.Inline), IsContinuation = !first, Inlines = paragraph.Inline });
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
                block.Rows.Add(row.OfType<TableCell>().Select(cell => string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => PlainText.Of(p.Inline)))).ToList());
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
                result.Text = PlainText.Label(link);
                result.Url = link.Url ?? string.Empty;
            }
            else if (line.Count == 1 && line[0] is AutolinkInline auto && !auto.IsEmail)
            {
                result.Text = auto.Url;
                result.Url = auto.Url;
            }

            return result;
        }

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
