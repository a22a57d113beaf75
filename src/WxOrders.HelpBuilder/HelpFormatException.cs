using System;

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
}
