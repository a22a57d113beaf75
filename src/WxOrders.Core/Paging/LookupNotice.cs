using System.Globalization;

namespace WxOrders.Paging
{
    /// <summary>The closing warning of concurrent reads by id (the lookups, and the second stage of a search).</summary>
    public static class LookupNotice
    {
        /// <summary>"N of M orders could not be retrieved...": null when none failed.</summary>
        public static string NotRetrieved(long failed, long requested, string noun)
        {
            if (failed <= 0)
            {
                return null;
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "{0} of {1} {2} could not be retrieved. The error records name each one (TargetObject); run the command again for those.",
                failed,
                requested,
                noun);
        }
    }
}
