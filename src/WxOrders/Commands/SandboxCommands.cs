using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using WxOrders.Emulation;
using WxOrders.Infrastructure;

namespace WxOrders.Commands
{
    /// <summary>Start-WxOrdersSandbox: a local emulator of the four APIs on 127.0.0.1.</summary>
    /// <remarks>
    /// The output type is named, not typeof(Sandbox): reading the attribute would otherwise load WxOrders.Sandbox.dll,
    /// which Import-Module must not do. The assembly loads when this cmdlet binds (-FailureKind is its type).
    /// </remarks>
    [Cmdlet(VerbsLifecycle.Start, "WxOrdersSandbox")]
    [OutputType("WxOrders.Sandbox")]
    public sealed class StartWxOrdersSandboxCommand : WxOrdersCmdlet
    {
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        [Parameter]
        public int Seed { get; set; } = 1;

        [Parameter]
        [ValidateRange(1, 10000000)]
        public int OrderCount { get; set; } = 1000;

        [Parameter]
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double FailureRate { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public SandboxFailureKind[] FailureKind { get; set; }

        [Parameter]
        public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

        [Parameter]
        [ValidateNotNull]
        public Hashtable PermanentFailure { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable MalformedResponse { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int MaxConsecutiveFailures { get; set; } = 2;

        [Parameter]
        public TimeSpan TimeoutFaultDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>New orders and status changes arrive over time on every API, on the real clock.</summary>
        [Parameter]
        public SwitchParameter Live { get; set; }

        /// <summary>Live mode: events per second on each API (half new orders, half changes); 0 leaves them to the tests.</summary>
        [Parameter]
        [ValidateRange(0.0, 1000.0)]
        public double ChangesPerSecond { get; set; } = 1.0;

        /// <summary>Live mode: how long after it happens a new order or a change shows in the list endpoints.</summary>
        [Parameter]
        public TimeSpan VisibilityDelay { get; set; } = TimeSpan.Zero;

        /// <summary>Live mode: the shop changes only orders created this recently.</summary>
        [Parameter]
        public TimeSpan ShopChangeAge { get; set; } = TimeSpan.FromMinutes(10);

        protected override void EndProcessing()
        {
            if (!Live && (MyInvocation.BoundParameters.ContainsKey(nameof(ChangesPerSecond)) || MyInvocation.BoundParameters.ContainsKey(nameof(VisibilityDelay)) || MyInvocation.BoundParameters.ContainsKey(nameof(ShopChangeAge))))
            {
                ThrowArgumentError("-ChangesPerSecond, -VisibilityDelay and -ShopChangeAge set up live mode: add -Live.", "WxOrders.InvalidSandboxOption", null);
            }

            if (VisibilityDelay < TimeSpan.Zero || ShopChangeAge < TimeSpan.FromSeconds(1))
            {
                ThrowArgumentError("-VisibilityDelay must not be negative, and -ShopChangeAge must be at least one second.", "WxOrders.InvalidSandboxOption", null);
            }

            if (Latency < TimeSpan.Zero || TokenLifetime < TimeSpan.FromSeconds(1) || TimeoutFaultDelay < TimeSpan.Zero)
            {
                ThrowArgumentError("-Latency and -TimeoutFaultDelay must not be negative, and -TokenLifetime must be at least one second.", "WxOrders.InvalidSandboxOption", null);
            }

            var failures = KeyMap(PermanentFailure, "-PermanentFailure maps an order key to a non-zero error code, such as @{ '10000000000000000000' = 48001 }.", value =>
                long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) && code != 0 ? code : (long?)null);
            var malformed = KeyMap(MalformedResponse, "-MalformedResponse maps an order key to one of " + string.Join(", ", Enum.GetNames(typeof(SandboxMalformation))) + ".", value =>
                Enum.TryParse(value, true, out SandboxMalformation how) && Enum.IsDefined(typeof(SandboxMalformation), how) ? how : (SandboxMalformation?)null);

            var options = new SandboxOptions
            {
                Port = Port,
                Seed = Seed,
                OrderCount = OrderCount,
                Latency = Latency,
                FailureRate = FailureRate,
                TokenLifetime = TokenLifetime,
                PermanentFailures = failures,
                MalformedResponses = malformed,
                MaxConsecutiveFailures = MaxConsecutiveFailures,
                TimeoutFaultDelay = TimeoutFaultDelay,
                Live = Live,
                ChangesPerSecond = ChangesPerSecond,
                VisibilityDelay = VisibilityDelay,
                ShopChangeAge = ShopChangeAge,
            };
            if (FailureKind != null)
            {
                options.FailureKinds = FailureKind.Distinct().ToArray();
            }

            Sandbox sandbox;
            try
            {
                sandbox = new Sandbox(options);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("The sandbox could not listen on 127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + " (" + ex.Message + "). Choose another -Port, or omit it for a free one.", ex),
                    "WxOrders.SandboxPortInUse",
                    ErrorCategory.ResourceUnavailable,
                    Port));
                return;
            }

            SandboxRegistry.Add(sandbox, Runspace.DefaultRunspace);
            WriteVerbose("Sandbox listening on " + sandbox.BaseUri + " (seed " + Seed.ToString(CultureInfo.InvariantCulture) + ", " + OrderCount.ToString(CultureInfo.InvariantCulture) + " orders per API" +
                (Live ? ", live: " + ChangesPerSecond.ToString(CultureInfo.InvariantCulture) + " events a second per API, visible to the lists after " + VisibilityDelay.ToString("c", CultureInfo.InvariantCulture) : string.Empty) + ").");
            WriteObject(sandbox);
        }

        /// <summary>An order-key hashtable as a dictionary; a value <paramref name="parse"/> refuses is an argument error.</summary>
        private Dictionary<string, T> KeyMap<T>(Hashtable table, string usage, Func<string, T?> parse)
            where T : struct
        {
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            if (table == null)
            {
                return map;
            }

            foreach (DictionaryEntry entry in table)
            {
                var key = entry.Key is PSObject pk ? pk.BaseObject : entry.Key;
                var value = entry.Value is PSObject pv ? pv.BaseObject : entry.Value;
                var parsed = parse(Convert.ToString(value, CultureInfo.InvariantCulture));
                if (!parsed.HasValue)
                {
                    ThrowArgumentError(usage, "WxOrders.InvalidSandboxOption", entry.Key);
                }

                map[Convert.ToString(key, CultureInfo.InvariantCulture)] = parsed.Value;
            }

            return map;
        }
    }

