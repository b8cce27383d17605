using KhcnTracker.Domain.Access;

namespace KhcnTracker.Application.Common;

/// <summary>What each role may do, in one place. Use cases call the <c>Ensure…</c> methods before they touch data.</summary>
public static class Access
{
    public static bool Holds(this ICurrentUser user, Role role) => user.Grants.Any(g => g.Role == role);

    /// <summary>The catalogue (documents, targets, tasks from published texts) is open to everyone signed in.</summary>
    public static bool CanReadCatalogue(this ICurrentUser user) => user.IsAuthenticated;

    public static bool CanEditCatalogue(this ICurrentUser user) => user.IsAuthenticated && user.Holds(Role.Administrator);

    public static bool CanManageUsers(this ICurrentUser user) => user.CanEditCatalogue();

    /// <summary>Department staff report for their own agency of their own province — nobody else does.</summary>
    public static bool CanReportFor(this ICurrentUser user, string unitCode, string agencyCode) =>
        user.IsAuthenticated && user.Grants.Any(g => g.Role == Role.DepartmentStaff && g.UnitCode == unitCode && g.AgencyCode == agencyCode);

    /// <summary>
    /// The reporting agency for a unit and an indicator is the one assigned to it; only its staff write the indicator's
    /// values there (no assignment: nobody does).
    /// </summary>
    public static async Task EnsureReportsForAsync(this ICurrentUser user, IAppDbContext db, string unitCode, string indicatorCode, CancellationToken ct)
    {
        var assignment = await db.Assignments.FindAsync([unitCode, indicatorCode], ct);
        user.EnsureCanReportFor(unitCode, assignment?.AgencyCode ?? "");
    }

    /// <summary>The agencies the caller reports for, as (unit, agency).</summary>
    public static IReadOnlyList<(string UnitCode, string AgencyCode)> ReportingAgencies(this ICurrentUser user) =>
        user.Grants.Where(g => g.Role == Role.DepartmentStaff).Select(g => (g.UnitCode!, g.AgencyCode!)).ToList();

    /// <summary>Reviewers approve or return the submissions of their own province.</summary>
    public static bool CanReview(this ICurrentUser user, string unitCode) =>
        user.IsAuthenticated && user.Grants.Any(g => g.Role == Role.Reviewer && g.UnitCode == unitCode);

    /// <summary>
    /// Reported values are read by everyone whose scope covers the province they were recorded for (national roles and
    /// administrators: all). A value is recorded under the unit that reported it; the merger-aware reach of the progress
    /// pages is <see cref="CallerScope"/>'s.
    /// </summary>
    public static bool CanReadValuesOf(this ICurrentUser user, string unitCode) =>
        user.IsAuthenticated && user.Grants.Any(g => g.Covers(unitCode, OnlyItself));

    /// <summary>
    /// <see cref="CanReadValuesOf"/> as a query's <c>WHERE</c>: the unit codes whose rows the caller reads, or null when
    /// every unit (a national or unscoped grant). Nobody signed in reads none.
    /// </summary>
    public static IReadOnlyList<string>? ReadableUnitCodes(this ICurrentUser user) =>
        !user.IsAuthenticated ? []
        : user.Grants.Any(g => g.UnitCode is null) ? null
        : user.Grants.Select(g => g.UnitCode!).Distinct().ToList();

    private static IEnumerable<string> OnlyItself(string unitCode) => [unitCode];

    /// <summary>Auditors and administrators read the audit trail: of their province, or all of it with a national scope.</summary>
    public static bool CanReadAuditOf(this ICurrentUser user, string? unitCode) =>
        user.IsAuthenticated && user.Grants.Any(g => g.Role == Role.Administrator
            || (g.Role == Role.Auditor && (g.UnitCode is null || g.UnitCode == unitCode)));

    /// <summary>
    /// A province's record as its readers see it: one the caller may not read answers exactly as a missing one, so ids
    /// cannot be walked to learn which exist, and nothing about it is told before this check.
    /// </summary>
    public static T Readable<T>(this ICurrentUser user, T? record, Func<T, string> unitOf, string code, params object?[] arguments) where T : class =>
        record is not null && user.CanReadValuesOf(unitOf(record)) ? record : throw new NotFoundException(code, arguments);

    /// <summary>The audit log is offered to whoever reads the audit of their own province (or all of it).</summary>
    public static bool CanReadSomeAudit(this ICurrentUser user) => user.CanReadAuditOf(user.Grants.Select(g => g.UnitCode).FirstOrDefault());

    /// <summary>Administrators define the national periods (codes, due dates): decision 0009.</summary>
    public static bool CanDefinePeriods(this ICurrentUser user) => user.CanEditCatalogue();

    /// <summary>A province's reviewers open, close and lock its own periods; administrators those of any province.</summary>
    public static bool CanRunPeriodsOf(this ICurrentUser user, string unitCode) =>
        user.IsAuthenticated && (user.Holds(Role.Administrator) || user.CanReview(unitCode));

