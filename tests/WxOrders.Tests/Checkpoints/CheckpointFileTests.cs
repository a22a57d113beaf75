using System;
using System.IO;
using System.Linq;
using System.Text;
using WxOrders.Checkpoints;
using Xunit;

namespace WxOrders.Tests.Checkpoints
{
    public class CheckpointFileTests
    {
        private static void MakeCommitted(CheckpointTestKit kit)
        {
            using (var run = kit.Begin())
            {
                var t = CheckpointTestKit.T0.AddMinutes(-5);
                run.ShouldWrite("9223372036854775807", t, t); // beyond 2^53: kept as text
                run.ShouldWrite("3705000000000000001", t.AddSeconds(1), t.AddSeconds(1));
                run.Finish(true);
            }

            kit.Complete();
        }

        [Fact]
        public void RoundTripsExactlyAndIsSmallUtf8WithoutABom()
        {
            using (var kit = new CheckpointTestKit())
            {
                MakeCommitted(kit);
                var bytes = kit.Bytes();
                Assert.NotEqual(0xEF, bytes[0]);
                var data = CheckpointFile.Parse(kit.FilePath, bytes);
                Assert.Equal(bytes, CheckpointFile.Serialize(data));
                Assert.Contains(data.Committed.Seen, s => s.OrderId == "9223372036854775807");
                var view = kit.Read();
                Assert.Equal(CheckpointSource.Union, view.Source);
                Assert.Equal("wx0001", view.AppId);
                Assert.Equal(CheckpointTestKit.T0.AddMinutes(-2), view.CommittedEnd);
                Assert.Equal(2, view.CommittedCount);
                Assert.Equal(bytes.Length, view.FileSize);
                Assert.False(view.CanComplete);
            }
        }

        [Fact]
        public void EveryTruncationIsRefusedAsCorrupt()
        {
            using (var kit = new CheckpointTestKit())
            {
                MakeCommitted(kit);
                var bytes = kit.Bytes();
                // Every prefix but the whole file (the trailing newline is outside the hashed content).
                for (var n = 0; n < bytes.Length - 1; n++)
                {
                    var ex = Assert.Throws<CheckpointException>(() => CheckpointFile.Parse(kit.FilePath, bytes.Take(n).ToArray()));
                    Assert.Equal("WxOrders.CheckpointCorrupt", ex.ErrorId);
                }
            }
        }

