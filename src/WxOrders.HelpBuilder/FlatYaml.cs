using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WxOrders.HelpBuilder
{
    /// <summary>A "key: value" of a flat YAML mapping, with its line in the YAML text (1-based).</summary>
    /// <param name="Key">The key as written.</param>
    /// <param name="Value">The scalar's text ("02:00:00" stays a string, quotes are removed); empty for "Key:".</param>
    /// <param name="Line">1-based, in the YAML text.</param>
    internal readonly record struct YamlEntry(string Key, string Value, int Line);

    /// <summary>
    /// Reads the YAML of platyPS help, the front matter and the ```yaml block of each parameter: one mapping of
    /// scalar values, read by YamlDotNet (so quotes, comments and escapes mean what YAML says). Keys are returned in
    /// order, repeats included: the callers say what a repeat means.
    /// </summary>
    internal static class FlatYaml
    {
        private static readonly Regex MarkPrefix = new Regex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

        /// <param name="yaml">The YAML text.</param>
        /// <param name="fail">Makes the error for a problem on a line (1-based in <paramref name="yaml"/>).</param>
        public static List<YamlEntry> Read(string yaml, Func<int, string, HelpFormatException> fail)
        {
            var entries = new List<YamlEntry>();
            try
            {
                var parser = new Parser(new StringReader(yaml));
                parser.Consume<StreamStart>();
                if (parser.TryConsume<StreamEnd>(out _))
                {
                    return entries;
                }

                parser.Consume<DocumentStart>();
                if (!parser.TryConsume<MappingStart>(out _))
                {
                    throw fail(LineOf(parser.Current), "not a 'key: value' mapping");
                }

                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (!parser.TryConsume<Scalar>(out var key))
                    {
                        throw fail(LineOf(parser.Current), "the key is not a plain name");
                    }

                    if (!parser.TryConsume<Scalar>(out var value))
                    {
                        throw fail(LineOf(parser.Current), "the value is not one line of text; for a list, write 'a, b'");
                    }

                    entries.Add(new YamlEntry(key.Value.Trim(), value.Value.Trim(), LineOf(key)));
                }

                parser.Consume<DocumentEnd>();
                if (!parser.TryConsume<StreamEnd>(out _))
                {
                    throw fail(LineOf(parser.Current), "a second YAML document");
                }
            }
            catch (YamlException ex)
            {
                throw fail(checked((int)ex.Start.Line), MarkPrefix.Replace(ex.Message, string.Empty).TrimEnd('.') + "; quote a value that YAML reads otherwise, such as 'Default value: \"@()\"'");
            }

            return entries;
        }

        private static int LineOf(ParsingEvent e) => e == null ? 1 : checked((int)e.Start.Line);
    }
}
