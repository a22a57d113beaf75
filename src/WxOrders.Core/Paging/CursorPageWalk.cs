using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Paging
{
    /// <summary>
    /// Walks a cursor API (the WeChat Store order list: next_key, has_more; no total) page after page, with the
    /// -Skip/-First arithmetic of SupportsPaging, over one or more slices (a window split into spans the API allows,
    /// each walked from an empty cursor). The caller's fetch sends the same request every page of a slice, only the
    /// cursor changing (the API rejects a cursor sent with another body). One page is in flight by nature: the next
    /// cursor comes with the answer.
    /// <para>
    /// A slice ends when a page says has_more false. A failed page cannot be stepped over (its answer holds the next
    /// cursor): a failure that would repeat on every page (<see cref="PageWalk{T}.EndsWalk"/>) ends the walk; another
    /// asks for the same page again, up to <see cref="PageWalk.MaxConsecutiveFailures"/> attempts, then ends the walk.
    /// A cursor API that misbehaves (has_more without a next_key, a next_key sent before, pages that bring nothing new)
    /// ends the walk early instead of looping: <see cref="PageWalk.StoppedBecause"/>. -Skip counts entries from the
    /// start of the walk (cursor pages cannot be jumped to), -First stops asking once met, and ids are written once
    /// across slices.
    /// </para>
    /// </summary>
    public sealed class CursorPageWalk<T> : PageWalk<T>
        where T : class
    {
        /// <summary>Pages in a row (has_more true) that brought nothing not already listed before the walk stops.</summary>
        public const int MaxPagesWithoutNewItems = 3;

        private readonly Func<int, string, CancellationToken, Task<ApiPage<T>>> fetch;
        private readonly int slices;
        private readonly HashSet<string> cursorsSent = new HashSet<string>(StringComparer.Ordinal);
        private ulong skipLeft;
        private int slice;
        private string cursor;
        private int nextNumber = 1;
        private int attempts;
        private int pagesWithoutNew;

        /// <summary>One slice: <paramref name="fetch"/> gets the cursor (null for the first page) and the cancellation.</summary>
        public CursorPageWalk(Func<string, CancellationToken, Task<ApiPage<T>>> fetch, Func<T, string> idOf, ulong skip, ulong first, CancellationToken cancellationToken)
            : this(OneSlice(fetch), 1, idOf, skip, first, cancellationToken)
        {
        }

        /// <param name="fetch">Fetches one page: the slice (0 to <paramref name="slices"/> - 1), its cursor (null for the slice's first page), cancellation.</param>
        /// <param name="slices">How many slices to walk, one after the other.</param>
        /// <param name="idOf">The id that de-duplicates an item, across slices (null: never a duplicate).</param>
        /// <param name="skip">Entries to skip from the start of the walk (-Skip).</param>
        /// <param name="first">Items to write at most (-First; ulong.MaxValue for all).</param>
        public CursorPageWalk(Func<int, string, CancellationToken, Task<ApiPage<T>>> fetch, int slices, Func<T, string> idOf, ulong skip, ulong first, CancellationToken cancellationToken)
            : base(idOf, first, cancellationToken)
        {
            this.fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            this.slices = slices;
            skipLeft = skip;
            if (first == 0 || slices < 1)
            {
                End(null);
            }
        }

        /// <summary>Failed attempts at a page that were asked again (a page that then arrived is not a failed page).</summary>
        public int AttemptsRepeated { get; private set; }

        /// <summary>The page the walk gave up on; 0 if none.</summary>
        public int FailedPageNumber { get; private set; }

        /// <summary>The slice being walked (from 0); the slice count once the walk is over.</summary>
        public int Slice => slice;

        public override bool IsComplete => Finished && PagesFailed == 0 && StoppedBecause == null;

        /// <summary>A failed page, or an early stop without one: at most one warning. No totals: a cursor list has none.</summary>
        public override IReadOnlyList<string> Notices(string noun, string fixedSetAdvice)
        {
            if (PagesFailed > 0)
            {
                return new[]
                {
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Page {0} could not be retrieved ({1} read before it), so the search stopped early: {2}. The {3} from there on are missing from the output: a cursor list cannot step over a page. The error record names the failed page (TargetObject); run the command again.",
                        FailedPageNumber,
                        PagesRead,
                        StoppedBecause,
                        noun),
                };
            }

            if (StoppedBecause != null)
            {
                return new[]
                {
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The search stopped early after {0} page(s) ({1} {2} written): {3}, so {2} may be missing from the output. Run the command again; if it stops at the same place, report it with the time of the search.",
                        PagesRead,
                        Emitted,
                        noun,
                        StoppedBecause),
                };
            }

            return Array.Empty<string>();
        }

        private protected override string DuplicatesCause(string noun) =>
            "the API listed them again (on a later page or in a later slice of the window).";

        private protected override void Fill()
        {
            if (Window.Count == 0 && !Cancellation.IsCancellationRequested)
            {
                Window.AddLast(Request());
            }
        }

        private protected override PageOutcome<T> Failed(PendingPage<T> page, Exception error)
        {
            attempts++;
            string reason = null;
            if (Cancellation.IsCancellationRequested)
            {
                reason = "the search was stopped";
            }
            else if (EndsWalk(error))
            {
                reason = "page " + Number(page.Number) + " failed with an error that would repeat on every page";
            }
            else if (attempts >= MaxConsecutiveFailures)
            {
                reason = "page " + Number(page.Number) + " failed " + Number(attempts) + " times in a row";
            }

            if (reason == null)
            {
                // Same slice, same cursor, same body: the page is asked for again.
                AttemptsRepeated++;
                Window.AddFirst(Request());
                return new PageOutcome<T>(page.Number, new List<T>(0), error, discarded: true);
            }

            PagesFailed++;
            FailedPageNumber = page.Number;
            End(reason);
            return new PageOutcome<T>(page.Number, new List<T>(0), error);
        }

        private protected override PageOutcome<T> Arrived(PendingPage<T> page, ApiPage<T> result)
        {
            attempts = 0;
            PagesRead++;
            nextNumber++;
            var skipHere = (int)Math.Min(skipLeft, (ulong)result.Items.Count);
            skipLeft -= (ulong)skipHere;
            var output = Admit(result, skipHere);
            var broughtNew = skipHere > 0 || output.Count > 0;

            if (Emitted >= First)
            {
                End(null);
            }
            else if (!result.HasMore)
            {
                NextSlice();
            }
            else if (string.IsNullOrEmpty(result.NextCursor))
            {
                End("page " + Number(page.Number) + " said more pages follow (has_more) but sent no next_key");
            }
            else if (cursorsSent.Contains(result.NextCursor))
            {
                End("page " + Number(page.Number) + " sent a next_key that was already used (the API seems to ignore the cursor)");
            }
            else if (!broughtNew && ++pagesWithoutNew >= MaxPagesWithoutNewItems)
            {
                End(Number(MaxPagesWithoutNewItems) + " pages in a row brought nothing not already listed (the API seems to ignore the cursor)");
            }
            else
            {
                if (broughtNew)
                {
                    pagesWithoutNew = 0;
                }

                cursor = result.NextCursor;
            }

            return new PageOutcome<T>(page.Number, output, null);
        }

        private static Func<int, string, CancellationToken, Task<ApiPage<T>>> OneSlice(Func<string, CancellationToken, Task<ApiPage<T>>> fetch)
        {
            if (fetch == null)
            {
                throw new ArgumentNullException(nameof(fetch));
            }

            return (slice, cursor, ct) => fetch(cursor, ct);
        }

        private void NextSlice()
        {
            slice++;
            cursor = null;
            cursorsSent.Clear();
            pagesWithoutNew = 0;
            if (slice >= slices)
            {
                End(null);
            }
        }

        private PendingPage<T> Request()
        {
            var s = slice;
            var c = cursor;
            if (c != null)
            {
                cursorsSent.Add(c);
            }

            return Request(nextNumber, ct => fetch(s, c, ct));
        }
    }
}
