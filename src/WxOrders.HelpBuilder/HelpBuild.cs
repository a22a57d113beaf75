using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace WxOrders.HelpBuilder
{
    /// <summary>What a run produced, and every problem found (all files are checked before anything is written).</summary>
    internal sealed class HelpBuildResult
    {
        public List<HelpFormatException> Errors { get; } = new List<HelpFormatException>();

        /// <summary>MSBuild-format warning lines.</summary>
        public List<string> Warnings { get; } = new List<string>();

        /// <summary>Files the rule left out, with why.</summary>
        public List<string> Skipped { get; } = new List<string>();

        public List<CommandHelp> Commands { get; } = new List<CommandHelp>();

        /// <summary>Output file name to content.</summary>
        public SortedDictionary<string, string> Outputs { get; } = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public bool Succeeded => Errors.Count == 0;
    }

    /// <summary>
    /// The conversion of docs/ into the help files of the module. Which files are what:
    /// <list type="bullet">
    /// <item>about_*.md: about topics, written as about_*.help.txt.</item>
    /// <item>*.md whose front matter has "external help file": cmdlet help, written into that MAML file.</item>
    /// <item>Any other *.md (docs/performance.md, docs/reliability.md, ...): not help, left out. But a file named after
    /// a cmdlet the manifest exports must be cmdlet help, so one without that front matter is an error.</item>
    /// </list>
    /// </summary>
    internal static class HelpBuild
    {
        public const string ExternalHelpFileKey = "external help file";

        public static HelpBuildResult Run(string docsDirectory, string manifestPath)
        {
            var result = new HelpBuildResult();
            if (!Directory.Exists(docsDirectory))
            {
                result.Errors.Add(new HelpFormatException(docsDirectory, 0, "The docs folder does not exist."));
                return result;
            }

            var exported = new List<string>();
            if (manifestPath != null)
            {
                try
                {
                    exported = ManifestReader.ReadCmdletsToExport(manifestPath);
                }
                catch (HelpFormatException ex)
                {
                    result.Errors.Add(ex);
                    return result;
                }
            }

            var files = Directory.GetFiles(docsDirectory, "*.md", SearchOption.TopDirectoryOnly).OrderBy(f => f, StringComparer.Ordinal).ToList();
            foreach (var path in files)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                try
                {
                    var text = File.ReadAllText(path, Encoding.UTF8);
                    if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                    {
                        result.Outputs[name + ".help.txt"] = AboutTopicWriter.Convert(path, text, name);
                        continue;
                    }

                    var front = MarkdownDocument.ReadFrontMatter(path, text);
                    if (front == null || !front.ContainsKey(ExternalHelpFileKey))
                    {
                        if (exported.Contains(name, StringComparer.OrdinalIgnoreCase))
                        {
                            throw new HelpFormatException(path, 1, name + " is a cmdlet the module exports, so " + Path.GetFileName(path) + " must be its help: start it with front matter ('---', 'external help file: WxOrders.dll-Help.xml', 'Module Name: WxOrders', 'online version:', 'schema: 2.0.0', '---').");
                        }

                        result.Skipped.Add(Path.GetFileName(path) + " (no '" + ExternalHelpFileKey + "' in its front matter: not cmdlet help)");
                        continue;
                    }

                    var command = CommandDocParser.Parse(path, text, name);
                    var twin = result.Commands.FirstOrDefault(c => string.Equals(c.Name, command.Name, StringComparison.OrdinalIgnoreCase));
                    if (twin != null)
                    {
                        throw new HelpFormatException(path, 0, command.Name + " is documented twice (also in " + twin.File + ").");
                    }

                    result.Commands.Add(command);
                }
                catch (HelpFormatException ex)
                {
                    result.Errors.Add(ex);
                }
                catch (IOException ex)
                {
                    result.Errors.Add(new HelpFormatException(path, 0, "Cannot read the file: " + ex.Message));
                }
            }

            foreach (var cmdlet in exported)
            {
                if (!result.Commands.Any(c => string.Equals(c.Name, cmdlet, StringComparison.OrdinalIgnoreCase)) &&
                    !result.Errors.Any(e => string.Equals(Path.GetFileNameWithoutExtension(e.File ?? string.Empty), cmdlet, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Warnings.Add(Path.Combine(docsDirectory, cmdlet + ".md") + ": warning WXHELP002: " + cmdlet + " is exported by the manifest but has no help. Write docs/" + cmdlet + ".md (platyPS layout).");
                }
            }

            foreach (var command in result.Commands)
            {
                if (exported.Count > 0 && !exported.Contains(command.Name, StringComparer.OrdinalIgnoreCase))
                {
                    result.Warnings.Add(command.File + ": warning WXHELP003: " + command.Name + " is not in the manifest's CmdletsToExport; its help is built but no one can see it.");
                }
            }

            foreach (var group in result.Commands.GroupBy(c => c.ExternalHelpFile, StringComparer.OrdinalIgnoreCase))
            {
                result.Outputs[group.Key] = MamlWriter.Write(group);
            }

            return result;
        }

        /// <summary>Writes each output (only when its content changed, so timestamps mean something) and nothing if there were errors.</summary>
        public static void WriteOutputs(HelpBuildResult result, string outputDirectory)
        {
            if (!result.Succeeded)
            {
                return;
            }

            Directory.CreateDirectory(outputDirectory);
            foreach (var pair in result.Outputs)
            {
                var target = Path.Combine(outputDirectory, pair.Key);
                // about topics carry a BOM: Windows PowerShell 5.1 reads help text files without one as ANSI.
                var encoding = pair.Key.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? new UTF8Encoding(true) : new UTF8Encoding(false);
                var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(pair.Value)).ToArray();
                if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes))
                {
                    File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
                    continue;
                }

                var temp = target + ".tmp";
                File.WriteAllBytes(temp, bytes);
                File.Move(temp, target, overwrite: true);
            }
        }
    }

    /// <summary>Reads CmdletsToExport from a module manifest without PowerShell: the quoted names in its @( ... ) list.</summary>
    internal static class ManifestReader
    {
        private static readonly Regex Entry = new Regex(@"CmdletsToExport\s*=\s*(@\((?<list>[^)]*)\)|(?<list>[^\r\n]*))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex Quoted = new Regex(@"'([^']*)'|""([^""]*)""", RegexOptions.CultureInvariant);

        public static List<string> ReadCmdletsToExport(string manifestPath)
        {
            if (!File.Exists(manifestPath))
            {
                throw new HelpFormatException(manifestPath, 0, "The module manifest does not exist.");
            }

            var text = File.ReadAllText(manifestPath);
            var noComments = string.Join("\n", text.Split('\n').Select(l => l.TrimStart().StartsWith("#", StringComparison.Ordinal) ? string.Empty : l));
            var m = Entry.Match(noComments);
            if (!m.Success)
            {
                throw new HelpFormatException(manifestPath, 0, "The manifest has no CmdletsToExport entry to check the help against.");
            }

            return Quoted.Matches(m.Groups["list"].Value)
                .Select(q => q.Groups[1].Success ? q.Groups[1].Value : q.Groups[2].Value)
                .Where(n => n.Length > 0 && n != "*")
                .ToList();
        }
    }
}
