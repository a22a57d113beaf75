using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WxOrders.Http;
using WxOrders.Infrastructure;
using WxOrders.Platforms.Union;

namespace WxOrders.Commands
{
    /// <summary>
    /// Get-UnionOrder: WeChat Union promoter orders by id (POST /union/promoter/order/info). Ids from the parameter
    /// and the pipeline are gathered and sent 200 at a time; an id the API does not return is an ObjectNotFound error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "UnionOrder")]
    [OutputType(typeof(UnionOrder))]
    public sealed class GetUnionOrderCommand : OrderLookupCmdlet<string[], List<UnionOrder>>
    {
        /// <summary>
        /// The ids being looked up: the batch being gathered and the batches still in the lookup window. A repeat of
        /// one of them is not looked up again; an id leaves the set when its batch is written, so the set holds at
        /// most 200 * (1 + 4 * ThrottleLimit) ids however many come in (flat memory, as OrderLookupCmdlet promises).
        /// </summary>
        private readonly HashSet<string> pending = new HashSet<string>(StringComparer.Ordinal);
        private List<string> batch = new List<string>(UnionClient.MaxBatch);

        /// <summary>
        /// Union order ids (strings of digits such as 1952315038682581). Binds from the pipeline by value and by the
        /// property orderId (a number there, as ConvertFrom-Json gives, binds as its exact digits).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [FromProperty("OrderId")]
        [ValidateNotBlank]
        [ValidateDigits(Hint = "Union order ids are strings of digits such as 1952315038682581 (one malformed id would make the API refuse its whole batch of 200); check which column or property holds the id.")]
        [ValidateNonZeroId]
        public string[] OrderId { get; set; }

        internal override WxPlatform Platform => UnionClient.Platform;

        protected override void ProcessRecord()
        {
            foreach (var raw in OrderId)
            {
                var id = raw.Trim();
                if (!pending.Add(id))
                {
                    continue; // being looked up already
                }

                batch.Add(id);
                if (batch.Count == UnionClient.MaxBatch)
                {
                    SubmitBatch();
                }
            }
        }

        protected override void EndProcessing()
        {
            if (batch.Count > 0)
            {
                SubmitBatch();
            }

            base.EndProcessing();
        }

        internal override Task<List<UnionOrder>> FetchAsync(ApiConnection connection, string[] key, IOperationLog log, CancellationToken cancellationToken) =>
            connection.Union.GetOrdersAsync(key, log, cancellationToken);

        internal override object TargetOf(string[] key) => key.Length == 1 ? (object)key[0] : key;

        internal override void Emit(string[] key, List<UnionOrder> result)
        {
            Forget(key);
            var returned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var order in result)
            {
                if (order.OrderId != null)
                {
                    returned.Add(order.OrderId);
                }

                WriteObject(order);
            }

            foreach (var id in key)
            {
                if (!returned.Contains(id))
                {
                    ReportFailure(UnionClient.NotFound(id), id);
                }
            }
        }

        internal override void EmitFailure(string[] key, Exception exception)
        {
            Forget(key);
            foreach (var id in key)
            {
                ReportFailure(exception, id);
            }
        }

        /// <summary>The batch has left the window: a later repeat of its ids is looked up again.</summary>
        private void Forget(string[] key)
        {
            foreach (var id in key)
            {
                pending.Remove(id);
            }
        }

        private void SubmitBatch()
        {
            var ids = batch.ToArray();
            batch = new List<string>(UnionClient.MaxBatch);
            Submit(ids, ids.Length);
        }
    }
}
