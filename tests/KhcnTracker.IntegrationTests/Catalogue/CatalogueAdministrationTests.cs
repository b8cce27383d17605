namespace KhcnTracker.IntegrationTests.Catalogue;

/// <summary>Administrators add, edit and retire documents, indicators and tasks through the application layer.</summary>
public sealed class CatalogueAdministrationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    /// <summary>An administrator, or (cannot edit) Lào Cai's leadership.</summary>
    private static TestCaller Caller(bool canEdit) => canEdit
        ? TestCaller.Administrator("test@demo.local")
        : new("test@demo.local", new Domain.Access.RoleGrant(Domain.Access.Role.Leadership, "laocai"));

    private IAppDbContextFactory Db => new AppDbContextFactory(database.Factory);

    [Fact]
    public async Task ADocumentIsAddedEditedAndRetiredButKept()
    {
        var admin = Caller(true);
        var save = new SaveDocument(Db, admin, new SaveDocumentValidator());
        var command = new SaveDocumentCommand("laocai-kh-thu", null, "12/KH-UBND", "plan", "Kế hoạch chuyển đổi số năm 2026",
            "Digital transformation plan 2026", "UBND tỉnh Lào Cai", "laocai", new DateOnly(2026, 2, 3), 2026, "nq57-tw", null);
        await save.HandleAsync(command);

        var added = await DocumentAsync("laocai-kh-thu");
        await save.HandleAsync(command with { Version = added.Version, Number = "13/KH-UBND" });
        var edited = await DocumentAsync("laocai-kh-thu");
        Assert.Equal("13/KH-UBND", edited.Number);

        await new ChangeCatalogueState(Db, admin, TestClock.Shared).RetireAsync(CatalogueItem.Document, "laocai-kh-thu", edited.Version, "Đã thay bằng kế hoạch khác");

        Assert.True((await DocumentAsync("laocai-kh-thu")).IsRetired);
        Assert.DoesNotContain(await new ListDocuments(Db, admin).HandleAsync(), d => d.Code == "laocai-kh-thu");
        Assert.Contains(await new ListDocuments(Db, admin).HandleAsync(includeRetired: true), d => d.Code == "laocai-kh-thu");
    }

    [Fact]
    public async Task ADocumentDatedOutsideItsYearIsRefusedWithAMessage()
    {
        var save = new SaveDocument(Db, Caller(true), new SaveDocumentValidator());
        var error = await Assert.ThrowsAsync<CommandRejectedException>(() => save.HandleAsync(new SaveDocumentCommand(
            "laocai-kh-sai", null, null, "plan", "Kế hoạch", "Plan", "UBND tỉnh", "laocai", new DateOnly(2025, 1, 1), 2026, null, null)));
        Assert.Contains(error.Violations, v => v.Code == "document.date-year-mismatch");
    }

    [Fact]
    public async Task AFormulaIndicatorMustUseKnownIndicators()
    {
        var save = new SaveIndicator(Db, Caller(true), new SaveIndicatorValidator());
        var error = await Assert.ThrowsAsync<CommandRejectedException>(() => save.HandleAsync(new SaveIndicatorCommand(
            "ty-le-thu", null, "Tỷ lệ thử", "Test share", ["cds"], "percent", "higher", 1, false, null, null, "{khong-co} / {cung-khong} * 100", false, PlausibilityBand.None)));
        Assert.Contains(error.Violations, v => v.Code == "indicator.formula-unknown-input");
    }

    [Fact]
    public async Task AFormulaThatReadsItselfThroughAnotherIndicatorOrBreaksTheGrammarIsRefused()
    {
        var admin = Caller(true);
        var save = new SaveIndicator(Db, admin, new SaveIndicatorValidator());
        await save.HandleAsync(new SaveIndicatorCommand("gap-doi-ty-le", null, "Gấp đôi tỷ lệ", "Twice the share", ["khcn"], "percent", "higher", 2,
            true, null, null, "{budget-khcn-dmst-cds-share} * 2", false, PlausibilityBand.None));
        var share = await IndicatorAsync("budget-khcn-dmst-cds-share");

        var cycle = await Assert.ThrowsAsync<CommandRejectedException>(() => save.HandleAsync(new SaveIndicatorCommand(
            share.Code, share.Version, share.NameVi, share.NameEn, ["khcn"], "percent", "higher", 2, false, null, null, "{gap-doi-ty-le} / 2", false, share.Band)));
        Assert.Contains(cycle.Violations, v => v.Code == "indicator.formula-cycle");
        var grammar = await Assert.ThrowsAsync<CommandRejectedException>(() => save.HandleAsync(new SaveIndicatorCommand(
            "ty-le-sai", null, "Tỷ lệ sai", "Bad share", ["cds"], "percent", "higher", 1, false, null, null, "{budget-total-spending} ^ 2", false, PlausibilityBand.None)));
        Assert.Contains(grammar.Violations, v => v.Code == "indicator.formula-invalid");
        // Nothing changed: the share still reads its two amounts.
        Assert.Equal(share.Formula, (await IndicatorAsync(share.Code)).Formula);
    }

    [Fact]
    public async Task ATaskCanOnlyBeLedByAnAgencyOfItsDocumentsProvince()
    {
        var save = new SaveTask(Db, Caller(true), new SaveTaskValidator());
        var error = await Assert.ThrowsAsync<CommandRejectedException>(() => save.HandleAsync(new SaveTaskCommand(
            null, null, "vinhphuc-qd843", 500, "Nhiệm vụ thử", "khong-co-so-nay", [], null, 2024, 2025)));
        Assert.Contains(error.Violations, v => v.Code == "task.lead-agency-missing");
    }

    [Fact]
    public async Task SomeoneWhoMayNotEditIsRefusedAndNothingIsWritten()
    {
        var save = new SaveDocument(Db, Caller(false), new SaveDocumentValidator());
        await Assert.ThrowsAsync<AccessDeniedException>(() => save.HandleAsync(new SaveDocumentCommand(
            "laocai-kh-cam", null, null, "plan", "Kế hoạch", "Plan", "UBND tỉnh", "laocai", null, 2026, null, null)));
        await using var db = database.CreateContext();
        Assert.False(await db.Documents.AnyAsync(d => d.Code == "laocai-kh-cam"));
    }

    [Fact]
    public async Task EditingAHalfYearlyIndicatorKeepsItHalfYearly()
    {
        // The digital economy's share is also reported at the six-month review; an edit of its name used to switch that off.
        var shipped = (await new ListIndicators(Db, Caller(true)).HandleAsync(null)).Single(i => i.Code == "digital-economy-grdp-share");
        Assert.True(shipped.ReportsHalfYearly);

        await new SaveIndicator(Db, Caller(true), new SaveIndicatorValidator()).HandleAsync(new SaveIndicatorCommand(
            shipped.Code, shipped.Version, shipped.NameVi + " (sửa)", shipped.NameEn, shipped.Areas, CatalogueWords.Measure.Format(shipped.Unit), CatalogueWords.Direction.Format(shipped.Direction), shipped.Decimals,
            shipped.AllowsOver100, shipped.DefinitionVi, shipped.DefinitionEn, shipped.Formula, shipped.ReportsHalfYearly, shipped.Band));

        var edited = await IndicatorAsync(shipped.Code);
        Assert.EndsWith("(sửa)", edited.NameVi);
        Assert.True(edited.ReportsHalfYearly);
    }

    [Fact]
    public async Task AnAdministratorConfirmsAnAgencysSuccessor_OthersCannot_AndItIsAudited()
    {
        // Vĩnh Phúc's Department of Information and Communications passed to Phú Thọ's Department of Science and
        // Technology on 1 July 2025; the shipped catalogue flags it "to be confirmed".
        await Assert.ThrowsAsync<AccessDeniedException>(() => new ConfirmAgencySuccessor(Db, Caller(false)).HandleAsync("vinhphuc", "stttt"));
        Assert.True((await new ListAgencies(Db, Caller(false)).HandleAsync("vinhphuc")).Single(a => a.Code == "stttt").ToBeConfirmed);

        await new ConfirmAgencySuccessor(Db, Caller(true)).HandleAsync("vinhphuc", "stttt");

        var agency = (await new ListAgencies(Db, Caller(false)).HandleAsync("vinhphuc")).Single(a => a.Code == "stttt");
        Assert.False(agency.ToBeConfirmed);
        Assert.Equal("phutho/skhcn", agency.Successor);
        await using var db = database.CreateContext();
        var audited = await db.AuditLog.Where(a => a.Entity == "agency" && a.EntityKey.Contains("stttt")).ToListAsync();
        Assert.Contains(audited, a => a.Changes.ToString()!.Contains("to_be_confirmed"));
        // An agency that was never merged has nothing to confirm.
        var refused = await Assert.ThrowsAsync<CommandRejectedException>(() => new ConfirmAgencySuccessor(Db, Caller(true)).HandleAsync("phutho", "skhcn"));
        Assert.Contains(refused.Violations, v => v.Code == "agency.no-successor");
    }

    private async Task<Domain.Catalogue.Indicator> IndicatorAsync(string code)
    {
        await using var db = database.CreateContext();
        return await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == code);
    }

    private async Task<Domain.Catalogue.PolicyDocument> DocumentAsync(string code)
    {
        await using var db = database.CreateContext();
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Code == code);
    }
}
