using System.Threading.Tasks;

namespace WxOrders.Paging
{
    /// <summary>A requested page: its number in the walk, the task that fetches it and when it was asked for.</summary>
    internal sealed class PendingPage<T>
    {
        public PendingPage(int number, Task<ApiPage<T>> task, long sequence = 0)
        {
            Number = number;
            Task = task;
            Sequence = sequence;
        }

        /// <summary>The page number (numbered pages), or the page's place in the walk from 1 (cursor pages).</summary>
        public int Number { get; }

        public Task<ApiPage<T>> Task { get; }

        /// <summary>1 for the walk's first request, 2 for the next, and so on (a page asked for again gets a new one).</summary>
        public long Sequence { get; }
    }
}
