using System;
using System.Collections.Generic;

namespace WxOrders.Platforms
{
    /// <summary>What every platform does with the product lines of an order it has just read.</summary>
    internal static class OrderItems
    {
        /// <summary>
        /// Runs <paramref name="action"/> on each line that is there (a wire array may hold nulls, or be absent):
        /// lines learn their order's id this way, so they can be exported on their own.
        /// </summary>
        public static void ForEachPresent<T>(IEnumerable<T> items, Action<T> action)
            where T : class
        {
            if (items == null)
            {
                return;
            }

            foreach (var item in items)
            {
                if (item != null)
                {
                    action(item);
                }
            }
        }
    }
}
