namespace KhcnTracker.IntegrationTests.Security;

/// <summary>Who calls: a demo account with its one grant, anonymous (no grant, no token), or a revoked account's token.</summary>
public sealed record Caller(string Name, string? Email, RoleGrant? Grant, bool Revoked = false)
{
    public bool Anonymous => Email is null;

    /// <summary>Access.CanReadValuesOf, restated for the expectation table.</summary>
    public bool Reads(string unit) => Grant is { } g && !Revoked && (g.Role == Role.Administrator || g.UnitCode is null || g.UnitCode == unit);

    public bool Is(Role role, string? unit = null, string? agency = null) => Grant is { } g && !Revoked && g.Role == role
        && (unit is null || g.UnitCode == unit) && (agency is null || g.AgencyCode == agency);
}

/// <summary>The objects the probes point at: Lào Cai's figures, Quảng Trị's task report and their evidence.</summary>
public sealed record ProbeTargets(int LaoCaiValue, Guid LaoCaiEvidence, int LaoCaiTarget, int QuangTriTask, int QuangTriReport, Guid QuangTriEvidence,
    string Document, string Indicator, int Target, int Task, string AgencyUnit, string Agency);

/// <summary>One request of an operation, and who may make it.</summary>
/// <param name="Allowed">Whether the caller passes authorization (anonymous and revoked callers never do, unless <paramref name="Public"/>).</param>
/// <param name="DeniedAs">The statuses a signed-in caller who may not gets (403, or 404 where a foreign object answers as a missing one).</param>
/// <param name="BodyOf">A body that names the probed objects (a batch of ids), instead of <paramref name="Body"/>.</param>
public sealed record Expectation(Func<ProbeTargets, string> Path, Func<Caller, bool> Allowed, Func<HttpContent?>? Body = null,
    bool Public = false, int[]? DeniedAs = null, Func<ProbeTargets, HttpContent?>? BodyOf = null)
{
    public HttpContent? BodyFor(ProbeTargets targets) => BodyOf is { } of ? of(targets) : Body?.Invoke();

    public int[] Refusals => DeniedAs ?? [403, 404];
}

/// <summary>
/// Every operation of the API (as GET /openapi/v1.json lists them) and who may call it — the access rules of
/// Application/Common/Access.cs as a table. A new endpoint without a row here fails <see cref="EveryOperationTests"/>:
/// write its row when you add the endpoint. Writes are probed with a stale version (999999), so a caller who passes the
/// authorization meets the version check (409) and nothing is written.
/// </summary>
public static class AccessExpectations
{
    public const string LaoCai = "laocai", QuangTri = "quangtri";
    private const uint Stale = 999999;
    private const string AdminEmail = "admin@demo.local";

    private static bool SignedIn(Caller c) => c.Grant is not null && !c.Revoked;
    private static bool Admin(Caller c) => c.Is(Role.Administrator);
    private static bool ReadsLaoCai(Caller c) => c.Reads(LaoCai);
    private static bool ReadsQuangTri(Caller c) => c.Reads(QuangTri);
    private static bool ScienceStaffOf(Caller c, string unit) => c.Is(Role.DepartmentStaff, unit, "skhcn");
    private static bool Auditor(Caller c) => Admin(c) || c.Is(Role.Auditor);

    private static Func<HttpContent?> Json(string json) => () => new StringContent(json, Encoding.UTF8, "application/json");

