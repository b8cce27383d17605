using KhcnTracker.Application.Reports;
using Microsoft.Extensions.Options;

namespace KhcnTracker.Infrastructure.Reports;

/// <summary>
/// At most <see cref="PdfQueueOptions.PdfConversions"/> LibreOffice conversions at a time on this instance; the others
/// wait their turn, first come first served, up to <see cref="PdfQueueOptions.PdfWaitSeconds"/>, then are refused.
/// </summary>
public sealed class PdfConversionQueue(IOptions<PdfQueueOptions> options)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.PdfConversions));
    private int _waiting;

    /// <summary>Requests waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> conversion, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(Math.Max(0, options.Value.PdfWaitSeconds));
        Interlocked.Increment(ref _waiting);
        bool entered;
        try
        {
            entered = await _slots.WaitAsync(wait, ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        if (!entered) throw new PdfQueueFullException(wait <= TimeSpan.Zero ? TimeSpan.FromSeconds(10) : wait);
        try
        {
            return await conversion(ct);
        }
        finally
        {
            _slots.Release();
        }
    }
}
