namespace KhcnTracker.Domain.Reporting;

/// <summary>Draft → Submitted → Approved, or Returned (with a reason) → Draft.</summary>
public enum ValueStatus { Draft, Submitted, Approved, Returned }

/// <summary>What a value's status means for the people who report it: the one place each such rule is written.</summary>
public static class ValueStatusRules
{
    /// <summary>
    /// Still to report: nothing entered yet (<paramref name="latest"/> null), a draft or a returned value — neither
    /// waiting for review nor approved. Worklists, notifications and overdue count these.
    /// </summary>
    public static bool IsStillToReport(ValueStatus? latest) => latest is not (ValueStatus.Submitted or ValueStatus.Approved);
}
