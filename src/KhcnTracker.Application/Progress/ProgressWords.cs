using KhcnTracker.Application.Catalogue;
using KhcnTracker.Domain.Progress;

namespace KhcnTracker.Application.Progress;

/// <summary>The words the API uses for statuses, and the headline indicators every overview shows.</summary>
public static class ProgressWords
{
    public static readonly Words<ProgressStatus> Status = new(new()
    {
        ["achieved"] = ProgressStatus.Achieved, ["on_track"] = ProgressStatus.OnTrack,
        ["needs_acceleration"] = ProgressStatus.NeedsAcceleration, ["off_track"] = ProgressStatus.OffTrack,
        ["regressing"] = ProgressStatus.Regressing, ["no_data"] = ProgressStatus.NoData, ["not_achieved"] = ProgressStatus.NotAchieved,
        ["not_enough_data"] = ProgressStatus.NotEnoughData, ["not_computable"] = ProgressStatus.NotComputable,
    });

    /// <summary>Statuses from best to worst, the order in which charts and tables show them.</summary>
    public static readonly IReadOnlyList<string> Order =
        ["achieved", "on_track", "needs_acceleration", "off_track", "regressing", "not_achieved", "not_enough_data", "not_computable", "no_data"];

    /// <summary>The Vietnamese label of a status, for exports and reports (screens use the resource file).</summary>
    public static string LabelVi(string status) => status switch
    {
        "achieved" => "Đã đạt", "on_track" => "Đúng tiến độ", "needs_acceleration" => "Cần đẩy nhanh", "off_track" => "Chậm tiến độ",
        "regressing" => "Đi lùi", "not_achieved" => "Không đạt", "not_enough_data" => "Chưa đủ số liệu để đánh giá xu hướng",
        "not_computable" => "Không tính được xu hướng", _ => "Chưa có số liệu",
    };

    public static int Rank(string status) => Order.ToList().IndexOf(status);

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
