namespace KhcnTracker.Web.Components.Shared;

/// <summary>
/// Where a circuit goes when the session it runs under has ended on purpose (a changed password ends it): the page that
/// ended it says so here, so the sign-in redirect that follows the revalidation takes the person there, not to a bare
/// sign-in page.
/// </summary>
public sealed class CircuitExit
{
    public string? Target { get; private set; }

    public void To(string target) => Target = target;
}
