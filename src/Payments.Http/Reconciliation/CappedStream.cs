namespace Payments.Http.Reconciliation;

/// <summary>
/// Reads at most <c>limit</c> bytes of a request body, then ends as if the body had: <see cref="Exceeded"/> tells that
/// more was sent. Nothing beyond the limit is ever read or kept.
/// </summary>
internal sealed class CappedStream(Stream inner, long limit) : Stream
{
    private long read;

    /// <summary>The body was longer than the limit (at least one byte past it arrived).</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Exceeded || buffer.Length == 0)
        {
            return 0;
        }

        // One byte past the limit is asked for, so a body of exactly the limit is not taken for a longer one.
        var room = (int)Math.Min(buffer.Length, limit + 1 - read);
        var n = await inner.ReadAsync(buffer[..room], cancellationToken);
        read += n;
        if (read > limit)
        {
            Exceeded = true;
            return 0;
        }

        return n;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