        [Theory]
        [InlineData("\"end\":\"2026-02-28T23:58:00Z\"", "\"end\":\"2026-02-28T23:59:00Z\"")] // moved the committed end
        [InlineData("[\"3705000000000000001\",", "[\"3705000000000000002\",")]                // changed an order id
        [InlineData("\"committed\":{", "\"committed\": {")]                                   // whitespace inside the content
        [InlineData("\"source\":\"Union\"", "\"source\":\"Shop\"")]                            // another source, hash not updated
        public void AHandEditIsRefusedBeforeAnyRequest(string from, string to)
        {
            using (var kit = new CheckpointTestKit())
            {
                MakeCommitted(kit);
                var text = File.ReadAllText(kit.FilePath);
                Assert.Contains(from, text);
                File.WriteAllText(kit.FilePath, text.Replace(from, to));
                var ex = Assert.Throws<CheckpointException>(() => kit.Begin());
                Assert.Equal("WxOrders.CheckpointCorrupt", ex.ErrorId);
                Assert.Contains("SHA-256", ex.Message);
                Assert.Contains("does not start over", ex.Message);
                Assert.Equal("WxOrders.CheckpointCorrupt", Assert.Throws<CheckpointException>(() => kit.Read()).ErrorId);
                Assert.Equal("WxOrders.CheckpointCorrupt", Assert.Throws<CheckpointException>(() => kit.Complete()).ErrorId);
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("not json")]
        [InlineData("{}")]
        [InlineData("[1,2]")]
        [InlineData("{\"wxOrdersCheckpoint\":1}")]
        [InlineData("{\"wxOrdersCheckpoint\":1,\"sha256\":\"00\",\"content\":{}}")]
        public void WhatIsNotACheckpointIsCorrupt(string text)
        {
            using (var kit = new CheckpointTestKit())
            {
                File.WriteAllText(kit.FilePath, text);
                Assert.Equal("WxOrders.CheckpointCorrupt", Assert.Throws<CheckpointException>(() => kit.Begin()).ErrorId);
                Assert.Equal(text, File.ReadAllText(kit.FilePath)); // never replaced by a fresh start
            }
        }

        [Fact]
        public void AValidHashOverMalformedContentIsCorruptToo()
        {
            using (var kit = new CheckpointTestKit())
            {
                var content = "{\"source\":\"Union\",\"appId\":\"wx0001\",\"filter\":\"\",\"since\":\"yesterday\"}";
                var sha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();
                File.WriteAllText(kit.FilePath, "{\"wxOrdersCheckpoint\":1,\"sha256\":\"" + sha + "\",\"content\":" + content + "}");
                var ex = Assert.Throws<CheckpointException>(() => kit.Begin());
                Assert.Equal("WxOrders.CheckpointCorrupt", ex.ErrorId);
            }
        }

        [Fact]
        public void ANewerFormatIsRefusedWithItsOwnMessage()
        {
            using (var kit = new CheckpointTestKit())
            {
                File.WriteAllText(kit.FilePath, "{\"wxOrdersCheckpoint\":2,\"sha256\":\"\",\"content\":{}}");
                var ex = Assert.Throws<CheckpointException>(() => kit.Begin());
                Assert.Equal("WxOrders.CheckpointFileError", ex.ErrorId);
                Assert.Contains("format 2", ex.Message);
            }
        }

        [Theory]
        [InlineData("source")]
        [InlineData("appId")]
        [InlineData("filter")]
        public void AFileOfAnotherSearchIsRefusedAndLeftAsItWas(string what)
        {
            using (var kit = new CheckpointTestKit())
            {
                MakeCommitted(kit);
                var before = kit.Bytes();
                var request = kit.Request(since: CheckpointTestKit.T0.AddHours(-1));
                switch (what)
                {
                    case "source": request.Source = CheckpointSource.Wshoto; break;
                    case "appId": request.AppId = "wx0002"; break;
                    default: request.Filter = CheckpointFilter.Describe(new[] { new System.Collections.Generic.KeyValuePair<string, string>("status", "Settled") }); break;
                }

                var ex = Assert.Throws<CheckpointException>(() => CheckpointRun.Begin(request));
                Assert.Equal("WxOrders.CheckpointMismatch", ex.ErrorId);
                Assert.Contains("another search", ex.Message);
                Assert.Equal(before, kit.Bytes());
                kit.Begin().Dispose(); // the refusal released the lock
            }
        }

        [Fact]
        public void TheFilterDescriptionIsCanonical()
        {
            var a = CheckpointFilter.Describe(new[] { Kv("timeField", "Updated"), Kv("status", "1,2"), Kv("empty", null) });
            var b = CheckpointFilter.Describe(new[] { Kv("status", "1,2"), Kv("timeField", "Updated") });
            Assert.Equal("status=1,2;timeField=Updated", a);
            Assert.Equal(a, b);
            Assert.Equal("k=a\\;b\\=c", CheckpointFilter.Describe(new[] { Kv("k", "a;b=c") }));
            Assert.Equal(string.Empty, CheckpointFilter.Describe(new System.Collections.Generic.KeyValuePair<string, string>[0]));
        }

        [Fact]
        public void AWriteLeavesNoTemporaryFileAndLeftoversOfAKilledWriterAreRemoved()
        {
            using (var kit = new CheckpointTestKit())
            {
                MakeCommitted(kit);
                Assert.Empty(Directory.GetFiles(kit.Folder, "*.tmp"));
                // A writer killed after writing half its temporary file: the checkpoint is the old content.
                var leftover = kit.FilePath + "." + Guid.NewGuid().ToString("N") + ".tmp";
                File.WriteAllBytes(leftover, kit.Bytes().Take(40).ToArray());
                Assert.Equal(2, kit.Read().CommittedCount);
                using (kit.Begin())
                {
                    Assert.False(File.Exists(leftover));
                }
            }
        }

        private static System.Collections.Generic.KeyValuePair<string, string> Kv(string k, string v) => new System.Collections.Generic.KeyValuePair<string, string>(k, v);
    }
}
