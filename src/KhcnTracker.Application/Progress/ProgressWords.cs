using KhcnTracker.Domain.Progress;

namespace KhcnTracker.Application.Progress;

/// <summary>
/// The words the API, the exports and the resource keys use for statuses (read only by the edges: <c>ApiWords</c>, the
/// labels), their order, and the headline indicators every overview shows.
/// </summary>
public static class ProgressWords
{
    public static readonly Words<ProgressStatus> Status = new(new()
    {
        ["achieved"] = ProgressStatus.Achieved, ["on_track"] = ProgressStatus.OnTrack,
        ["needs_acceleration"] = ProgressStatus.NeedsAcceleration, ["off_track"] = ProgressStatus.OffTrack,
        ["regressing"] = ProgressStatus.Regressing, ["no_data"] = ProgressStatus.NoData, ["not_achieved"] = ProgressStatus.NotAchieved,
        ["not_enough_data"] = ProgressStatus.NotEnoughData, ["not_computable"] = ProgressStatus.NotComputable,
    });

    /// <summary>Statuses from best to worst, the order in which charts, tables and the report show them.</summary>
    public static readonly IReadOnlyList<ProgressStatus> Order =
    [
        ProgressStatus.Achieved, ProgressStatus.OnTrack, ProgressStatus.NeedsAcceleration, ProgressStatus.OffTrack,
        ProgressStatus.Regressing, ProgressStatus.NotAchieved, ProgressStatus.NotEnoughData, ProgressStatus.NotComputable,
        ProgressStatus.NoData,
    ];

    public static int Rank(ProgressStatus status) => Order.ToList().IndexOf(status);

    /// <summary>
    /// The five figures Resolution 57 and every province programme put first (the issue names them): they are the
    /// overview's cards and the national heatmap's columns.
    /// </summary>
    public static readonly IReadOnlyList<string> Headlines =
    [
        "digital-economy-grdp-share", "budget-khcn-dmst-cds-share", "online-public-service-use",
        "non-cash-payment-share", "innovating-enterprise-share",
    ];
}
