namespace KhcnTracker.Domain.Reporting;

/// <summary>A file that backs a reported value.</summary>
public sealed class Evidence : EvidenceFile
{
    public int ValueId { get; private set; }

    private Evidence() { }

    public Evidence(ReportedValue value, string fileName, string contentType, long size, string sha256, string by, DateTimeOffset at)
    {
        if (value.Status is ValueStatus.Submitted or ValueStatus.Approved)
            throw new DomainException("value.not-editable", "Evidence is added to a draft or a returned value.");
        Describe(fileName, contentType, size, sha256, by, at);
        ValueId = value.Id;
    }
}
