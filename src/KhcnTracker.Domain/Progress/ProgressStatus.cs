namespace KhcnTracker.Domain.Progress;

/// <summary>
/// A target's status (Vietnamese labels: Đã đạt, Đúng tiến độ, Cần đẩy nhanh, Chậm tiến độ, Đi lùi, Chưa có số liệu, Không đạt,
/// Chưa đủ số liệu để đánh giá xu hướng, Không tính được xu hướng). <see cref="NoData"/> means nothing to judge by;
/// <see cref="NotEnoughData"/> a value but only one point in time; <see cref="NotComputable"/> values from which no
/// compound growth can be computed (a base of 0, negative values).
/// </summary>
public enum ProgressStatus { Achieved, OnTrack, NeedsAcceleration, OffTrack, Regressing, NoData, NotAchieved, NotEnoughData, NotComputable }

/// <summary>
/// One approved value, placed in time at the end of its period: a year's value at the year (2025), a first half-year's
/// value half a year before it (2025-H1 → 2024.5), so a year's value always counts after its own half-year.
/// </summary>
public readonly record struct Observation(decimal Year, decimal Value)
{
    public static Observation ForPeriod(int year, int? half, decimal value) => new(half == 1 ? year - 0.5m : year, value);
}

/// <summary>
/// A status with every input it came from, so that a leader sees why and an auditor can recompute it.
/// <see cref="Ratio"/> is R = d · CAGRᵢ / |CAGR_T|; <see cref="CurrentGrowth"/> and <see cref="RequiredGrowth"/> are the CAGRs.
/// </summary>
public sealed record ProgressResult(
    ProgressStatus Status, string Rule, decimal? BaseYear, decimal? BaseValue, decimal? LatestYear, decimal? LatestValue,
    decimal? TargetValue, double? CurrentGrowth, double? RequiredGrowth, double? Ratio);
