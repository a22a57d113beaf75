using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using WxOrders.Http;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// Collects Verbose and Debug lines from worker threads; the cmdlet writes them on the pipeline thread
    /// (the only thread allowed to write to PowerShell streams). Lines are only kept when the stream is on.
    /// </summary>
    internal sealed class PipelineLog : IOperationLog
    {
        private readonly ConcurrentQueue<KeyValuePair> lines = new ConcurrentQueue<KeyValuePair>();
        private readonly bool verbose;
        private readonly bool debug;

        public PipelineLog(bool verbose, bool debug)
        {
            this.verbose = verbose;
            this.debug = debug;
        }

        /// <summary>Set whenever a line is queued, so a waiting pipeline thread wakes to write it.</summary>
        public AutoResetEvent Signal { get; } = new AutoResetEvent(false);

        public void Verbose(string message)
        {
            if (verbose)
            {
                lines.Enqueue(new KeyValuePair(false, message));
                Signal.Set();
            }
        }

        public void Debug(string message)
        {
            if (debug)
            {
                lines.Enqueue(new KeyValuePair(true, message));
                Signal.Set();
            }
        }

        /// <summary>Writes queued lines. Call on the pipeline thread only.</summary>
        public void Drain(Cmdlet cmdlet)
        {
            while (lines.TryDequeue(out var line))
            {
                if (line.IsDebug)
                {
                    cmdlet.WriteDebug(line.Text);
                }
                else
                {
                    cmdlet.WriteVerbose(line.Text);
                }
            }
        }

        private struct KeyValuePair
        {
            public KeyValuePair(bool isDebug, string text)
            {
                IsDebug = isDebug;
                Text = text;
            }

            public bool IsDebug { get; }

            public string Text { get; }
        }
    }
}
