namespace KhcnTracker.Domain.Reporting;

/// <summary>Which agency of a province reports an indicator's values. One agency per province and indicator.</summary>
public sealed class Assignment
{
    public string UnitCode { get; private set; } = null!;
    public string IndicatorCode { get; private set; } = null!;
    public string AgencyCode { get; private set; } = null!;
    public uint Version { get; private set; }

    private Assignment() { }

    public Assignment(string unitCode, string indicatorCode, string agencyCode)
    {
        UnitCode = Slug.Require(unitCode, "unit");
        IndicatorCode = Slug.Require(indicatorCode, "indicator");
        AgencyCode = Slug.Require(agencyCode, "agency");
    }

    public void AssignTo(string agencyCode) => AgencyCode = Slug.Require(agencyCode, "agency");
}
