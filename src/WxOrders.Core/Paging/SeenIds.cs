using System;
using System.Collections.Generic;

namespace WxOrders.Paging
{
    /// <summary>
    /// The ids a walk has written. Numeric ids (the usual case: order ids of up to 18 digits) are kept as longs,
    /// a fraction of the memory of strings; anything else as strings.
    /// </summary>
    internal sealed class SeenIds
    {
        private readonly HashSet<long> numbers = new HashSet<long>();
        private HashSet<string> texts;

        public int Count => numbers.Count + (texts?.Count ?? 0);

        /// <summary>True when the id is new (and remembers it).</summary>
        public bool Add(string id)
        {
            if (TryNumber(id, out var n))
            {
                return numbers.Add(n);
            }

            return (texts ?? (texts = new HashSet<string>(StringComparer.Ordinal))).Add(id);
        }

        private static bool TryNumber(string s, out long value)
        {
            value = 0;
            // 1 to 18 digits, no leading zero (so "007" and "7" stay different ids), nothing else.
            if (s.Length == 0 || s.Length > 18 || (s[0] == '0' && s.Length > 1))
            {
                return false;
            }

            for (var i = 0; i < s.Length; i++)
            {
                var d = s[i] - '0';
                if ((uint)d > 9)
                {
                    return false;
                }

                value = (value * 10) + d;
            }

            return true;
        }
    }
}
