using MudBlazor;

namespace KhcnTracker.Web.Components.Layout;

internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        // The status colours are darkened from MudBlazor's so that white words on a filled chip reach WCAG AA
        // (≥ 4.5:1): success 5.1, info 5.8, warning 5.0, error 5.6 (MudBlazor's were 2.2–3.7).
        PaletteLight = new PaletteLight
        {
            Primary = "#0B5394", Secondary = "#C62828", AppbarBackground = "#0B5394",
            Success = "#2E7D32", Info = "#1565C0", Warning = "#B45309", Error = "#C62828",
        },
        PaletteDark = new PaletteDark { Primary = "#6FA8DC", Secondary = "#EF9A9A" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans", "Roboto", "Segoe UI", "Arial", "sans-serif"] },
        },
    };
}
