namespace WxOrders.Emulation.Faults
{
    /// <summary>The fault history of one key (path and order key): guarded by locking the instance.</summary>
    internal sealed class FaultTrack
    {
        public long Attempts;
        public int Consecutive;
        public bool TokenRejected;
    }
}
