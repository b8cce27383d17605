namespace KhcnTracker.Domain.Access;

/// <summary>The five kinds of people who use the portal. A user may hold several roles, each with its own scope.</summary>
public enum Role
{
    /// <summary>Catalogue, users, periods. No scope.</summary>
    Administrator,
    /// <summary>Chuyên viên: enters values and task progress for one agency of one province.</summary>
    DepartmentStaff,
    /// <summary>Approves or returns submissions of one province (typically the Department of Science and Technology).</summary>
    Reviewer,
    /// <summary>Lãnh đạo: reads dashboards of one province, or of the whole country when unscoped.</summary>
    Leadership,
    /// <summary>Thanh tra, kiểm toán: reads everything in scope, the audit log and all exports.</summary>
    Auditor,
}
