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
        private readonly HashSet<string> queued = new HashSet<string>(StringComparer.Ordinal);
        private List<string> batch = new List<string>(UnionApi.MaxBatch);

        /// <summary>Union order ids (strings of digits such as 1952315038682581). Binds from the pipeline by value and by the property orderId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotBlank]
        public string[] OrderId { get; set; }

        internal override WxPlatform Platform => UnionApi.Platform;

        protected override void ProcessRecord()
        {
            foreach (var raw in OrderId)
            {
                var id = raw.Trim();
                if (!queued.Add(id))
                {
                    continue; // asked for already in this call
                }

                batch.Add(id);
                if (batch.Count == UnionApi.MaxBatch)
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

        internal override Task<List<UnionOrder>> FetchAsync(ApiClient client, string[] key, IOperationLog log, CancellationToken cancellationToken) =>
            UnionApi.GetOrdersAsync(client, key, log, cancellationToken);

        internal override object TargetOf(string[] key) => key.Length == 1 ? (object)key[0] : key;

        internal override void Emit(string[] key, List<UnionOrder> result)
        {
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
                    ReportFailure(UnionApi.NotFound(id), id);
                }
            }
        }

        internal override void EmitFailure(string[] key, Exception exception)
        {
            foreach (var id in key)
            {
                ReportFailure(exception, id);
            }
        }

        private void SubmitBatch()
        {
            var ids = batch.ToArray();
            batch = new List<string>(UnionApi.MaxBatch);
            Submit(ids, ids.Length);
        }
    }
}