    private static Func<HttpContent?> File(string name, byte[] bytes) => () =>
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    };

    /// <summary>A multipart form: its fields, and one file in the field <c>files</c>.</summary>
    private static Func<HttpContent?> Form(IReadOnlyDictionary<string, string> fields, string name, byte[] bytes) => () =>
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "files", name);
        return form;
    };

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    private static readonly Func<HttpContent?> StaleVersion = Json($"{{\"version\":{Stale}}}");

    private static readonly Func<HttpContent?> NoReason = Json($"{{\"unit\":\"{LaoCai}\",\"reason\":\"\",\"version\":{Stale}}}");

    public static readonly IReadOnlyDictionary<string, Expectation> Operations = new Dictionary<string, Expectation>
    {
        ["POST /api/v1/auth/login"] = new(_ => "/api/v1/auth/login", _ => true, Json("{\"email\":\"nobody@demo.local\",\"password\":\"sai\"}"), Public: true),

        // The catalogue: open to everyone signed in.
        ["GET /api/v1/units"] = new(_ => "/api/v1/units", SignedIn),
        ["POST /api/v1/units/{code}/confirm"] = new(_ => "/api/v1/units/hagiang/confirm", Admin, DeniedAs: [403]),
        ["GET /api/v1/documents"] = new(_ => "/api/v1/documents", SignedIn),
        ["GET /api/v1/agencies"] = new(_ => $"/api/v1/agencies?unit={LaoCai}", SignedIn),
        ["GET /api/v1/indicators"] = new(_ => "/api/v1/indicators", SignedIn),
        ["GET /api/v1/targets"] = new(_ => $"/api/v1/targets?unit={LaoCai}", SignedIn),
        ["GET /api/v1/targets/{id}"] = new(t => $"/api/v1/targets/{t.LaoCaiTarget}", SignedIn),
        ["POST /api/v1/agencies/{unit}/{code}/confirm"] = new(t => $"/api/v1/agencies/{t.AgencyUnit}/{t.Agency}/confirm", Admin, DeniedAs: [403]),
        ["POST /api/v1/documents/{key}/retire"] = new(t => $"/api/v1/documents/{t.Document}/retire", Admin, Json($"{{\"version\":{Stale},\"reason\":\"Kiểm tra quyền\"}}"), DeniedAs: [403]),
        ["POST /api/v1/documents/{key}/restore"] = new(t => $"/api/v1/documents/{t.Document}/restore", Admin, StaleVersion, DeniedAs: [403]),
        ["POST /api/v1/indicators/{key}/retire"] = new(t => $"/api/v1/indicators/{t.Indicator}/retire", Admin, Json($"{{\"version\":{Stale},\"reason\":\"Kiểm tra quyền\"}}"), DeniedAs: [403]),
        ["POST /api/v1/indicators/{key}/restore"] = new(t => $"/api/v1/indicators/{t.Indicator}/restore", Admin, StaleVersion, DeniedAs: [403]),
        ["POST /api/v1/targets/{key}/retire"] = new(t => $"/api/v1/targets/{t.Target}/retire", Admin, Json($"{{\"version\":{Stale},\"reason\":\"Kiểm tra quyền\"}}"), DeniedAs: [403]),
        ["POST /api/v1/targets/{key}/restore"] = new(t => $"/api/v1/targets/{t.Target}/restore", Admin, StaleVersion, DeniedAs: [403]),
        ["POST /api/v1/tasks/{key}/retire"] = new(t => $"/api/v1/tasks/{t.Task}/retire", Admin, Json($"{{\"version\":{Stale},\"reason\":\"Kiểm tra quyền\"}}"), DeniedAs: [403]),
        ["POST /api/v1/tasks/{key}/restore"] = new(t => $"/api/v1/tasks/{t.Task}/restore", Admin, StaleVersion, DeniedAs: [403]),

        // Tasks: the list follows the values' scope (filtered), a province named outside it is refused.
        ["GET /api/v1/tasks"] = new(_ => "/api/v1/tasks", SignedIn),
        ["GET /api/v1/tasks/progress"] = new(_ => $"/api/v1/tasks/progress?unit={QuangTri}", ReadsQuangTri, DeniedAs: [403]),
        ["GET /api/v1/tasks/{id}/progress"] = new(t => $"/api/v1/tasks/{t.QuangTriTask}/progress", SignedIn), // filtered: [] outside the scope
        ["POST /api/v1/tasks/{id}/progress"] = new(t => $"/api/v1/tasks/{t.QuangTriTask}/progress", c => ScienceStaffOf(c, QuangTri),
            Json($"{{\"version\":{Stale},\"status\":\"in-progress\",\"percent\":10,\"note\":\"x\"}}")),
        ["POST /api/v1/tasks/{id}/progress/with-evidence"] = new(t => $"/api/v1/tasks/{t.QuangTriTask}/progress/with-evidence", c => ScienceStaffOf(c, QuangTri),
            Form(new Dictionary<string, string> { ["version"] = $"{Stale}", ["status"] = "in-progress", ["percent"] = "10", ["note"] = "x" }, "kiem-tra.pdf", Pdf)),
        ["POST /api/v1/tasks/{id}/progress/submit"] = new(t => $"/api/v1/tasks/{t.QuangTriTask}/progress/submit", c => ScienceStaffOf(c, QuangTri), StaleVersion),
        ["POST /api/v1/tasks/{id}/progress/approve"] = new(t => $"/api/v1/tasks/{t.QuangTriTask}/progress/approve", c => c.Is(Role.Reviewer, QuangTri), StaleVersion),
        ["POST /api/v1/tasks/{id}/progress/return"] = new(t => $"/api/v1/tasks/{t.QuangTriTask}/progress/return", c => c.Is(Role.Reviewer, QuangTri),
            Json($"{{\"version\":{Stale},\"reason\":\"Kiểm tra quyền\"}}")),
        ["POST /api/v1/tasks/{id}/progress/evidence"] = new(t => $"/api/v1/tasks/{t.QuangTriTask}/progress/evidence", c => ScienceStaffOf(c, QuangTri),
            File("kiem-tra.pdf", Pdf)),
        ["GET /api/v1/tasks/progress/{reportId}/evidence"] = new(t => $"/api/v1/tasks/progress/{t.QuangTriReport}/evidence", ReadsQuangTri),
        ["GET /api/v1/tasks/evidence/{id}"] = new(t => $"/api/v1/tasks/evidence/{t.QuangTriEvidence}", ReadsQuangTri),

        // Values: read in scope, written by the agency's staff, reviewed by the province's reviewer.
        ["GET /api/v1/values"] = new(_ => $"/api/v1/values?unit={LaoCai}", ReadsLaoCai, DeniedAs: [403]),
        ["GET /api/v1/values/computed/history"] = new(_ => $"/api/v1/values/computed/history?unit={LaoCai}&indicator=budget-khcn-dmst-cds-share&period=2025",
            ReadsLaoCai),
        ["POST /api/v1/values"] = new(_ => "/api/v1/values", c => ScienceStaffOf(c, LaoCai),
            Json($"{{\"unit\":\"{LaoCai}\",\"indicator\":\"online-public-service-use\",\"period\":\"2025\",\"value\":1,\"version\":{Stale}}}"), DeniedAs: [403]),
        ["POST /api/v1/values/with-evidence"] = new(_ => "/api/v1/values/with-evidence", c => ScienceStaffOf(c, LaoCai),
            Form(new Dictionary<string, string> { ["unit"] = LaoCai, ["indicator"] = "online-public-service-use", ["period"] = "2025", ["value"] = "1",
                ["version"] = $"{Stale}" }, "kiem-tra.pdf", Pdf), DeniedAs: [403]),
        ["POST /api/v1/values/{id}/submit"] = new(t => $"/api/v1/values/{t.LaoCaiValue}/submit", c => ScienceStaffOf(c, LaoCai), StaleVersion),
        ["POST /api/v1/values/{id}/approve"] = new(t => $"/api/v1/values/{t.LaoCaiValue}/approve", c => c.Is(Role.Reviewer, LaoCai), StaleVersion),
        ["POST /api/v1/values/{id}/return"] = new(t => $"/api/v1/values/{t.LaoCaiValue}/return", c => c.Is(Role.Reviewer, LaoCai),
            Json($"{{\"version\":{Stale},\"reason\":\"Kiểm tra quyền\"}}")),
        // Several at once: the same rule for every value of the batch (another province's answers as missing).
        ["POST /api/v1/values/approve"] = new(_ => "/api/v1/values/approve", c => c.Is(Role.Reviewer, LaoCai),
            BodyOf: t => Json($"{{\"items\":[{{\"id\":{t.LaoCaiValue},\"version\":{Stale}}}]}}")()),
        ["POST /api/v1/values/return"] = new(_ => "/api/v1/values/return", c => c.Is(Role.Reviewer, LaoCai),
            BodyOf: t => Json($"{{\"items\":[{{\"id\":{t.LaoCaiValue},\"version\":{Stale}}}],\"reason\":\"Kiểm tra quyền\"}}")()),
        ["POST /api/v1/values/{id}/evidence"] = new(t => $"/api/v1/values/{t.LaoCaiValue}/evidence", c => ScienceStaffOf(c, LaoCai), File("kiem-tra.pdf", Pdf)),
        ["GET /api/v1/values/{id}/evidence"] = new(t => $"/api/v1/values/{t.LaoCaiValue}/evidence", ReadsLaoCai),
        ["GET /api/v1/values/{id}/history"] = new(t => $"/api/v1/values/{t.LaoCaiValue}/history", ReadsLaoCai),
        ["GET /api/v1/values/{id}/history/events"] = new(t => $"/api/v1/values/{t.LaoCaiValue}/history/events", ReadsLaoCai),
        // Pre-filled with the caller's own assignments: department staff only.
        ["GET /api/v1/values/template"] = new(_ => "/api/v1/values/template?period=2025", c => c.Is(Role.DepartmentStaff), DeniedAs: [403]),
        // Every row is checked against the caller's agencies: a caller who reports for none gets the rows refused (422).
        ["POST /api/v1/values/import"] = new(_ => "/api/v1/values/import?dryRun=true", c => ScienceStaffOf(c, LaoCai),
            File("so-lieu.csv", Encoding.UTF8.GetBytes($"Mã tỉnh;Mã chỉ số;Tên chỉ số;Kỳ báo cáo;Giá trị;Nguồn số liệu;Ghi chú\r\n{LaoCai};online-public-service-use;Tên;2025;2;Kiểm tra;\r\n")),
            DeniedAs: [403, 422]),
        ["GET /api/v1/evidence/{id}"] = new(t => $"/api/v1/evidence/{t.LaoCaiEvidence}", ReadsLaoCai),

        // Progress: a province's in its readers' scope; the national views and comparisons filter to the caller's scope.
        ["GET /api/v1/progress"] = new(_ => $"/api/v1/progress?unit={LaoCai}", ReadsLaoCai, DeniedAs: [403]),
        ["GET /api/v1/progress/units/{unit}"] = new(_ => $"/api/v1/progress/units/{LaoCai}", ReadsLaoCai, DeniedAs: [403]),
        ["GET /api/v1/progress/units/{unit}/indicators/{indicator}"] = new(_ => $"/api/v1/progress/units/{LaoCai}/indicators/online-public-service-use",
            ReadsLaoCai, DeniedAs: [403]),
        ["GET /api/v1/progress/indicators/{indicator}/comparison"] = new(_ => "/api/v1/progress/indicators/online-public-service-use/comparison", SignedIn),
        ["GET /api/v1/progress/national"] = new(_ => "/api/v1/progress/national", SignedIn),

        // Reports and exports of a province: its readers; the report's words are written by its reviewers.
        ["GET /api/v1/reports/r57"] = new(_ => $"/api/v1/reports/r57?unit={LaoCai}&period=2025&format=docx", ReadsLaoCai, DeniedAs: [403]),
        ["GET /api/v1/reports/r57/narrative"] = new(_ => $"/api/v1/reports/r57/narrative?unit={LaoCai}&period=2025", ReadsLaoCai, DeniedAs: [403]),
        ["PUT /api/v1/reports/r57/narrative"] = new(_ => $"/api/v1/reports/r57/narrative?unit={LaoCai}&period=2025", c => c.Is(Role.Reviewer, LaoCai),
            Json($"{{\"version\":{Stale},\"difficulties\":\"Kiểm tra quyền\"}}"), DeniedAs: [403]),
        ["GET /api/v1/exports/{file}"] = new(_ => $"/api/v1/exports/values.csv?unit={LaoCai}", ReadsLaoCai, DeniedAs: [403]),

        // The audit trail's check and the instance's state.
        ["GET /api/v1/audit/verify"] = new(_ => "/api/v1/audit/verify", Auditor, DeniedAs: [403]),
        ["GET /api/v1/admin/instance"] = new(_ => "/api/v1/admin/instance", Admin, DeniedAs: [403]),

        // Reporting periods: read by the province's readers; defined by administrators; run by the province's reviewer
        // (and administrators). The probes change nothing: a code before 2015, a due date before the period ends, and
        // a state change without its reason are refused after the access check.
        ["GET /api/v1/periods"] = new(_ => $"/api/v1/periods?unit={LaoCai}", ReadsLaoCai, DeniedAs: [403]),
        ["POST /api/v1/periods"] = new(_ => "/api/v1/periods", Admin, Json("{\"code\":\"2010\",\"dueDate\":\"2011-01-31\"}"), DeniedAs: [403]),
        ["PUT /api/v1/periods/{code}/due-date"] = new(_ => "/api/v1/periods/2025/due-date", Admin,
            Json($"{{\"dueDate\":\"2025-06-01\",\"version\":{Stale}}}"), DeniedAs: [403]),
        ["POST /api/v1/periods/{code}/open"] = new(_ => "/api/v1/periods/2025/open", c => Admin(c) || c.Is(Role.Reviewer, LaoCai),
            NoReason, DeniedAs: [403]),
        ["POST /api/v1/periods/{code}/reopen"] = new(_ => "/api/v1/periods/2025/reopen", c => Admin(c) || c.Is(Role.Reviewer, LaoCai),
            NoReason, DeniedAs: [403]),
        ["POST /api/v1/periods/{code}/close"] = new(_ => "/api/v1/periods/2025/close", c => Admin(c) || c.Is(Role.Reviewer, LaoCai),
            NoReason, DeniedAs: [403]),
        ["POST /api/v1/periods/{code}/lock"] = new(_ => "/api/v1/periods/2025/lock", c => Admin(c) || c.Is(Role.Reviewer, LaoCai),
            NoReason, DeniedAs: [403]),

        // Accounts: administrators only. The probes change nothing: an administrator meets a refused password, a refused
        // grant, the rule that nobody locks their own account, and unlocks an account that is not locked.
        ["GET /api/v1/admin/users"] = new(_ => "/api/v1/admin/users", Admin, DeniedAs: [403]),
        ["POST /api/v1/admin/users"] = new(_ => "/api/v1/admin/users", Admin,
            Json("{\"email\":\"tham-do@demo.local\",\"password\":\"ngan\",\"grants\":[]}"), DeniedAs: [403]),
        ["PUT /api/v1/admin/users/{email}/grants"] = new(_ => $"/api/v1/admin/users/{AdminEmail}/grants", Admin,
            Json("[{\"role\":\"KhongCo\",\"unit\":\"laocai\",\"agency\":null}]"), DeniedAs: [403]),
        ["POST /api/v1/admin/users/{email}/lock"] = new(_ => $"/api/v1/admin/users/{AdminEmail}/lock", Admin, DeniedAs: [403]),
        ["POST /api/v1/admin/users/{email}/unlock"] = new(_ => $"/api/v1/admin/users/{AdminEmail}/unlock", Admin, DeniedAs: [403]),
    };
}
