using System.Diagnostics;
using KhcnTracker.Testing.Circuits;

namespace KhcnTracker.IntegrationTests.Access;

/// <summary>
/// An open browser tab whose account lost its rights: before its next action runs it is shown as signed out and the
/// action writes nothing; left alone, it is shown as signed out within a minute (the circuit revalidates every 30 s).
/// </summary>
public sealed class CircuitRevocationTests(PortalOnPort served, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PortalOnPort>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private PortalFactory Portal => served.Portal;

    [Fact]
    public async Task ACircuitsNextActionAfterARevocationShowsItSignedOutAndWritesNothing()
    {
        await using var staff = await OpenAsync("staff.laocai@demo.local", "/my-work");
        await staff.TimedAsync(() => Task.CompletedTask, _ => staff.ShownTestIds("enter-").Count > 0, Wait);
        var row = staff.ShownTestIds("enter-").First();
        await staff.TimedAsync(() => staff.ClickAsync(row), views => views.Any(v => v.ByTestId("value-save") is not null), Wait);
        await staff.TypeAsync("value-input", "44");
        await staff.TypeAsync("value-source", "Cục Thống kê tỉnh");
        Assert.False(staff.IsShown("login-link"));
        var before = await ValueChangesAsync();

        await SetGrantsAsync("staff.laocai@demo.local", new { role = "Leadership", unit = "laocai" });
        var revoked = Stopwatch.StartNew();
        // The dialog was open before the revocation: its Save is the circuit's next action.
        await staff.TimedAsync(() => staff.ClickAsync("value-save"), views => views.Any(v => v.ByTestId("login-link") is not null), Wait);

        Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(60));
        await Task.Delay(2000); // anything the click could still have written
        Assert.Equal(before, await ValueChangesAsync());
    }

    [Fact]
    public async Task AnIdleCircuitIsShownSignedOutWithinAMinuteOfARevocation()
    {
        await using var reviewer = await OpenAsync("reviewer.phutho@demo.local", "/review");
        await reviewer.TimedAsync(() => Task.CompletedTask, views => reviewer.IsShown("review-table"), Wait);
        Assert.False(reviewer.IsShown("login-link"));
        await Task.Delay(5000); // the page has settled: no render, no acknowledgement, nothing from the browser

        var revoked = Stopwatch.StartNew();
        await SetGrantsAsync("reviewer.phutho@demo.local");

        // No action at all: the circuit's own revalidation finds the sign-in revoked.
        await reviewer.TimedAsync(() => Task.CompletedTask, views => views.Any(v => v.ByTestId("login-link") is not null), TimeSpan.FromSeconds(60));
        Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(60), $"{revoked.Elapsed}");
        output.WriteLine($"shown signed out {revoked.Elapsed.TotalSeconds:N1} s after the revocation");
        Assert.False(reviewer.IsShown("review-table") && !reviewer.IsShown("login-link"));
    }

    private async Task<CircuitSession> OpenAsync(string email, string path) =>
        await CircuitSession.OpenAsync(Portal.RootUrl, path, await DemoSignIn.CookiesAsync(Portal.RootUrl, email), TimeSpan.FromSeconds(60));

    private async Task SetGrantsAsync(string email, params object[] grants)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(Portal.RootUrl) };
        await DemoSignIn.BearerAsync(admin, "admin@demo.local");
        await admin.PutGrantsAsync(email, grants);
    }

    private Task<long> ValueChangesAsync() => AccountSteps.ValueChangesAsync(Portal.ConnectionString);
}
