using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Paging
{
    /// <summary>
    /// Walks a numbered-page API (page, pageSize, totalNum) in page order, with the -Skip/-First arithmetic of
    /// SupportsPaging. The first page is fetched alone; once the total is known, following pages are fetched ahead,
    /// at most <c>maxInFlight</c> at once, and never beyond the page -First needs. Items come out in page order, each
    /// id at most once (new orders shift pages during a walk). At most <c>maxInFlight</c> pages are held at a time.
    /// <para>
    /// Items that arrive at the top of the list during a walk push every item down. Two pages answered in page order
    /// then overlap (the overlap is de-duplicated), but a page answered before the page in front of it, with arrivals
    /// in between, starts too far down: the items at the boundary would fall into neither page. Each page carries the
    /// total it saw, and arrivals raise the total, so such a page shows a lower total than the page written before it.
    /// Its answer is then discarded and the page fetched again (once: a page asked for after the page before it was
    /// answered cannot predate it). A lower total from a page asked for later is a real decrease (items left the
    /// list): <see cref="TotalDecreased"/>.
    /// </para>
    /// <para>
    /// A page with fewer entries than asked for ends the walk only when it is the last page by the total it reports
    /// (or no total is reported): a server that caps the page size, or null entries, must not end the walk early.
    /// A failed page is written as a failure and the walk goes on, unless the failure would repeat on every page or
    /// <see cref="PageWalk.MaxConsecutiveFailures"/> pages failed in a row.
    /// </para>
    /// </summary>
    public sealed class NumberedPageWalk<T> : PageWalk<T>
        where T : class
    {
        private readonly Func<int, CancellationToken, Task<ApiPage<T>>> fetch;
        private readonly int pageSize;
        private readonly int maxInFlight;
        private readonly int skipInStartPage;
        private readonly int startPage;
        private readonly long lastNeededPage;
        private int nextPage;
        private long lastPage = -1;
        private int consecutiveFailures;
        private long sequenceAtLastWritten = -1;
        private long? lastWrittenTotal;
        private long? totalCount;
        private int lastDonePage;

        /// <param name="fetch">Fetches one page (page number, cancellation).</param>
        /// <param name="idOf">The id that de-duplicates an item (null: never a duplicate).</param>
        /// <param name="pageSize">Items per page the API is asked for.</param>
        /// <param name="skip">Items to skip from the start of the result (-Skip).</param>
        /// <param name="first">Items to write at most (-First; ulong.MaxValue for all).</param>
        /// <param name="maxInFlight">Pages requested at once (-ThrottleLimit).</param>
        /// <param name="needTotal">With -First 0: still read one page, for the total (-IncludeTotalCount).</param>
        public NumberedPageWalk(Func<int, CancellationToken, Task<ApiPage<T>>> fetch, Func<T, string> idOf, int pageSize, ulong skip, ulong first, int maxInFlight, bool needTotal, CancellationToken cancellationToken)
            : base(idOf, first, cancellationToken)
        {
            if (pageSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize));
            }

            this.fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            this.pageSize = pageSize;
            this.maxInFlight = Math.Max(1, maxInFlight);

            var startIndex = skip / (ulong)pageSize;
            startPage = startIndex >= int.MaxValue ? int.MaxValue : (int)startIndex + 1;
            skipInStartPage = (int)(skip % (ulong)pageSize);
            nextPage = startPage;
            lastDonePage = startPage - 1;

            // The last page -First can need, if no id repeats: pages beyond it are fetched one at a time, only when
            // duplicates left -First unmet.
            var needed = first == ulong.MaxValue ? ulong.MaxValue : (first + (ulong)skipInStartPage + (ulong)pageSize - 1) / (ulong)pageSize;
            lastNeededPage = needed > (ulong)int.MaxValue ? long.MaxValue : startPage + Math.Max(1, (long)needed) - 1;
            if (first == 0 && !needTotal)
            {
                End(null);
            }
        }

        /// <summary>The total the API reported (the totalNum of the latest page used); null until a page arrived.</summary>
        public override long? TotalCount => totalCount;

        /// <summary>The totalNum of the first page used; null until a page arrived.</summary>
        public long? FirstTotalCount { get; private set; }

        /// <summary>The lowest and highest totalNum of the pages used.</summary>
        public long? LowestTotalCount { get; private set; }

        public long? HighestTotalCount { get; private set; }

        /// <summary>True when a page asked for after the page before it was answered reported a lower total: items left the list.</summary>
        public bool TotalDecreased { get; private set; }

        /// <summary>Pages fetched again because their answer predated the page before them.</summary>
        public int PagesRefetched { get; private set; }

        /// <summary>The first page that came back with fewer entries than asked for although the total called for more; 0 if none.</summary>
        public int ShortPageNumber { get; private set; }

        /// <summary>The entries of <see cref="ShortPageNumber"/>.</summary>
        public int ShortPageCount { get; private set; }

        /// <summary>The first page this walk asks for (from -Skip).</summary>
        public override int StartPage => startPage;

        /// <summary>The last page as far as the total tells; null while unknown.</summary>
        public override long? LastPage => lastPage < 0 ? (long?)null : lastPage;

        /// <summary>
        /// Pages of the walk (as far as the total and -First tell) never read because the walk stopped early after
        /// failures (<see cref="PageWalk.StoppedBecause"/>), pages fetched ahead and abandoned included; null when the
        /// total is unknown.
        /// </summary>
        public long? PagesNotRead
        {
            get
            {
                if (StoppedBecause == null)
                {
                    return 0;
                }

                if (lastPage < 0)
                {
                    return null;
                }

                return Math.Max(0, Math.Min(lastPage, lastNeededPage) - lastDonePage);
            }
        }

        /// <summary>
        /// How many items the walk should write as the first total tells: totalNum minus -Skip, at most -First;
        /// null while no total is known.
        /// </summary>
        public ulong? ExpectedCount
        {
            get
            {
                if (!FirstTotalCount.HasValue)
                {
                    return null;
                }

                var skipped = ((ulong)(startPage - 1) * (ulong)pageSize) + (ulong)skipInStartPage;
                var total = (ulong)FirstTotalCount.Value;
                var available = total > skipped ? total - skipped : 0;
                return Math.Min(available, First);
            }
        }

        /// <summary>
        /// True when fewer items were written than the first total called for and no failed page, early stop or
        /// falling total explains it (<see cref="GapNotice"/>).
        /// </summary>
        public bool HasGap
        {
            get
            {
                var expected = ExpectedCount;
                return expected.HasValue && Emitted < expected.Value && PagesFailed == 0 && StoppedBecause == null && !TotalDecreased;
            }
        }

        /// <summary>
        /// Also incomplete: a falling total (items may have shifted past the walk) and a gap. A rising total is
        /// complete: every item there at the start was written.
        /// </summary>
        public override bool IsComplete => Finished && PagesFailed == 0 && StoppedBecause == null && !TotalDecreased && !HasGap;

        /// <summary>The failed pages, a total that changed, a gap: at most one warning each, in that order.</summary>
        public override IReadOnlyList<string> Notices(string noun, string fixedSetAdvice)
        {
            var notices = new List<string>(3);
            if (PagesFailed > 0)
            {
                notices.Add(FailedPagesNotice(noun));
            }

            var total = TotalChangeNotice(noun, fixedSetAdvice);
            if (total != null)
            {
                notices.Add(total);
            }

            var gap = GapNotice(noun, fixedSetAdvice);
            if (gap != null)
            {
                notices.Add(gap);
            }

            return notices;
        }

        /// <summary>How many pages failed, out of how many the search needed: read, failed and not fetched.</summary>
        internal string FailedPagesNotice(string noun)
        {
            var notRead = PagesNotRead;
            var stopped = StoppedBecause == null ? string.Empty : "; the search stopped early: " + StoppedBecause;
            string counts;
            if (notRead.HasValue)
            {
                counts = string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} of {1} pages could not be retrieved ({2} read, {0} failed, {3} not fetched{4})",
                    PagesFailed,
                    PagesRead + PagesFailed + notRead.Value,
                    PagesRead,
                    notRead.Value,
                    stopped);
            }
            else
            {
                counts = string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} pages could not be retrieved ({1} read, {0} failed; how many more the search needed is unknown{2})",
                    PagesFailed,
                    PagesRead,
                    stopped);
            }

            return counts + string.Format(
                CultureInfo.InvariantCulture,
                ", so {0} are missing from the output. The error records name each failed page (TargetObject); run the command again (with -Skip to start at a page).",
                noun);
        }

        /// <summary>One warning when the total changed during the walk; null when it did not.</summary>
        internal string TotalChangeNotice(string noun, string advice)
        {
            if (!FirstTotalCount.HasValue || LowestTotalCount == HighestTotalCount)
            {
                return null;
            }

            if (TotalDecreased)
            {
                return string.Format(
                    CultureInfo.InvariantCulture,
                    "The number of matching {0} went down from {1} to {2} during the search (lowest {3}): {0} left the filter while it ran, so some {0} may have shifted past the walk and be missing from the output. Run the search again; to make it stable, {4}.",
                    noun,
                    FirstTotalCount.Value,
                    TotalCount.Value,
                    LowestTotalCount.Value,
                    advice);
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "The number of matching {0} rose from {1} to {2} during the search: new {0} arrived while it ran and shifted the pages. None of the {0} there at the start was skipped{3}; {0} that arrived during the search may be missing. For a fixed set, {4}.",
                noun,
                FirstTotalCount.Value,
                HighestTotalCount.Value,
                PagesRefetched == 0 ? string.Empty : string.Format(CultureInfo.InvariantCulture, " ({0} page(s) fetched ahead of the new {1} were read again)", PagesRefetched, noun),
                advice);
        }

        /// <summary>
        /// A warning when fewer items were written than the first total called for (totalNum minus -Skip, at most
        /// -First) and no failed page or falling total explains it; null otherwise.
        /// </summary>
        internal string GapNotice(string noun, string advice)
        {
            if (!HasGap)
            {
                return null;
            }

            var expected = ExpectedCount.Value;
            string why;
            if (ShortPageNumber > 0)
            {
                why = string.Format(
                    CultureInfo.InvariantCulture,
                    "page {0} came back with {1} {2} where {3} were asked for, although the total called for more: the API seems to answer at most {1} per page. Run the search again with -PageSize {1}.",
                    ShortPageNumber,
                    ShortPageCount,
                    noun,
                    pageSize);
            }
            else if (NullEntries > 0)
            {
                why = string.Format(
                    CultureInfo.InvariantCulture,
                    "the API sent {0} empty (null) entries in place of {1}. Run the search again later; if the gap stays, the API is losing those {1}.",
                    NullEntries,
                    noun);
            }
            else
            {
                why = "the API sent fewer than its total called for. Run the search again; to make it stable, " + advice + ".";
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "{0} of the {1} {2} the API reported were not written ({3} written) and no page failed: {4}",
                expected - Emitted,
                expected,
                noun,
                Emitted,
                why);
        }

        private protected override string DuplicatesCause(string noun) =>
            "new " + noun + " shifted the pages while the walk was under way.";

        private protected override void Fill()
        {
            while (Window.Count < maxInFlight && nextPage <= int.MaxValue - 1 && CanRequest(nextPage))
            {
                Window.AddLast(Request(nextPage++));
            }
        }

        private protected override PageOutcome<T> Failed(PendingPage<T> page, Exception error)
        {
            lastDonePage = page.Number;
            PagesFailed++;
            consecutiveFailures++;
            if (EndsWalk(error))
            {
                End("page " + Number(page.Number) + " failed with an error that would repeat on every page");
            }
            else if (consecutiveFailures >= MaxConsecutiveFailures)
            {
                End(Number(MaxConsecutiveFailures) + " pages in a row failed");
            }

            return new PageOutcome<T>(page.Number, new List<T>(0), error);
        }

        private protected override PageOutcome<T> Arrived(PendingPage<T> page, ApiPage<T> result)
        {
            var total = result.TotalCount.HasValue && result.TotalCount.Value >= 0 ? result.TotalCount : null;
            if (total.HasValue && lastWrittenTotal.HasValue && total.Value < lastWrittenTotal.Value)
            {
                if (page.Sequence > sequenceAtLastWritten)
                {
                    // Asked for after the page before it was answered: the list really shrank.
                    TotalDecreased = true;
                }
                else if (!Cancellation.IsCancellationRequested)
                {
                    // Asked for before the page in front of it was answered, and answered before items arrived that
                    // page saw: the items at the boundary would be in neither. Ask again, at the head of the window.
                    PagesRefetched++;
                    Window.AddFirst(Request(page.Number));
                    return new PageOutcome<T>(page.Number, new List<T>(0), null, discarded: true);
                }
            }

            consecutiveFailures = 0;
            PagesRead++;
            lastDonePage = page.Number;
            sequenceAtLastWritten = Sequence;
            long pagesByThisTotal = -1;
            if (total.HasValue)
            {
                totalCount = total.Value;
                lastWrittenTotal = total.Value;
                FirstTotalCount = FirstTotalCount ?? total.Value;
                LowestTotalCount = Math.Min(LowestTotalCount ?? long.MaxValue, total.Value);
                HighestTotalCount = Math.Max(HighestTotalCount ?? long.MinValue, total.Value);
                pagesByThisTotal = (total.Value + pageSize - 1) / pageSize;
                // New orders can raise the total during a walk: the walk follows it and never shrinks.
                lastPage = Math.Max(lastPage, pagesByThisTotal);
            }

            var output = Admit(result, page.Number == startPage ? skipInStartPage : 0);

            var isShort = result.RawCount < pageSize;
            var lastByItsTotal = pagesByThisTotal < 0 || page.Number >= pagesByThisTotal;
            if (Emitted >= First || (isShort && lastByItsTotal) || (lastPage >= 0 && page.Number >= lastPage))
            {
                // -First is met; a short page that is the last by its total (or without one); or the total says
                // there is nothing more.
                End(null);
            }
            else if (isShort && ShortPageNumber == 0)
            {
                // Short, yet the total calls for more pages: the server caps the page size, or lost entries.
                ShortPageNumber = page.Number;
                ShortPageCount = result.RawCount;
            }

            return new PageOutcome<T>(page.Number, output, null);
        }

        private PendingPage<T> Request(int number) => Request(number, ct => fetch(number, ct));

        private bool CanRequest(int number)
        {
            if (Cancellation.IsCancellationRequested)
            {
                return false;
            }

            if (lastPage < 0)
            {
                // Total unknown: one page at a time.
                return Window.Count == 0;
            }

            if (number > lastPage)
            {
                return false;
            }

            // Beyond what -First needs: only when everything before it is done and -First is still unmet.
            return number <= lastNeededPage || Window.Count == 0;
        }
    }
}
