namespace KhcnTracker.Domain.Reporting;

/// <summary>Draft → Submitted → Approved, or Returned (with a reason) → Draft.</summary>
public enum ValueStatus { Draft, Submitted, Approved, Returned }
