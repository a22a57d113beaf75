using System;
using WxOrders.Emulation.Data;

namespace WxOrders.Emulation.Data.Channels
{
    /// <summary>
    /// The life of one sandbox store order, in unix seconds (0: has not happened). Its status decides which events
    /// happened; Update is the latest of them, so no time in the order is after update_time.
    /// </summary>
    internal readonly struct ChannelsTimeline
    {
        private const long Minute = 60;
        private const long Hour = 3600;
        private const long Day = 86400;

        public ChannelsTimeline(ChannelsStoreData data, int index)
            : this(data, index, data.Status(index), data.CreateTime(index), null)
        {
        }

        /// <summary>
        /// The timeline of a live version: the events its status implies, none after <paramref name="update"/> (the
        /// change happened then), and update_time the change's time.
        /// </summary>
        public ChannelsTimeline(ChannelsStoreData data, int index, int status, long create, long? update)
        {
            var h = data.Bits(index, 1);
            Create = create;
            Pay = 0;
            FirstShip = 0;
            LastShip = 0;
            Confirm = 0;
            Settle = 0;
            Cancel = 0;
            Aftersale = 0;

            // 10 and 250 were never paid; 12 and 13 wait for a recipient or a group; the rest were paid.
            var paid = status != 10 && status != 250;
            if (paid)
            {
                Pay = Create + 5 + (long)(h % (10 * Minute));
            }

            switch (status)
            {
                case 21:
                    FirstShip = Pay + (2 * Hour) + (long)((h >> 12) % Day);
                    LastShip = FirstShip;
                    break;
                case 30:
                case 100:
                case 200:
                    FirstShip = Pay + (2 * Hour) + (long)((h >> 12) % Day);
                    LastShip = FirstShip + (long)((h >> 24) % (6 * Hour));
                    break;
            }

            if (status == 100)
            {
                Confirm = LastShip + Day + (long)((h >> 36) % (6 * Day));
                Settle = Confirm + Day;
            }

            if (status == 200)
            {
                Aftersale = LastShip + Day + (long)((h >> 36) % (4 * Day));
                Cancel = Aftersale + Hour;
            }

            if (status == 190)
            {
                Cancel = Pay + Hour + (long)((h >> 36) % Day);
            }

            if (status == 250)
            {
                // Cancelled by the buyer within the half hour, or by the timeout at its end.
                Cancel = Create + ((h & 1) == 0 ? 30 * Minute : Minute + (long)((h >> 8) % (29 * Minute)));
            }

            if (status == 999)
            {
                Cancel = Pay + Hour;
            }

            if (update.HasValue)
            {
                var u = update.Value;
                Pay = Math.Min(Pay, u);
                FirstShip = Math.Min(FirstShip, u);
                LastShip = Math.Min(LastShip, u);
                Confirm = Math.Min(Confirm, u);
                Settle = Math.Min(Settle, u);
                Cancel = Math.Min(Cancel, u);
                Aftersale = Math.Min(Aftersale, u);
                Update = u;
                return;
            }

            Update = Math.Max(Math.Max(Math.Max(Create, Pay), Math.Max(LastShip, Confirm)), Math.Max(Math.Max(Settle, Cancel), Aftersale));
        }

        public long Create { get; }

        public long Pay { get; }

        public long FirstShip { get; }

        public long LastShip { get; }

        public long Confirm { get; }

        public long Settle { get; }

        public long Cancel { get; }

        public long Aftersale { get; }

        public long Update { get; }

        public bool Paid => Pay != 0;

        public bool Shipped => FirstShip != 0;
    }
}
