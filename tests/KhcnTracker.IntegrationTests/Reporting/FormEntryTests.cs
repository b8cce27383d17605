using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Reporting;
using KhcnTracker.Domain.Access;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Reporting;
using KhcnTracker.Infrastructure.Persistence;

namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>
/// The form entry's data on PostgreSQL: each row with last period's and last year's approved figure and its band, the
/// follow-up mark and a milestone's date reached through the values API and the story, and submitting chosen rows.
/// </summary>
public sealed class FormEntryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Unit = "laocai";
    private const string StaffAccount = "staff.laocai@demo.local";
    private static readonly string ThisYear = $"{TestClock.VietnamYear}";

    private IAppDbContextFactory Db => new AppDbContextFactory(TestPostgres.Factory(portal.ConnectionString));
    private static TestCaller Staff => new(StaffAccount, new RoleGrant(Role.DepartmentStaff, Unit, "skhcn"));

    private async Task<IReadOnlyList<ReportingItem>> FormAsync() =>
        (await new ListMyReporting(Db, Staff, new ListValues(Db, Staff, new CallerScopes(portal.Clock)), portal.Clock).HandleAsync()).Where(i => i.Period == ThisYear).ToList();

    [Fact]
    public async Task ARowShowsLastYearsApprovedFigure_AndAJumpBeyondHalfIsAWarningNotARefusal()
    {
        const string indicator = "officials-trained-share";
        await portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", Unit, indicator, TestClock.LastYear, 40m);

        var row = (await FormAsync()).Single(i => i.Indicator == indicator);

        Assert.Equal(new PastFigure(TestClock.LastYear, 40m), row.LastYear);
        Assert.Equal(new PastFigure(TestClock.LastYear, 40m), row.LastPeriod);
        Assert.Equal(PlausibilityBand.None, row.Band);
        // 40 → 59 is +47.5 %: fine; 40 → 61 is +52.5 %: questioned.
        Assert.Empty(row.WarningsFor(59m));
        Assert.Equal([PlausibilityWarning.JumpFromLast], row.WarningsFor(61m));

        using var staff = await portal.CreateClientForAsync(StaffAccount);
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = Unit, indicator, period = ThisYear, value = 61m });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(61m, (await FormAsync()).Single(i => i.Indicator == indicator).Latest!.Value);
    }

    [Fact]
    public async Task ForAHalfYearlyIndicator_TheYearsLastPeriodIsItsOwnFirstHalf_AndLastYearIsTheYearBefore()
    {
        const string indicator = "non-cash-payment-share";
        var firstHalf = $"{ThisYear}-H1";
        await ReportingSteps.BackfillApprovedAsync(portal.ConnectionString, TestClock.LastYear, (Unit, indicator, 30m));
        await ReportingSteps.BackfillApprovedAsync(portal.ConnectionString, firstHalf, (Unit, indicator, 34m));

        var row = (await FormAsync()).Single(i => i.Indicator == indicator);

        Assert.Equal(new PastFigure(firstHalf, 34m), row.LastPeriod);
        Assert.Equal(new PastFigure(TestClock.LastYear, 30m), row.LastYear);
        // A jump is measured from last year's figure (the same kind of period): 30 → 44 is +46.7 %, 30 → 46 is +53.3 %.
        Assert.Empty(row.WarningsFor(44m));
        Assert.Equal([PlausibilityWarning.JumpFromLast], row.WarningsFor(46m));
    }

    [Fact]
    public async Task SubmittingChosenRows_SubmitsThoseAlone_AndARowChangedMeanwhileIsRefusedOnItsOwn()
    {
        string[] chosen = ["ip-titles", "rd-workforce", "leading-tech-enterprise-investors"];
        using var staff = await portal.CreateClientForAsync(StaffAccount);
        foreach (var code in chosen.Append("hdi-rank-places-gained"))
        {
            var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = Unit, indicator = code, period = ThisYear, value = 7m });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }
        var rows = (await FormAsync()).ToDictionary(i => i.Indicator);
        // The third row was changed by another tab after the form read it: its version is no longer the one shown.
        var stale = rows[chosen[2]].Latest!;
        var changed = await staff.PostAsJsonAsync("/api/v1/values", new { unit = Unit, indicator = chosen[2], period = ThisYear, value = 8m, version = stale.Version });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        var outcomes = await new SubmitValues(Staff, new ValueWorkflow(Db, Staff, portal.Clock))
            .HandleAsync(chosen.Select(c => new ValueToSubmit(rows[c].Latest!.Id, rows[c].Latest!.Version)).ToList());

        Assert.Equal([true, true, false], outcomes.Select(o => o.Submitted));
        Assert.IsType<ConcurrencyConflictException>(outcomes[2].Refused);
        var after = (await FormAsync()).ToDictionary(i => i.Indicator);
        Assert.Equal(ValueStatus.Submitted, after[chosen[0]].Latest!.Status);
        Assert.Equal(ValueStatus.Submitted, after[chosen[1]].Latest!.Status);
        Assert.Equal(ValueStatus.Draft, after[chosen[2]].Latest!.Status);
        Assert.Equal(8m, after[chosen[2]].Latest!.Value);
        // The row nobody chose stays a draft.
        Assert.Equal(ValueStatus.Draft, after["hdi-rank-places-gained"].Latest!.Status);
    }

    [Fact]
    public async Task SomeoneElsesValueCannotBeSubmittedInABatch()
    {
        using var staff = await portal.CreateClientForAsync("staff.phutho@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "phutho", indicator = "digital-economy-grdp-share", period = ThisYear, value = 3m });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        var (id, version) = (body.GetProperty("id").GetInt32(), body.GetProperty("version").GetUInt32());

        var outcome = Assert.Single(await new SubmitValues(Staff, new ValueWorkflow(Db, Staff, portal.Clock)).HandleAsync([new ValueToSubmit(id, version)]));

        Assert.False(outcome.Submitted);
        Assert.IsType<NotFoundException>(outcome.Refused);
    }

    [Fact]
    public async Task TheFollowUpMarkAndTheCommentReachTheReviewer_AreKeptWhenASaveDoesNotMentionThem_AndTellTheirStory()
    {
        const string indicator = "innovating-enterprise-share";
        using var staff = await portal.CreateClientForAsync(StaffAccount);
        var save = (object body) => staff.PostAsJsonAsync("/api/v1/values", body);
        Assert.True((await save(new { unit = Unit, indicator, period = ThisYear, value = 12m, note = "Ước tính theo khảo sát quý III", followUp = true })).IsSuccessStatusCode);
        Assert.True((await save(new { unit = Unit, indicator, period = ThisYear, value = 12.5m, note = "Ước tính theo khảo sát quý III" })).IsSuccessStatusCode);

        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var shown = (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/values?unit={Unit}&indicator={indicator}&period={ThisYear}")).EnumerateArray().Single();
        Assert.True(shown.GetProperty("followUp").GetBoolean());
        Assert.Equal("Ước tính theo khảo sát quý III", shown.GetProperty("note").GetString());
        Assert.Equal(12.5m, shown.GetProperty("value").GetDecimal());

        Assert.True((await save(new { unit = Unit, indicator, period = ThisYear, value = 12.5m, followUp = false })).IsSuccessStatusCode);
        var id = shown.GetProperty("id").GetInt32();
        var events = (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/history/events")).EnumerateArray()
            .Where(e => e.TryGetProperty("followUp", out var f) && f.ValueKind != JsonValueKind.Null).Select(e => e.GetProperty("followUp").GetBoolean()).ToList();
        Assert.Equal([true, false], events);
        Assert.False((await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/values?unit={Unit}&indicator={indicator}&period={ThisYear}"))
            .EnumerateArray().Single().GetProperty("followUp").GetBoolean());
    }

    [Fact]
    public async Task AMilestoneReachedKeepsItsDate_AndLosesItWhenNoLongerReached()
    {
        const string indicator = "provincial-data-centre";
        var reachedOn = new DateOnly(TestClock.VietnamYear, 3, 15);
        using var staff = await portal.CreateClientForAsync(StaffAccount);
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = Unit, indicator, period = ThisYear, value = 1m, reachedOn = reachedOn.ToString("yyyy-MM-dd") });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(reachedOn, (await FormAsync()).Single(i => i.Indicator == indicator).Latest!.ReachedOn);

        var refused = await staff.PostAsJsonAsync("/api/v1/values", new { unit = Unit, indicator, period = ThisYear, value = 0m, reachedOn = reachedOn.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        // Said in the reader's words, from the resources.
        Assert.Equal("Ngày hoàn thành chỉ ghi khi mốc đã hoàn thành.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.True((await staff.PostAsJsonAsync("/api/v1/values", new { unit = Unit, indicator, period = ThisYear, value = 0m })).IsSuccessStatusCode);
        var latest = (await FormAsync()).Single(i => i.Indicator == indicator).Latest!;
        Assert.Equal(0m, latest.Value);
        Assert.Null(latest.ReachedOn);
    }

    [Fact]
    public async Task AnIndicatorsBandIsSaved_KeptByAnEditOfItsName_AndChecked()
    {
        var admin = TestCaller.Administrator();
        var save = new SaveIndicator(Db, admin, new SaveIndicatorValidator());
        var list = new ListIndicators(Db, admin);
        var before = (await list.HandleAsync()).Single(i => i.Code == "ip-titles");
        await save.HandleAsync(Command(before, before.NameVi, new PlausibilityBand(0m, 500m, 30)));

        // The dialog's edit sends back the band it read: changing only the name keeps it.
        var banded = (await list.HandleAsync()).Single(i => i.Code == "ip-titles");
        Assert.Equal(new PlausibilityBand(0m, 500m, 30), banded.Band);
        await save.HandleAsync(Command(banded, banded.NameVi + " (đã sửa)", banded.Band));
        var renamed = (await list.HandleAsync()).Single(i => i.Code == "ip-titles");
        Assert.EndsWith("(đã sửa)", renamed.NameVi);
        Assert.Equal(new PlausibilityBand(0m, 500m, 30), renamed.Band);

        // The form reads it: 401 is within the band, 501 above it, and 7 → 10 a jump of more than 30 %.
        var refused = await Assert.ThrowsAsync<DomainException>(() => save.HandleAsync(Command(renamed, renamed.NameVi, new PlausibilityBand(9m, 1m, null))));
        Assert.Equal("indicator.band-min-above-max", refused.Code);
        Assert.Equal(new PlausibilityBand(0m, 500m, 30), (await list.HandleAsync()).Single(i => i.Code == "ip-titles").Band);
        var row = (await FormAsync()).Single(i => i.Indicator == "ip-titles");
        Assert.Equal([PlausibilityWarning.AboveExpectedMax], row.Band.Check(501m, null));
        Assert.Equal([PlausibilityWarning.JumpFromLast], row.Band.Check(10m, 7m));
    }

    private static SaveIndicatorCommand Command(IndicatorView i, string nameVi, PlausibilityBand band) => new(
        i.Code, i.Version, nameVi, i.NameEn, i.Areas, CatalogueWords.Measure.Format(i.Unit), CatalogueWords.Direction.Format(i.Direction), i.Decimals,
        i.AllowsOver100, i.DefinitionVi, i.DefinitionEn, i.Formula, i.ReportsHalfYearly, band);
}
