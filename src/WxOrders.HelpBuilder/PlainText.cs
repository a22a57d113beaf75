using System;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;

namespace WxOrders.HelpBuilder
{
    /// <summary>Plain text of Markdig inlines.</summary>
    internal static class PlainText
    {
        /// <summary>
        /// Plain text of inline Markdown, as a console shows it: code spans, emphasis and strong lose their marks,
        /// links become "text (https://...)" (or just the text for links to other help files), escapes and entities
        /// are undone, line breaks (and &lt;br&gt;) are spaces.
        /// </summary>
        public static string Of(ContainerInline inlines)
        {
            var text = new StringBuilder();
            Append(text, inlines);
            return text.ToString().Trim();
        }

        private static void Append(StringBuilder text, Inline inline)
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
                        Append(text, child);
                    }

                    break;
            }
        }

        /// <summary>The plain text of a link's (or image's) label.</summary>
        internal static string Label(LinkInline link)
        {
            var label = new StringBuilder();
            foreach (var child in link)
            {
                Append(label, child);
            }

            return label.ToString().Trim();
        }

        private static readonly Regex LineBreakTag = new Regex(@"^<br\s*/?>$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static bool IsLineBreakTag(string tag) => LineBreakTag.IsMatch(tag ?? string.Empty);

        public static bool IsAbsoluteUrl(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