    /// <summary>A province's leaders (and national leaders) make dashboards of the province's indicators.</summary>
    public static bool CanMakeDashboardsFor(this ICurrentUser user, string unitCode) =>
        user.IsAuthenticated && user.Grants.Any(g => g.Role == Role.Leadership && (g.UnitCode is null || g.UnitCode == unitCode));

    public static void EnsureCanMakeDashboardsFor(this ICurrentUser user, string unitCode) => Ensure(user, user.CanMakeDashboardsFor(unitCode));

    /// <summary>
    /// The open progress pages are public by design: anyone, signed in or not, reads what a province published — its
    /// chosen indicators' approved values and targets' statuses, never a draft or a submission (the queries' own filter).
    /// </summary>
    public static void AllowEveryone(this ICurrentUser user) => _ = user;

    /// <summary>A province's reviewers (and administrators) choose which of its indicators its open pages publish.</summary>
    public static bool CanPublishFor(this ICurrentUser user, string unitCode) =>
        user.IsAuthenticated && (user.Holds(Role.Administrator) || user.CanReview(unitCode));

    public static void EnsureCanPublishFor(this ICurrentUser user, string unitCode) => Ensure(user, user.CanPublishFor(unitCode));

    public static void EnsureCanDefinePeriods(this ICurrentUser user) => Ensure(user, user.CanDefinePeriods());

    public static void EnsureCanRunPeriodsOf(this ICurrentUser user, string unitCode) => Ensure(user, user.CanRunPeriodsOf(unitCode));

    public static void EnsureCanReadAuditOf(this ICurrentUser user, string? unitCode) => Ensure(user, user.CanReadAuditOf(unitCode));

    public static void EnsureCanReview(this ICurrentUser user, string unitCode) => Ensure(user, user.CanReview(unitCode));

    public static void EnsureCanReadValuesOf(this ICurrentUser user, string unitCode) => Ensure(user, user.CanReadValuesOf(unitCode));

    public static void EnsureCanReadCatalogue(this ICurrentUser user) => Ensure(user, user.CanReadCatalogue());

    public static void EnsureCanEditCatalogue(this ICurrentUser user) => Ensure(user, user.CanEditCatalogue());

    public static void EnsureCanManageUsers(this ICurrentUser user) => Ensure(user, user.CanManageUsers());

    public static void EnsureCanReportFor(this ICurrentUser user, string unitCode, string agencyCode) =>
        Ensure(user, user.CanReportFor(unitCode, agencyCode));

    /// <summary>Anyone signed in; the use case's own rule (a record's province, the caller's scope) follows.</summary>
    public static void EnsureSignedIn(this ICurrentUser user) => Ensure(user, user.IsAuthenticated);

    /// <summary>The caller's own account (their password): signed in under a name.</summary>
    public static string EnsureOwnAccount(this ICurrentUser user)
    {
        Ensure(user, user.IsAuthenticated && user.Account is not null);
        return user.Account!;
    }

    /// <summary>The account the caller signed in as still exists (it was not removed since the sign-in).</summary>
    public static void EnsureAccountExists(this ICurrentUser user, bool exists) => Ensure(user, exists);

    /// <summary>Auditors (any scope) and administrators verify that no audit row was altered or removed.</summary>
    public static bool CanVerifyAuditChain(this ICurrentUser user) =>
        user.IsAuthenticated && (user.Holds(Role.Auditor) || user.Holds(Role.Administrator));

    public static void EnsureCanVerifyAuditChain(this ICurrentUser user) => Ensure(user, user.CanVerifyAuditChain());

    /// <summary>Administrators see the state of the instance that answers them.</summary>
    public static bool CanSeeInstanceStatus(this ICurrentUser user) => user.IsAuthenticated && user.Holds(Role.Administrator);

    public static void EnsureCanSeeInstanceStatus(this ICurrentUser user) => Ensure(user, user.CanSeeInstanceStatus());

    /// <summary>Templates and imports are for department staff: someone who reports for at least one agency.</summary>
    public static bool ReportsForAnAgency(this ICurrentUser user) => user.IsAuthenticated && user.ReportingAgencies().Count > 0;

    public static void EnsureReportsForAnAgency(this ICurrentUser user) => Ensure(user, user.ReportsForAnAgency());

    /// <summary>
    /// Four eyes: the province's reviewer, and never on a revision they entered, changed or submitted themselves
    /// (someone holding both roles); <paramref name="isAuthor"/> is the record's own list of authors.
    /// </summary>
    public static void EnsureCanReview(this ICurrentUser user, string unitCode, Func<string, bool> isAuthor) =>
        Ensure(user, user.CanReview(unitCode) && !isAuthor(user.Account!));

    private static void Ensure(ICurrentUser user, bool allowed)
    {
        if (!allowed) throw new AccessDeniedException();
    }
}
