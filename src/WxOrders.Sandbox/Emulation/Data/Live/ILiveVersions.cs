namespace WxOrders.Emulation.Data.Live
{
    /// <summary>The live versions of a data set's orders, by index: a snapshot (<see cref="LiveView"/>) or the ledger's current state.</summary>
    internal interface ILiveVersions
    {
        bool TryGet(int index, out OrderVersion version);

        bool Contains(int index);
    }
}
