using System;
using System.Collections;
using System.Management.Automation;

namespace WxOrders.Infrastructure
{
    /// <summary>The walk every string validation attribute needs: one string, or each element of a list of them.</summary>
    internal static class StringArguments
    {
        /// <summary>
        /// Calls <paramref name="check"/> for the bound string, or for each element of a bound list (a non-string
        /// element is passed as null). False when the argument is neither, such as null.
        /// </summary>
        public static bool Each(object arguments, Action<string> check)
        {
            if (arguments is PSObject ps)
            {
                arguments = ps.BaseObject;
            }

            if (arguments is string s)
            {
                check(s);
                return true;
            }

            if (arguments is IEnumerable items)
            {
                foreach (var item in items)
                {
                    check(item is PSObject p ? p.BaseObject as string : item as string);
                }

                return true;
            }

            return false;
        }
    }
}
