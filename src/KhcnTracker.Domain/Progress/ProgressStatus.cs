namespace KhcnTracker.Domain.Progress;

/// <summary>A target's status (Vietnamese labels: Đã đạt, Đúng tiến độ, Cần đẩy nhanh, Chậm tiến độ, Đi lùi, Chưa có số liệu, Không đạt).</summary>
public enum ProgressStatus { Achieved, OnTrack, NeedsAcceleration, OffTrack, Regressing, NoData, NotAchieved }

/// <summary>One approved value: the year it is for (a half-year counts as the year's middle, e.g. 2025.5 for 2025-H1).</summary>
public readonly record struct Observation(decimal Year, decimal Value);

/// <summary>
/// A status with every input it came from, so that a leader sees why and an auditor can recompute it.
/// <see cref="Ratio"/> is R = d · CAGRᵢ / |CAGR_T|; <see cref="CurrentGrowth"/> and <see cref="RequiredGrowth"/> are the CAGRs.
/// </summary>
public sealed record ProgressResult(
    ProgressStatus Status, string Rule, decimal? BaseYear, decimal? BaseValue, decimal? LatestYear, decimal? LatestValue,
    decimal? TargetValue, double? CurrentGrowth, double? RequiredGrowth, double? Ratio);
