namespace KhcnTracker.Application.Reports;

/// <summary>
/// How many PDF conversions (each a LibreOffice process of about 200 MB) run at once, and how long a request waits for
/// its turn before it is refused (settings section <c>Reports</c>).
/// </summary>
public sealed class PdfQueueOptions
{
    public const string Section = "Reports";

    public int PdfConversions { get; set; } = 2;

    public int PdfWaitSeconds { get; set; } = 30;
}

/// <summary>Every conversion slot stayed busy for the whole wait: the caller answers 429 with Retry-After, or says so on the page.</summary>
public sealed class PdfQueueFullException(TimeSpan retryAfter)
    : Refusal(RefusalKind.Busy, "pdf.busy", "Every PDF conversion slot stayed busy.", [Seconds(retryAfter)])
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whole seconds to wait, at least one (the <c>Retry-After</c> header and the text's argument).</summary>
    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}
