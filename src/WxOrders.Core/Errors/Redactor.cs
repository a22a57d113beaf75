using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace WxOrders.Http
{
    /// <summary>
    /// Removes secrets from any text that could be shown: query values of secret-bearing keys, and the literal
    /// values a connection knows to be secret (app secret, current and previous access tokens).
    /// The cmdlet layer uses only <see cref="RedactPatterns"/> (for exception text it did not produce); the per-connection
    /// instance lives inside the engine.
    /// </summary>
    public sealed class Redactor
    {
        internal const string Mask = "REDACTED";

        private static readonly Regex SecretQuery = new Regex(
            @"(?<key>access_token|app_secret|secret|appsecret|token)(?<sep>\s*[=:]\s*""?)(?<value>[^&\s""',;}]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private readonly object gate = new object();
        private readonly List<string> secrets = new List<string>();

        internal Redactor()
        {
        }

        /// <summary>Registers a value that must never be shown (ignored when short or empty).</summary>
        internal void Add(string secret)
        {
            if (string.IsNullOrEmpty(secret) || secret.Length < 4)
            {
                return;
            }

            lock (gate)
            {
                if (!secrets.Contains(secret))
                {
                    secrets.Add(secret);
                    if (secrets.Count > 16)
                    {
                        // Keep the secret (index 0, if any) and the latest tokens only.
                        secrets.RemoveAt(1);
                    }
                }
            }
        }

        internal string Redact(string text)
        {
            text = RedactPatterns(text);
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            lock (gate)
            {
                foreach (var s in secrets)
                {
                    if (text.IndexOf(s, StringComparison.Ordinal) >= 0)
                    {
                        text = text.Replace(s, Mask);
                    }
                }
            }

            return text;
        }

        /// <summary>
        /// An exception as a message may show it: the chain of inner messages (they say what actually happened:
        /// connection refused, reset by peer), redacted, because a runtime may one day put the URL in its text.
        /// </summary>
        internal string Describe(Exception ex)
        {
            var text = new StringBuilder();
            for (var e = ex; e != null && text.Length < 400; e = e.InnerException)
            {
                if (text.Length > 0)
                {
                    text.Append(": ");
                }

                text.Append(e.Message.TrimEnd('.'));
            }

            return Redact(text.ToString());
        }

        /// <summary>Masks secret-bearing query and key/value pairs in any text.</summary>
        public static string RedactPatterns(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            return SecretQuery.Replace(text, m => m.Groups["key"].Value + m.Groups["sep"].Value + Mask);
        }
    }
}
