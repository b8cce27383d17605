namespace KhcnTracker.Domain.Progress;

/// <summary>
/// One word for a province across its headline targets, for the tile map: the status of the target that is furthest
/// behind — a leader looks first at what is falling behind. When none can be assessed yet, the most informative of the
/// reasons (not enough data for a trend, then not computable, then no data); null when it has no target at all.
/// </summary>
public static class ProvinceStanding
{
    private static readonly ProgressStatus[] BehindFirst =
    [
        ProgressStatus.NotAchieved, ProgressStatus.Regressing, ProgressStatus.OffTrack, ProgressStatus.NeedsAcceleration,
        ProgressStatus.OnTrack, ProgressStatus.Achieved, ProgressStatus.NotEnoughData, ProgressStatus.NotComputable, ProgressStatus.NoData,
    ];

    public static ProgressStatus? Of(IEnumerable<ProgressStatus> statuses)
    {
        var present = statuses.ToHashSet();
        return present.Count == 0 ? null : BehindFirst.First(present.Contains);
    }
}
