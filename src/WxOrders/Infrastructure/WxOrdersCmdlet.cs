using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// What every WxOrders cmdlet shares: a cancellation source cancelled by Ctrl+C (StopProcessing), a log that
    /// worker threads fill and the pipeline thread writes, and the mapping of core exceptions to ErrorRecords.
    /// </summary>
    public abstract class WxOrdersCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private PipelineLog log;

        internal CancellationToken Cancellation => cancellation.Token;

        internal PipelineLog Log => log ?? (log = new PipelineLog(IsStreamOn("Verbose", "VerbosePreference"), IsStreamOn("Debug", "DebugPreference")));

        protected override void StopProcessing()
        {
            cancellation.Cancel();
        }

        /// <summary>
        /// Waits for <paramref name="task"/> on the pipeline thread, writing log lines as they arrive. Ctrl+C ends the
        /// wait at once; the pipeline then stops.
        /// </summary>
        internal void WaitFor(Task task)
        {
            if (!task.IsCompleted)
            {
                // Only a task still running gets a wait handle: AsyncWaitHandle creates an OS event that lives until
                // the finalizer thread closes it, and most results are already there when their turn comes.
                var handles = new WaitHandle[] { ((IAsyncResult)task).AsyncWaitHandle, Log.Signal, Cancellation.WaitHandle };
                while (!task.IsCompleted)
                {
                    Log.Drain(this);
                    WaitHandle.WaitAny(handles);
                    if (Cancellation.IsCancellationRequested && !task.IsCompleted)
                    {
                        throw new PipelineStoppedException();
                    }
                }
            }

            Log.Drain(this);
        }

        /// <summary>Waits for a task and returns its result, rethrowing its own exception (not an AggregateException).</summary>
        internal T Await<T>(Task<T> task)
        {
            WaitFor(task);
            return task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// Writes a warning. Under -Debug (without -WarningAction) PowerShell follows a compiled cmdlet's warning with a
        /// "Continue with this operation?" prompt. The warning is already written when the prompt comes; where no prompt
        /// can be shown (a scheduled task, a hosted runspace) the prompt fails and would take the whole statement's
        /// output with it, so that failure, and only that one, is ignored.
        /// </summary>
        internal void WriteNotice(string text)
        {
            try
            {
                WriteWarning(text);
            }
            catch (System.Management.Automation.Host.HostException) when (MyInvocation.BoundParameters.ContainsKey("Debug"))
            {
            }
        }

        /// <summary>The ErrorRecord for a failure, with the order id (or page, or name) as TargetObject.</summary>
        internal static ErrorRecord ToErrorRecord(Exception exception, object target)
        {
            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                exception = aggregate.InnerException;
            }

            switch (exception)
            {
                case WxApiException api:
                    return new ErrorRecord(api, api.ErrorId, Map(api.Category), target);
                case NotConnectedException notConnected:
                    return new ErrorRecord(notConnected, "WxOrders.NotConnected", ErrorCategory.ResourceUnavailable, target);
                case ArgumentException argument:
                    return new ErrorRecord(new ArgumentException(Redactor.RedactPatterns(argument.Message), argument.ParamName), "WxOrders.InvalidArgument", ErrorCategory.InvalidArgument, target);
                default:
                    // Unexpected: keep the type, never the raw text unredacted.
                    return new ErrorRecord(
                        new InvalidOperationException(exception.GetType().Name + ": " + Redactor.RedactPatterns(exception.Message)),
                        "WxOrders.UnexpectedError",
                        ErrorCategory.NotSpecified,
                        target);
            }
        }

        internal static ErrorCategory Map(WxErrorCategory category)
        {
            switch (category)
            {
                case WxErrorCategory.AuthenticationError: return ErrorCategory.AuthenticationError;
                case WxErrorCategory.PermissionDenied: return ErrorCategory.PermissionDenied;
                case WxErrorCategory.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                case WxErrorCategory.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case WxErrorCategory.InvalidArgument: return ErrorCategory.InvalidArgument;
                case WxErrorCategory.InvalidOperation: return ErrorCategory.InvalidOperation;
                case WxErrorCategory.ConnectionError: return ErrorCategory.ConnectionError;
                case WxErrorCategory.OperationTimeout: return ErrorCategory.OperationTimeout;
                case WxErrorCategory.InvalidData: return ErrorCategory.InvalidData;
                case WxErrorCategory.ResourceUnavailable: return ErrorCategory.ResourceUnavailable;
                default: return ErrorCategory.NotSpecified;
            }
        }

        /// <summary>
        /// A DateTime parameter as an instant when it was given (a DateTime without a kind is local time:
        /// <see cref="Instants.FromParameter"/>), else null.
        /// </summary>
        internal DateTimeOffset? BoundInstant(string name, DateTime value) =>
            MyInvocation.BoundParameters.ContainsKey(name) ? Instants.FromParameter(value) : (DateTimeOffset?)null;

        /// <summary>A terminating error for an argument that cannot be used (before any request is sent).</summary>
        internal void ThrowArgumentError(string message, string errorId, object target)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));
        }

        private bool IsStreamOn(string parameter, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out var bound))
            {
                return bound is SwitchParameter sw ? sw.IsPresent : LanguagePrimitives.IsTrue(bound);
            }

            var preference = GetVariableValue(preferenceVariable);
            if (preference is PSObject ps)
            {
                preference = ps.BaseObject;
            }

            return preference is ActionPreference ap
                ? ap != ActionPreference.SilentlyContinue && ap != ActionPreference.Ignore
                : preference != null && !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase) && !string.Equals(preference.ToString(), "Ignore", StringComparison.OrdinalIgnoreCase);
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                // Whatever ended the pipeline (-ErrorAction Stop, Select-Object -First, Ctrl+C), requests still in
                // flight are cancelled.
                // Not disposed: tasks still winding down may register on its token.
                cancellation.Cancel();
            }
        }
    }
}
