using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WxOrders.Http
{
    /// <summary>Replays bytes already read from a stream (to look at the first one), then reads on from the stream.</summary>
    internal sealed class PrefixedStream : Stream
    {
        private readonly byte[] prefix;
        private readonly Stream inner;
        private int offset;
        private readonly int end;

        public PrefixedStream(byte[] prefix, int offset, int count, Stream inner)
        {
            this.prefix = prefix;
            this.offset = offset;
            end = offset + count;
            this.inner = inner;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (this.offset < end)
            {
                return FromPrefix(buffer, offset, count);
            }

            return inner.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (this.offset < end)
            {
                return Task.FromResult(FromPrefix(buffer, offset, count));
            }

            return inner.ReadAsync(buffer, offset, count, cancellationToken);
        }

        private int FromPrefix(byte[] buffer, int at, int count)
        {
            var n = Math.Min(count, end - offset);
            Buffer.BlockCopy(prefix, offset, buffer, at, n);
            offset += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
