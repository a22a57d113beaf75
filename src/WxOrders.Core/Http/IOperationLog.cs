namespace WxOrders.Http
{
    /// <summary>
    /// Where the core reports what it does. The cmdlet layer queues these lines and writes them to the Verbose and
    /// Debug streams on the pipeline thread. Text given here never contains a secret or a full URL.
    /// </summary>
    public interface IOperationLog
    {
        void Verbose(string message);

        void Debug(string message);
    }

    internal sealed class NullLog : IOperationLog
    {
        public static readonly NullLog Instance = new NullLog();

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }
    }
}
