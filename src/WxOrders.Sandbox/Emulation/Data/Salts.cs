namespace WxOrders.Emulation.Data
{
    /// <summary>
    /// The salts of the seeded streams (<see cref="SandboxData.Hash"/>): each API draws its fields from its own range
    /// (the salt plus a field number), so a field added to one API changes no other API's data for the same seed.
    /// Changing a value changes every generated order of that API (and the expectations of tests that pin them).
    /// </summary>
    internal static class Salts
    {
        public const ulong ShopOrder = 0x5407;

        public const ulong CoopOrder = 0xC00F;

        public const ulong UnionOrder = 0xA110;

        public const ulong WshotoOrder = 0x3570;

        public const ulong ChannelsOrder = 0xC4A7;

        /// <summary>Mixed into a fault key's hash to pick the kind of an injected fault (apart from whether one is injected).</summary>
        public const ulong FaultKind = 0x5bd1e995UL;
    }
}
