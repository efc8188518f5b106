using Microsoft.Playwright;

namespace Paddock.E2E.Infrastructure;

/// <summary>Full-page PNGs in PADDOCK_SCREENSHOTS (default artifacts/screenshots under the repository root), for people to look at.</summary>
public static class Screenshots
{
    public static string Folder { get; } = ResolveFolder();

    /// <summary>Finishes MudBlazor's transitions (tab indicator, theme colours) first, so the picture shows the settled page.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private static string ResolveFolder()
    {
        var folder = Environment.GetEnvironmentVariable("PADDOCK_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder))
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
            {
                root = root.Parent;
            }

            folder = Path.Combine(root?.FullName ?? Directory.GetCurrentDirectory(), "artifacts", "screenshots");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