    /// <summary>Stop-WxOrdersSandbox: stops sandboxes and frees their ports.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "WxOrdersSandbox")]
    public sealed class StopWxOrdersSandboxCommand : WxOrdersCmdlet
    {
        /// <summary>The sandboxes to stop; when omitted, every sandbox this session (runspace) started.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Sandbox[] Sandbox { get; set; }

        protected override void ProcessRecord()
        {
            var targets = Sandbox ?? SandboxRegistry.StartedBy(Runspace.DefaultRunspace).ToArray();
            foreach (var s in targets)
            {
                WriteVerbose("Stopping the sandbox at " + s.BaseUri + ".");
                SandboxRegistry.Remove(s);
                s.Stop();
            }
        }
    }

    /// <summary>Running sandboxes, with the runspace that started each; a sandbox stops when that runspace closes.</summary>
    internal static class SandboxRegistry
    {
        private static readonly List<KeyValuePair<Sandbox, Guid>> Items = new List<KeyValuePair<Sandbox, Guid>>();

        public static void Add(Sandbox sandbox, Runspace runspace)
        {
            lock (Items)
            {
                Items.Add(new KeyValuePair<Sandbox, Guid>(sandbox, runspace?.InstanceId ?? Guid.Empty));
            }

            if (runspace != null)
            {
                EventHandler<RunspaceStateEventArgs> handler = null;
                handler = (sender, e) =>
                {
                    var state = e.RunspaceStateInfo.State;
                    if (state == RunspaceState.Closing || state == RunspaceState.Closed || state == RunspaceState.Broken)
                    {
                        runspace.StateChanged -= handler;
                        Remove(sandbox);
                        sandbox.Stop();
                    }
                };
                runspace.StateChanged += handler;
            }
        }

        public static void Remove(Sandbox sandbox)
        {
            lock (Items)
            {
                Items.RemoveAll(p => ReferenceEquals(p.Key, sandbox));
            }
        }

        /// <summary>The sandboxes the given runspace started (another runspace's sandboxes are not its to stop).</summary>
        public static List<Sandbox> StartedBy(Runspace runspace)
        {
            var id = runspace?.InstanceId ?? Guid.Empty;
            lock (Items)
            {
                return Items.Where(p => p.Value == id).Select(p => p.Key).ToList();
            }
        }
    }
}
