using KhcnTracker.Application.Public;
using KhcnTracker.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.IntegrationTests.Public;

/// <summary>
/// The open progress pages as anyone on the internet reads them (no sign-in): only what the province published, only
/// approved values, in the HTML itself, cacheable; and the open data behind them.
/// </summary>
public sealed class OpenPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Published = "digital-economy-grdp-share", Unpublished = "online-public-service-use";
    private static readonly string Year = TestClock.LastYear, ThisYear = TestClock.VietnamYear.ToString();

    private static readonly SemaphoreSlim Arranged = new(1, 1);
    private static bool _arranged;

    /// <summary>Once for the class (xunit makes an instance per test; the portal is the class's).</summary>
    public async Task InitializeAsync()
    {
        await Arranged.WaitAsync();
        try
        {
            if (!_arranged) await ArrangeAsync();
            _arranged = true;
        }
        finally
        {
            Arranged.Release();
        }
    }

    private async Task ArrangeAsync()
    {
        await portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", "laocai", Published, Year, 12.5m);
        await portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", "laocai", Unpublished, Year, 61.5m);
        // A draft that nobody submitted, and a submission not yet reviewed: never on an open page.
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        (await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = Published, period = ThisYear, value = 77.7m })).EnsureSuccessStatusCode();
        await using var scope = portal.Services.CreateAsyncScope();
        var reviewer = new TestCaller("reviewer.laocai@demo.local", new RoleGrant(Role.Reviewer, "laocai"));
        await ActivatorUtilities.CreateInstance<PublishIndicators>(scope.ServiceProvider, reviewer).SetAsync("laocai", Published, true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheProvinceAndIndicatorPagesCarryTheApprovedFiguresInTheHtml_Cacheable_AndNothingElse()
    {
        using var anyone = portal.CreateClient();
        var province = await anyone.GetAsync("/public/laocai");
        Assert.Equal(HttpStatusCode.OK, province.StatusCode);
        Assert.Contains("public", province.Headers.CacheControl!.ToString());
        var html = WebUtility.HtmlDecode(await province.Content.ReadAsStringAsync());
        Assert.Contains("<title>Tiến độ thực hiện Nghị quyết 57 — Lào Cai</title>", html);
        Assert.Contains("name=\"description\"", html);
        Assert.Contains("Tỷ trọng kinh tế số trong GRDP (GDP)", html);
        Assert.Contains("12,5 %", html);
        Assert.DoesNotContain("Tỷ lệ sử dụng dịch vụ công trực tuyến", html); // approved, but not published
        Assert.DoesNotContain("77,7", html);
        Assert.DoesNotContain("blazor.web.js\" autostart", html);

        var indicator = await anyone.GetAsync($"/public/laocai/{Published}");
        Assert.Equal(HttpStatusCode.OK, indicator.StatusCode);
        var page = WebUtility.HtmlDecode(await indicator.Content.ReadAsStringAsync());
        Assert.Contains("12,5 %", page);
        Assert.Contains($"<td>{Year}</td>", page);
        Assert.DoesNotContain("77,7", page);
        Assert.DoesNotContain("@demo.local", page); // no person's name on an open page
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/public/laocai/{Unpublished}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/public/yenbai")).StatusCode); // a former province: on its successor's page

        // A copy still current is answered 304, without a body.
        var again = new HttpRequestMessage(HttpMethod.Get, "/public/laocai");
        again.Headers.IfNoneMatch.Add(province.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anyone.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task TheOpenDataHoldsOnlyApprovedValuesOfPublishedIndicators_AndTheSdmxMatchesTheJson()
    {
        using var anyone = portal.CreateClient();
        var csv = await anyone.GetStringAsync("/public/data/laocai.csv");
        Assert.Contains($"\"laocai\",\"Lào Cai\",\"{Published}\",\"Tỷ trọng kinh tế số trong GRDP (GDP)\",\"{Year}\",12.5,\"percent\"", csv);
        Assert.DoesNotContain(Unpublished, csv);
        Assert.DoesNotContain("77.7", csv);

        var json = (await anyone.GetFromJsonAsync<JsonElement>("/public/data/laocai.json")).EnumerateArray().ToList();
        var sdmx = (await anyone.GetStringAsync("/public/data/open.sdmx.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("DATAFLOW,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE", sdmx[0]);
        var observations = sdmx[1..].Select(l => l.Split(',')).Where(c => c[2] == "laocai").ToList();
        Assert.Equal(json.Count, observations.Count);
        Assert.All(observations, c => Assert.Equal("KHCNTRACKER:DF_NQ57(1.0)", c[0]));
        Assert.Equal(
            json.Select(j => (j.GetProperty("indicator").GetString(), j.GetProperty("period").GetString(), j.GetProperty("value").GetDecimal())),
            observations.Select(c => ((string?)c[1], (string?)c[3], decimal.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.DoesNotContain(sdmx, l => l.Contains(Unpublished));

        var dictionary = await anyone.GetStringAsync("/public/data/dictionary.csv");
        Assert.Contains("\"OBS_VALUE\",\"Giá trị quan sát\",\"Observed value\"", dictionary);
        var sitemap = await anyone.GetStringAsync("/sitemap.xml");
        Assert.Contains($"/public/laocai/{Published}</loc>", sitemap);
        Assert.DoesNotContain(Unpublished, sitemap);
    }

    [Fact]
    public async Task OnlyTheProvincesReviewersAndAdministratorsPublish()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        PublishIndicators As(TestCaller caller) => ActivatorUtilities.CreateInstance<PublishIndicators>(scope.ServiceProvider, caller);
        var otherReviewer = new TestCaller("reviewer.quangtri@demo.local", new RoleGrant(Role.Reviewer, "quangtri"));
        var leader = new TestCaller("leader.laocai@demo.local", new RoleGrant(Role.Leadership, "laocai"));
        await Assert.ThrowsAsync<KhcnTracker.Application.Common.AccessDeniedException>(() => As(otherReviewer).SetAsync("laocai", Unpublished, true));
        await Assert.ThrowsAsync<KhcnTracker.Application.Common.AccessDeniedException>(() => As(leader).SetAsync("laocai", Unpublished, true));
        var rows = await As(TestCaller.Administrator()).ListAsync("laocai");
        Assert.True(rows.Single(r => r.Indicator.Code == Published).Published);
        Assert.False(rows.Single(r => r.Indicator.Code == Unpublished).Published);
    }
}
