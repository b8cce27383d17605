namespace KhcnTracker.Application.Reporting.Import;

/// <summary>The template a staff member downloads: pre-filled with their assignments for a period, values left to fill.</summary>
public sealed class ValueTemplate(ListMyReporting reporting, ICurrentUser user, IValueFiles files)
{
    public async Task WriteAsync(string period, Stream destination, CancellationToken ct = default)
    {
        user.EnsureReportsForAnAgency();
        var items = (await reporting.HandleAsync(ct)).Where(i => i.Period == period).ToList();
        var rows = items.Select((i, n) => new ValueFileRow(n + 2, i.Unit, i.Indicator, i.Period, i.Latest?.Value, i.Latest?.Source, i.Latest?.Note)).ToList();
        files.WriteTemplate(destination, rows, items.ToDictionary(i => i.Indicator, i => i.IndicatorNameVi));
    }
}
