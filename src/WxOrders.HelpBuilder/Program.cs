using System;
using System.IO;

namespace WxOrders.HelpBuilder
{
    /// <summary>
    /// dotnet WxOrders.HelpBuilder.dll &lt;docs folder&gt; &lt;output folder&gt; [&lt;module manifest&gt;]
    /// Exit code 0 when the help was written; 1 when a source is malformed (each problem printed as
    /// "file(line): error WXHELP001: ...", which MSBuild reports as a build error); 2 for wrong arguments.
    /// </summary>
    internal static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length < 2 || args.Length > 3)
            {
                Console.Error.WriteLine("Usage: dotnet WxOrders.HelpBuilder.dll <docs folder> <output folder> [<module manifest .psd1>]");
                return 2;
            }

            var docs = Path.GetFullPath(args[0]);
            var output = Path.GetFullPath(args[1]);
            var manifest = args.Length == 3 ? Path.GetFullPath(args[2]) : null;

            var result = HelpBuild.Run(docs, manifest);
            foreach (var warning in result.Warnings)
            {
                Console.WriteLine(warning);
            }

            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    Console.WriteLine(error.ToBuildMessage());
                }

                Console.WriteLine("WxOrders.HelpBuilder: " + result.Errors.Count + " problem(s) in " + docs + "; no help was written.");
                return 1;
            }

            HelpBuild.WriteOutputs(result, output);
            Console.WriteLine("WxOrders.HelpBuilder: " + result.Commands.Count + " cmdlet(s) and " + System.Linq.Enumerable.Count(result.Outputs.Keys, k => k.EndsWith(".help.txt", StringComparison.OrdinalIgnoreCase)) + " about topic(s) -> " + output);
            foreach (var skipped in result.Skipped)
            {
                Console.WriteLine("WxOrders.HelpBuilder: skipped " + skipped);
            }

            return 0;
        }
    }
}
