namespace KhcnTracker.IntegrationTests.Access;

/// <summary>Who may write, submit and review a province's values, over the API. Every denial is 403 and writes nothing.</summary>
public sealed class ValueAuthorizationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string DigitalEconomy = "digital-economy-grdp-share"; // assigned to the Department of Science and Technology

    public static TheoryData<string, string, bool> Writes => new()
    {
        { "staff.laocai@demo.local", "laocai", true },
        { "staff2.laocai@demo.local", "laocai", false },     // another agency of the province
        { "staff.quangtri@demo.local", "laocai", false },    // the same agency of another province
        { "reviewer.laocai@demo.local", "laocai", false },
        { "leader.laocai@demo.local", "laocai", false },
        { "leader.national@demo.local", "laocai", false },
        { "auditor.laocai@demo.local", "laocai", false },
        { "auditor.national@demo.local", "laocai", false },
        { "admin@demo.local", "laocai", false },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WritingAValue(string email, string unit, bool allowed)
    {
        var period = allowed ? TestClock.LastYear : $"{TestClock.LastYear}-H1";
        using var client = await portal.CreateClientForAsync(email);
        var response = await client.PostAsJsonAsync("/api/v1/values", new { unit, indicator = DigitalEconomy, period, value = 12.5m, source = "Cục Thống kê" });

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(12.5m, (await LatestAsync(unit, DigitalEconomy, period))!.Value);
        }
        else
        {
            await AssertForbiddenAsync(response);
            Assert.Null(await LatestAsync(unit, DigitalEconomy, period));
        }
    }

    [Fact]
    public async Task StaffSubmitTheReviewerOfTheProvinceApprovesAndNobodyElse()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var saved = await (await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "online-public-service-use", period = TestClock.LastYear, value = 63.4m })).Content.ReadFromJsonAsync<JsonElement>();
        var id = saved.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).StatusCode);

        foreach (var email in new[] { "staff.laocai@demo.local", "leader.laocai@demo.local", "auditor.national@demo.local", "admin@demo.local" })
        {
            using var other = await portal.CreateClientForAsync(email);
            await AssertForbiddenAsync(await other.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { }));
            Assert.Equal("Submitted", (await ValueAsync(id)).Status.ToString());
        }
        // Another province's reviewer is told the value does not exist, as for an id that does not.
        using var foreign = await portal.CreateClientForAsync("reviewer.quangtri@demo.local");
        var refused = await foreign.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("Submitted", (await ValueAsync(id)).Status.ToString());

        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { })).StatusCode);
        var approved = await ValueAsync(id);
        Assert.Equal("Approved", approved.Status.ToString());
        Assert.Equal("reviewer.laocai@demo.local", approved.ReviewedBy);
    }

    [Fact]
    public async Task NobodyApprovesTheirOwnSubmission()
    {
        // A reviewer who also reports for the Department of Finance (both roles, one person).
        await using (var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString)))
        {
            var user = await db.Users.SingleAsync(u => u.Email == "reviewer.quangtri@demo.local");
            user.Grants = [.. user.Grants, "DepartmentStaff:quangtri:stc"];
            user.SecurityStamp = Guid.NewGuid().ToString(); // as every change of grants does: the new grants apply at once
            await db.SaveChangesAsync();
        }
        var spending = await AssignedToAsync("quangtri", "stc");
        using var both = await portal.CreateClientForAsync("reviewer.quangtri@demo.local");
        var saved = await (await both.PostAsJsonAsync("/api/v1/values",
            new { unit = "quangtri", indicator = spending, period = TestClock.LastYear, value = 1000m })).Content.ReadFromJsonAsync<JsonElement>();
        var id = saved.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await both.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).StatusCode);

        await AssertForbiddenAsync(await both.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { }));
        Assert.Equal("Submitted", (await ValueAsync(id)).Status.ToString());
    }

    [Theory]
    [InlineData("leader.quangtri@demo.local", false)]
    [InlineData("staff.quangtri@demo.local", false)]
    [InlineData("auditor.phutho@demo.local", false)]
    [InlineData("leader.laocai@demo.local", true)]
    [InlineData("auditor.national@demo.local", true)]
    public async Task ReadingAProvincesValuesNeedsAScopeThatCoversIt(string email, bool allowed)
    {
        using var client = await portal.CreateClientForAsync(email);
        var response = await client.GetAsync("/api/v1/values?unit=laocai");
        if (allowed) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else await AssertForbiddenAsync(response);
    }

    [Fact]
    public async Task ALockedPeriodRefusesEveryWrite()
    {
        // The year before last, locked here (whatever the default states of the periods are).
        var locked = $"{TestClock.VietnamYear - 2}";
        await ReportingSteps.SetPeriodStateAsync(portal.ConnectionString, "laocai", locked, Domain.Reporting.PeriodState.Locked);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var response = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = DigitalEconomy, period = locked, value = 10m });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await LatestAsync("laocai", DigitalEconomy, locked));
    }

    [Fact]
    public async Task ASecondSaveOnAStaleVersionIsToldTheOtherPersonsValue()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var first = await (await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "non-cash-payment-share", period = TestClock.LastYear, value = 55m })).Content.ReadFromJsonAsync<JsonElement>();
        var version = first.GetProperty("version").GetUInt32();
        await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = "non-cash-payment-share", period = TestClock.LastYear, value = 57.5m, version });

        var stale = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = "non-cash-payment-share", period = TestClock.LastYear, value = 60m, version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("57,5", problem.GetProperty("detail").GetString());
        Assert.Equal(57.5m, (await LatestAsync("laocai", "non-cash-payment-share", TestClock.LastYear))!.Value);
    }

    [Fact]
    public async Task AForeignLeaderWalkingIdsWithAStaleVersionLearnsNoFigureAndNoId()
    {
        using var staff = await portal.CreateClientForAsync("staff2.laocai@demo.local");
        var saved = await (await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "budget-total-spending", period = TestClock.LastYear, value = 987_654m })).Content.ReadFromJsonAsync<JsonElement>();
        var id = saved.GetProperty("id").GetInt32();
        using var leader = await portal.CreateClientForAsync("leader.quangtri@demo.local");

        foreach (var action in new[] { "submit", "approve", "return" })
        {
            var existing = await leader.PostAsJsonAsync($"/api/v1/values/{id}/{action}", new { version = 1, reason = "x" });
            var absent = await leader.PostAsJsonAsync($"/api/v1/values/{id + 1_000_000}/{action}", new { version = 1, reason = "x" });
            Assert.Equal(HttpStatusCode.NotFound, existing.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
            var text = await existing.Content.ReadAsStringAsync();
            Assert.DoesNotContain("987", text);
            Assert.DoesNotContain("staff2.laocai", text);
            Assert.Equal((await absent.Content.ReadAsStringAsync()).Replace($"{id + 1_000_000}", $"{id}"), text);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/v1/values/{id}/history")).StatusCode);
        Assert.Equal("Draft", (await ValueAsync(id)).Status.ToString());
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", problem.GetProperty("detail").GetString());
    }

    private Infrastructure.Persistence.AppDbContext Db() => new(TestPostgres.Options(portal.ConnectionString));

    private async Task<Domain.Reporting.ReportedValue?> LatestAsync(string unit, string indicator, string period)
    {
        await using var db = Db();
        return await db.Values.AsNoTracking().Where(v => v.UnitCode == unit && v.IndicatorCode == indicator && v.PeriodCode == period)
            .OrderByDescending(v => v.Revision).FirstOrDefaultAsync();
    }

    private async Task<Domain.Reporting.ReportedValue> ValueAsync(int id)
    {
        await using var db = Db();
        return await db.Values.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    private async Task<string> AssignedToAsync(string unit, string agency)
    {
        await using var db = Db();
        var codes = await db.Assignments.Where(a => a.UnitCode == unit && a.AgencyCode == agency).Select(a => a.IndicatorCode).ToListAsync();
        return await db.Indicators.Where(i => codes.Contains(i.Code) && i.Formula == null).Select(i => i.Code).FirstAsync();
    }
}
