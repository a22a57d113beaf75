using System;
using System.IO;
using WxOrders.Checkpoints;

namespace WxOrders.Tests.Checkpoints
{
    /// <summary>A folder per test, a settable clock, and requests with the defaults these tests use.</summary>
    internal sealed class CheckpointTestKit : IDisposable
    {
        public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        public CheckpointTestKit()
        {
            Folder = Path.Combine(Path.GetTempPath(), "wxcp-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            FilePath = Path.Combine(Folder, "union.checkpoint.json");
            Now = T0;
        }

        public string Folder { get; }

        public string FilePath { get; }

        public DateTimeOffset Now { get; set; }

        public object Owner { get; } = new object();

        public CheckpointRequest Request(
            DateTimeOffset? since = null,
            TimeSpan? lag = null,
            TimeSpan? overlap = null,
            CheckpointSource source = CheckpointSource.Union,
            string appId = "wx0001",
            string filter = "",
            object owner = null,
            string path = null) => new CheckpointRequest
            {
                Path = path ?? FilePath,
                Source = source,
                AppId = appId,
                Filter = filter,
                Since = since,
                Lag = lag ?? TimeSpan.FromMinutes(2),
                Overlap = overlap ?? TimeSpan.FromMinutes(15),
                Owner = owner ?? Owner,
                Clock = () => Now,
            };

        public CheckpointRun Begin(DateTimeOffset? since = null, TimeSpan? lag = null, TimeSpan? overlap = null, CheckpointSource source = CheckpointSource.Union, object owner = null) =>
            CheckpointRun.Begin(Request(since ?? T0.AddHours(-1), lag, overlap, source, owner: owner));

        public Checkpoint Complete() => CheckpointStore.Complete(FilePath, Owner, () => Now);

        public Checkpoint Read() => CheckpointStore.Read(FilePath);

        public byte[] Bytes() => File.ReadAllBytes(FilePath);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
