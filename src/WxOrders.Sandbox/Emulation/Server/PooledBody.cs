using System;
using System.Buffers;
using System.Threading;

namespace WxOrders.Emulation.Server
{
    /// <summary>A growable buffer from ArrayPool for one response body.</summary>
    internal sealed class PooledBody : IBufferWriter<byte>
    {
        private byte[] buffer;
        private int count;

        public PooledBody(int capacity)
        {
            buffer = ArrayPool<byte>.Shared.Rent(capacity);
        }

        public byte[] Buffer => buffer;

        public int Count => count;

        public void Advance(int bytes) => count += bytes;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return buffer.AsMemory(count);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return buffer.AsSpan(count);
        }

        /// <summary>Back to the pool (once). The response must not be read after this.</summary>
        public void Release()
        {
            var b = Interlocked.Exchange(ref buffer, null);
            if (b != null)
            {
                Array.Clear(b, 0, count); // a token response passes through here too
                ArrayPool<byte>.Shared.Return(b);
            }
        }

        private void Ensure(int sizeHint)
        {
            var need = count + Math.Max(sizeHint, 1);
            if (need <= buffer.Length)
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(need, buffer.Length * 2));
            System.Buffer.BlockCopy(buffer, 0, larger, 0, count);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
    }
}
