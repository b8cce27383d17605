using MudBlazor;

namespace KhcnTracker.Web.Components.Layout;

internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#0B5394", Secondary = "#C62828", AppbarBackground = "#0B5394" },
        PaletteDark = new PaletteDark { Primary = "#6FA8DC", Secondary = "#EF9A9A" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans", "Roboto", "Segoe UI", "Arial", "sans-serif"] },
        },
    };
}
