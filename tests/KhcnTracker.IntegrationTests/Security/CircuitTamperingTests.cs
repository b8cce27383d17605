using System.Text.Json.Nodes;
using KhcnTracker.Testing.Circuits;

namespace KhcnTracker.IntegrationTests.Security;

/// <summary>
/// What a person can try inside their own Blazor circuit without the pages' help — the messages a modified browser
/// would send: following a link the menu does not show, or sending an event for a control the server never gave them.
/// The server answers from its own rules, not from what the page showed.
/// </summary>
public sealed class CircuitTamperingTests(PortalOnPort served) : IClassFixture<PortalOnPort>
{
    private const string Denied = "Bạn không có quyền thực hiện thao tác này.";
    private PortalFactory Portal => served.Portal;

    [Fact]
    public async Task PagesTheMenuDoesNotOfferAreRefusedWhenStaffNavigateToThemInsideTheirCircuit()
    {
        await using var staff = await OpenAsync("staff.laocai@demo.local", "/my-work");

        // The administration of users, and another province's dashboard.
        await staff.TimedAsync(() => staff.NavigateAsync("/admin/users"), views => views.Any(v => v.HasText(Denied)), TimeSpan.FromSeconds(30));
        Assert.False(staff.IsShown("users-table"));
        Assert.False(staff.IsShown("add-user"));
        await staff.TimedAsync(() => staff.NavigateAsync("/progress/units/phutho"), views => views.Any(v => v.HasText(Denied)), TimeSpan.FromSeconds(30));
        Assert.False(staff.IsShown("area-table"));
        Assert.Empty(staff.Errors);
    }

    [Fact]
    public async Task AClickReplayedOnAClosedDialogsSaveButtonIsRefusedAndWritesNothing()
    {
        await using var staff = await OpenAsync("staff.laocai@demo.local", "/my-work");
        await staff.TimedAsync(() => Task.CompletedTask, _ => staff.ShownTestIds("enter-").Count > 0, TimeSpan.FromSeconds(30));
        var row = staff.ShownTestIds("enter-").First();
        await staff.TimedAsync(() => staff.ClickAsync(row), views => views.Any(v => v.ByTestId("value-save") is not null), TimeSpan.FromSeconds(30));
        await staff.TypeAsync("value-input", "33");
        await Task.Delay(500);
        var save = staff.HandlerOf("value-save", "click");
        var before = await ValueChangesAsync();
        await staff.TimedAsync(() => staff.ClickAsync("value-save"), views => views.Any(v => v.DisposedHandlers.Contains(save)), TimeSpan.FromSeconds(30));
        for (var i = 0; i < 100 && await ValueChangesAsync() == before; i++) await Task.Delay(100);
        Assert.Equal(before + 1, await ValueChangesAsync()); // the save itself

        // The same click sent again, as a modified browser could: the server no longer has that button.
        await staff.DispatchAsync(save, "click", new JsonObject { ["type"] = "click" });
        for (var i = 0; i < 100 && staff.Errors.IsEmpty; i++) await Task.Delay(100);
        Assert.Contains(staff.Errors, e => e.StartsWith($"click on {save}", StringComparison.Ordinal));
        Assert.Equal(before + 1, await ValueChangesAsync());
        // The person's session goes on.
        await staff.TimedAsync(() => staff.NavigateAsync("/catalogue/tasks"), views => views.Any(v => v.ByTestId("tasks-grid") is not null), TimeSpan.FromSeconds(30));
    }

    private async Task<CircuitSession> OpenAsync(string email, string path)
    {
        var session = await CircuitSession.OpenAsync(Portal.RootUrl, path, await DemoSignIn.CookiesAsync(Portal.RootUrl, email), TimeSpan.FromSeconds(60));
        return session;
    }

    /// <summary>Changes to reported values in the audit trail: what a Save writes.</summary>
    private async Task<long> ValueChangesAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Portal.ConnectionString);
        await connection.OpenAsync();
        return (long)(await new Npgsql.NpgsqlCommand("SELECT count(*) FROM audit_log WHERE entity = 'value'", connection).ExecuteScalarAsync())!;
    }
}
