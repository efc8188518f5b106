using MudBlazor;

namespace Paddock.Web.Components.Layout;

internal static class PaddockTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f6f4f",
            Secondary = "#5b6b7a",
            AppbarBackground = "#1f3b2d",
            Background = "#f6f7f5",
            // MudBlazor's defaults (#00c853, #ff9800, #f44336) fail WCAG AA against white text and on white; these pass.
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6fcf97",
            // White on this light green is 1.9:1; a dark green reads on primary buttons and chips.
            PrimaryContrastText = "#0d1f16",
            Secondary = "#9aa9b7",
            AppbarBackground = "#14241c",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
