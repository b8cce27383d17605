using KhcnTracker.Application.Users;
using KhcnTracker.Infrastructure.Identity;
using Xunit.Abstractions;

namespace KhcnTracker.IntegrationTests.Security;

/// <summary>
/// Every operation the OpenAPI document lists, run as every demo account of every province, anonymously and with the
/// token of an account whose grants were removed, against <see cref="AccessExpectations"/>: an operation without a row
/// fails, a caller let through or refused against the table fails, and no answer to a caller outside Lào Cai's (or
/// Quảng Trị's) scope may carry a figure or note of that province.
/// </summary>
public sealed class EveryOperationTests(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    // Figures and words that exist only in one province's records: they must never reach a caller outside its scope.
    private const string LaoCaiSource = "LC-NGUON-BI-MAT-7391", LaoCaiFigure = "93.7", QuangTriNote = "QT-GHI-CHU-BI-MAT-4242";

    [Fact]
    public async Task EveryOperationAsEveryRoleOfEveryProvince_AnonymousAndRevoked()
    {
        var targets = await ArrangeAsync();
        var callers = await SignInAsync();
        var operations = await OperationsAsync(callers[0].Client);

        var missing = operations.Where(o => !AccessExpectations.Operations.ContainsKey(o)).ToList();
        var stale = AccessExpectations.Operations.Keys.Where(k => !operations.Contains(k)).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"The OpenAPI document and AccessExpectations disagree. Operations without a row (add one in Security/AccessExpectations.cs): " +
            $"{string.Join(", ", missing)}. Rows without an operation: {string.Join(", ", stale)}.");

        var failures = new List<string>();
        var pairs = 0;
        foreach (var operation in operations)
        {
            var expectation = AccessExpectations.Operations[operation];
            var method = new HttpMethod(operation[..operation.IndexOf(' ')]);
            foreach (var (caller, client) in callers)
            {
                using var request = new HttpRequestMessage(method, expectation.Path(targets)) { Content = expectation.BodyFor(targets) };
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                pairs++;

                // Figures, files and refusals alike: no browser or proxy keeps an API answer.
                if (response.Headers.CacheControl?.NoStore != true) failures.Add($"{operation} as {caller.Name}: no Cache-Control: no-store");
                var verdict = Judge(expectation, caller, status);
                if (verdict is not null) failures.Add($"{operation} as {caller.Name}: {status} — {verdict}: {Shorten(body)}");
                foreach (var (unit, secrets) in new[] { (AccessExpectations.LaoCai, new[] { LaoCaiSource, LaoCaiFigure }), (AccessExpectations.QuangTri, new[] { QuangTriNote }) })
                    if (!caller.Reads(unit) && secrets.FirstOrDefault(body.Contains) is { } leaked)
                        failures.Add($"{operation} as {caller.Name}: the answer carries {unit}'s \"{leaked}\"");
            }
        }

        var summary = $"{pairs} operation × caller pairs checked ({operations.Count} operations × {callers.Count} callers: " +
                      $"{callers.Count - 2} demo accounts, anonymous, a revoked token)";
        output.WriteLine(summary);
        Assert.True(failures.Count == 0, $"{summary}; {failures.Count} failed:\n{string.Join("\n", failures)}");
    }

    private static string? Judge(Expectation expectation, Caller caller, int status)
    {
        if (status >= 500) return "a server error";
        if (expectation.Public) return null;
        if (caller.Anonymous || caller.Revoked) return status == 401 ? null : "expected 401 (not signed in, or access revoked)";
        if (expectation.Allowed(caller))
            return status is 401 or 403 or 404 || expectation.Refusals.Contains(status) ? "expected to be let through" : null;
        return expectation.Refusals.Contains(status) ? null : $"expected a refusal ({string.Join(" or ", expectation.Refusals)})";
    }

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "…" : body;

    /// <summary>The operations of GET /openapi/v1.json as "METHOD /path/{param}".</summary>
    private static async Task<List<string>> OperationsAsync(HttpClient client)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(m => $"{m.Name.ToUpperInvariant()} {path.Name}"))
            .OrderBy(o => o, StringComparer.Ordinal).ToList();
    }

    /// <summary>Lào Cai's approved value with evidence, Quảng Trị's approved task report with evidence, catalogue keys.</summary>
    private async Task<ProbeTargets> ArrangeAsync()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var saved = await Ok(await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "online-public-service-use", period = "2025", value = decimal.Parse(LaoCaiFigure, System.Globalization.CultureInfo.InvariantCulture), source = LaoCaiSource }));
        var valueId = saved.GetProperty("id").GetInt32();
        var evidence = await Ok(await staff.PostAsync($"/api/v1/values/{valueId}/evidence", AccessExpectations.Operations["POST /api/v1/values/{id}/evidence"].Body!()!));
        await Ok(await staff.PostAsJsonAsync($"/api/v1/values/{valueId}/submit", new { }));
        await Ok(await reviewer.PostAsJsonAsync($"/api/v1/values/{valueId}/approve", new { }));

        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        var task = await db.Tasks.AsNoTracking().Where(t => t.DocumentCode == "quangtri-cthd144" && t.LeadAgencyCode == "skhcn").OrderBy(t => t.Number).FirstAsync();
        using var taskStaff = await portal.CreateClientForAsync("staff.quangtri@demo.local");
        using var taskReviewer = await portal.CreateClientForAsync("reviewer.quangtri@demo.local");
        var report = await Ok(await taskStaff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { status = "in-progress", percent = 40, note = QuangTriNote }));
        var taskEvidence = await Ok(await taskStaff.PostAsync($"/api/v1/tasks/{task.Id}/progress/evidence",
            AccessExpectations.Operations["POST /api/v1/tasks/{id}/progress/evidence"].Body!()!));
        await Ok(await taskStaff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/submit", new { }));
        await Ok(await taskReviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve", new { }));

        var target = await db.Targets.AsNoTracking().Where(t => t.UnitCode == "laocai").OrderBy(t => t.Id).FirstAsync();
        var document = await db.Documents.AsNoTracking().OrderBy(d => d.Code).FirstAsync();
        var agency = await db.Agencies.AsNoTracking().Where(a => a.UnitCode == "laocai").OrderBy(a => a.Code).FirstAsync();
        return new ProbeTargets(valueId, evidence.GetProperty("id").GetGuid(), target.Id, task.Id, report.GetProperty("id").GetInt32(),
            taskEvidence.GetProperty("id").GetGuid(), document.Code, "online-public-service-use", target.Id, task.Id, agency.UnitCode, agency.Code);
    }

    /// <summary>Every demo account signed in once (bearer token), anonymous, and an account whose grants were removed after it signed in.</summary>
    private async Task<List<(Caller Caller, HttpClient Client)>> SignInAsync()
    {
        var callers = new List<(Caller, HttpClient)>();
        foreach (var (email, _, grant) in DemoAccounts.All())
            callers.Add((new Caller(email[..email.IndexOf('@')], email, grant), await portal.CreateClientForAsync(email)));
        callers.Add((new Caller("anonymous", null, null), portal.CreateClient()));

        const string leaver = "revoked.laocai@demo.local";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = ActivatorUtilities.CreateInstance<ManageUsers>(scope.ServiceProvider, TestCaller.Administrator());
        var id = await users.CreateAsync(leaver, "Chuyên viên đã nghỉ việc", PortalFactory.DemoPassword, ["DepartmentStaff:laocai:skhcn"]);
        var revoked = await portal.CreateClientForAsync(leaver);
        Assert.Equal(HttpStatusCode.OK, (await revoked.GetAsync("/api/v1/values?unit=laocai")).StatusCode); // the token worked
        await users.SetGrantsAsync(id, Array.Empty<string>());
        callers.Add((new Caller("revoked (staff of laocai, grants removed)", leaver, new RoleGrant(Role.DepartmentStaff, "laocai", "skhcn"), Revoked: true), revoked));
        return callers;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

}
