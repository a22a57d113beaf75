using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace WxOrders.HelpBuilder
{
    /// <summary>
    /// Turns docs/about_X.md into en-US/about_X.help.txt, the plain text Get-Help about_X prints: "TOPIC", then each
    /// "## SECTION" as an upper-case heading, "### Sub" headings indented two spaces, text wrapped at 80 columns and
    /// indented four, code blocks and tables kept as written (indented).
    /// </summary>
    internal static class AboutTopicWriter
    {
        public const int Width = 80;

        private static readonly string[] RequiredSections = { "SHORT DESCRIPTION", "LONG DESCRIPTION" };

        public static string Convert(string file, string text, string expectedName)
        {
            var doc = MarkdownDocument.Parse(file, text);
            if (!doc.Title.StartsWith("about_", StringComparison.OrdinalIgnoreCase) || doc.Title.IndexOf(' ') >= 0)
            {
                throw new HelpFormatException(file, doc.TitleLine, "An about topic's title is its name, such as '# about_WxOrders'; it is '" + doc.Title + "'.");
            }

            if (expectedName != null && !string.Equals(doc.Title, expectedName, StringComparison.OrdinalIgnoreCase))
            {
                throw new HelpFormatException(file, doc.TitleLine, "The title '" + doc.Title + "' does not match the file name '" + expectedName + ".md'.");
            }

            foreach (var name in RequiredSections)
            {
                if (!doc.Sections.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new HelpFormatException(file, 0, "An about topic needs a '## " + name + "' section (Get-Help lists topics by their short description).");
                }
            }

            var lines = new List<string> { "TOPIC", "    " + doc.Title, string.Empty };
            foreach (var section in doc.Sections)
            {
                lines.Add(section.Name.ToUpperInvariant());
                Body(section.Intro, lines);
                foreach (var sub in section.Subsections)
                {
                    lines.Add("  " + sub.Heading.ToUpperInvariant());
                    Body(sub.Blocks, lines);
                }
            }

            while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return string.Join("\n", lines) + "\n";
        }

        private static void Body(List<MarkdownBlock> blocks, List<string> lines)
        {
            foreach (var block in blocks)
            {
                switch (block.Kind)
                {
                    case BlockKind.Paragraph:
                        lines.AddRange(Wrap(block.Text, "    ", "    "));
                        break;
                    case BlockKind.List:
                        foreach (var item in block.Items)
                        {
                            var prefix = "    " + CommandDocParser.ListPrefix(item);
                            lines.AddRange(Wrap(item.Text, prefix, new string(' ', prefix.Length)));
                        }

                        break;
                    case BlockKind.Table:
                        lines.AddRange(MarkdownBlocks.TableText(block.Rows).Select(l => "    " + l));
                        break;
                    default:
                        lines.AddRange(CommandDocParser.TrimBlankEnds(block.Lines).Select(l => l.Length == 0 ? string.Empty : "        " + l));
                        break;
                }

                lines.Add(string.Empty);
            }

            if (blocks.Count == 0)
            {
                lines.Add(string.Empty);
            }
        }

        /// <summary>Word-wraps <paramref name="text"/> at <see cref="Width"/> columns.</summary>
        internal static IEnumerable<string> Wrap(string text, string firstIndent, string indent)
        {
            var words = text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            var line = new StringBuilder(firstIndent);
            var empty = true;
            foreach (var word in words)
            {
                if (!empty && line.Length + 1 + word.Length > Width)
                {
                    yield return line.ToString();
                    line = new StringBuilder(indent);
                    empty = true;
                }

                if (!empty)
                {
                    line.Append(' ');
                }

                line.Append(word);
                empty = false;
            }

            if (!empty)
            {
                yield return line.ToString();
            }
        }
    }
}
