namespace KhcnTracker.Testing.Circuits;

/// <summary>
/// What one kind of demo user does in the portal near a deadline, move after move, through a <see cref="CircuitSession"/>.
/// Each move is timed until the page shows its data; a save ends either "saved" or with the portal's own refusal
/// (another person saved the same value first, a rule of the indicator) — both are answers a person can read.
/// </summary>
public sealed class PortalVisitor(string persona, string province, Random random)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly (string Typed, string Found)[] Searches =
        [("kinh te so", "kinh tế số"), ("doanh nghiep", "doanh nghiệp"), ("ngan sach", "ngân sách"), ("dich vu cong", "dịch vụ công")];

    public Random Random { get; } = random;

    public string StartPath => persona switch
    {
        "leader" => $"/progress/units/{province}",
        "reviewer" => "/review",
        "auditor" => "/audit",
        _ => "/my-work",
    };

    /// <summary>Whether the start page has shown its data.</summary>
    public bool StartShown(CircuitSession session) => persona switch
    {
        "leader" => session.IsShown("area-table"),
        "reviewer" => session.IsShown("review-table"),
        "auditor" => session.IsShown("audit-table"),
        _ => session.IsShown("my-values") || session.IsShown("my-values-none"),
    };

    public Task<List<(string Move, TimeSpan Elapsed, string? Outcome)>> MoveAsync(CircuitSession session, int step) => (persona, step % 3) switch
    {
        ("leader", 0) => One(session, "indicator", () => session.NavigateAsync($"/progress/units/{province}/indicators/digital-economy-grdp-share"), Shows("value-table")),
        ("leader", 1) => One(session, "national heatmap", () => session.NavigateAsync("/progress/national"), Shows("heatmap")),
        ("leader", _) => One(session, "overview", () => session.NavigateAsync($"/progress/units/{province}"), Shows("area-table")),
        ("reviewer", 0) => One(session, "targets", () => session.NavigateAsync("/catalogue/targets"), Rows("targets-grid")),
        ("reviewer", 1) => One(session, "overview", () => session.NavigateAsync($"/progress/units/{province}"), Shows("area-table")),
        ("reviewer", _) => One(session, "review list", () => session.NavigateAsync("/review"), Shows("review-table")),
        ("auditor", 0) => One(session, "overview", () => session.NavigateAsync($"/progress/units/{province}"), Shows("area-table")),
        ("auditor", 1) => One(session, "audit log", () => session.NavigateAsync("/audit"), Rows("audit-table")),
        ("auditor", _) => One(session, "tasks", () => session.NavigateAsync("/catalogue/tasks"), Rows("tasks-grid")),
        (_, 0) => SearchAsync(session),
        (_, 1) => SaveDraftAsync(session),
        _ => One(session, "tasks", () => session.NavigateAsync("/catalogue/tasks"), Rows("tasks-grid")),
    };

    /// <summary>The targets page, then a search typed without diacritics until matching rows show.</summary>
    private async Task<List<(string, TimeSpan, string?)>> SearchAsync(CircuitSession session)
    {
        var moves = await One(session, "targets", () => session.NavigateAsync("/catalogue/targets"), Rows("targets-grid"));
        var (typed, found) = Searches[Random.Next(Searches.Length)];
        var elapsed = await session.TimedAsync(() => session.TypeAsync("target-search", typed),
            views => views.Any(v => v.Texts.Any(t => t.Contains(found, StringComparison.OrdinalIgnoreCase))), Timeout);
        moves.Add(("search", elapsed, null));
        return moves;
    }

    /// <summary>My work, a value's entry dialog, a whole number typed with its source, saved as a draft.</summary>
    private async Task<List<(string, TimeSpan, string?)>> SaveDraftAsync(CircuitSession session)
    {
        var moves = await One(session, "my work", () => session.NavigateAsync("/my-work"), views => Shows("my-values")(views) || Shows("my-values-none")(views));
        var rows = session.ShownTestIds("enter-");
        if (rows.Count == 0) return moves;
        var row = rows[Random.Next(rows.Count)];
        // The dialog is there once both its fields and its buttons are (earlier dialogs left controls of the same names).
        moves.Add(("entry dialog", await session.TimedAsync(() => session.ClickAsync(row),
            views => Shows("value-source")(views) && Shows("value-save")(views), Timeout), null));
        // A person types, moves to the next field, then to the button: the page redraws in between.
        await session.TypeAsync("value-input", Random.Next(10, 90).ToString());
        await Task.Delay(Random.Next(300, 900));
        await session.TypeAsync("value-source", "Cục Thống kê tỉnh");
        await Task.Delay(Random.Next(300, 900));
        // Saved: the dialog closes (its buttons' handlers are disposed). Refused: the dialog stays and shows why.
        var save = session.HandlerOf("value-save", "click");
        string? outcome = null;
        var elapsed = await session.TimedAsync(() => session.ClickAsync("value-save"), views =>
        {
            if (views.Any(v => v.ByTestId("form-error") is not null)) outcome = "refused with the portal's message (another person saved it first, or a rule)";
            else if (views.Any(v => v.DisposedHandlers.Contains(save))) outcome = "saved";
            return outcome is not null;
        }, Timeout);
        moves.Add(("save draft", elapsed, outcome));
        return moves;
    }

    private static async Task<List<(string, TimeSpan, string?)>> One(CircuitSession session, string move, Func<Task> act,
        Func<IReadOnlyList<RenderBatchView>, bool> shows)
    {
        try
        {
            return [(move, await session.TimedAsync(act, shows, Timeout), null)];
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{move}: {e.Message}");
        }
    }

    private static Func<IReadOnlyList<RenderBatchView>, bool> Shows(string testId) => views => views.Any(v => v.ByTestId(testId) is not null);

    /// <summary>
    /// The table, then a data cell or its "nothing to show" row — not its loading row: a server-loaded table renders
    /// empty or loading first.
    /// </summary>
    private static Func<IReadOnlyList<RenderBatchView>, bool> Rows(string testId) =>
        views => views.SkipWhile(v => v.ByTestId(testId) is null).Any(v => v.Elements.Any(e =>
            e.Name == "td" && e["class"]?.Contains("mud-table-cell") == true || e["class"]?.Contains("mud-table-empty-row") == true));
}
