using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace WxOrders.Benchmarks
{
    /// <summary>One line of the result table.</summary>
    internal sealed class Row
    {
        public Row(string part, string measure, string result, string reference, string target, string verdict)
        {
            Part = part;
            Measure = measure;
            Result = result;
            Reference = reference;
            Target = target;
            Verdict = verdict;
        }

        public string Part { get; }

        public string Measure { get; }

        public string Result { get; }

        public string Reference { get; }

        public string Target { get; }

        /// <summary>met, NOT MET, reference, pending, ...</summary>
        public string Verdict { get; }
    }

    internal sealed class Report
    {
        private readonly List<Row> rows = new List<Row>();

        public void Add(Row row)
        {
            rows.Add(row);
            Console.WriteLine("   -> " + row.Measure + ": " + row.Result + (string.IsNullOrEmpty(row.Reference) ? string.Empty : "; " + row.Reference) + (string.IsNullOrEmpty(row.Verdict) ? string.Empty : " [" + row.Verdict + "]"));
        }

        public string ToMarkdown()
        {
            var text = new StringBuilder();
            text.AppendLine("| Part | Measure | Result | Reference | Target | Verdict |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var r in rows)
            {
                text.Append("| ").Append(Cell(r.Part))
                    .Append(" | ").Append(Cell(r.Measure))
                    .Append(" | ").Append(Cell(r.Result))
                    .Append(" | ").Append(Cell(r.Reference))
                    .Append(" | ").Append(Cell(r.Target))
                    .Append(" | ").Append(Cell(r.Verdict))
                    .AppendLine(" |");
            }

            return text.ToString().TrimEnd();
        }

        private static string Cell(string s) => string.IsNullOrEmpty(s) ? "" : s.Replace("|", "\\|").Replace("\n", " ");
    }

    internal static class Stats
    {
        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        public static string N0(double v) => v.ToString("#,0", CultureInfo.InvariantCulture);

        public static string N1(double v) => v.ToString("#,0.0", CultureInfo.InvariantCulture);

        public static string N2(double v) => v.ToString("#,0.00", CultureInfo.InvariantCulture);

        public static string Pct(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        public static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

        public static string List(IEnumerable<double> values, Func<double, string> format) => string.Join(", ", values.Select(format));
    }
}
