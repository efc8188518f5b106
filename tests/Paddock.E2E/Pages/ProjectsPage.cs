using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

public sealed partial class ProjectsPage(IPage page) : AppPage(page)
{
    public ILocator NewProjectButton => Page.GetByTestId("new-project");

    public ILocator Cards => Page.GetByTestId("project-card");

    public ILocator EmptyState => Page.GetByText("No projects yet");

    public static async Task<ProjectsPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/");
        var projects = new ProjectsPage(page);
        await projects.WaitForCircuitAsync();
        return projects;
    }

    public ILocator Card(string name) => Cards.Filter(new() { HasText = name });

    public async Task<ProjectPage> CreateProjectAsync(string name, string description)
    {
        await NewProjectButton.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("project-name").FillAsync(name);
        await dialog.GetByLabel("Description").FillAsync(description);
        await dialog.GetByTestId("project-save").ClickAsync();
        await Expect(Page).ToHaveURLAsync(ProjectUrl());
        var project = new ProjectPage(Page);
        await Expect(project.Title).ToHaveTextAsync(name);
        return project;
    }

    public async Task<ProjectPage> OpenProjectAsync(string name)
    {
        await Card(name).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(ProjectUrl());
        var project = new ProjectPage(Page);
        await Expect(project.Title).ToHaveTextAsync(name);
        return project;
    }

    [GeneratedRegex("/projects/[0-9a-f-]{36}$")]
    private static partial Regex ProjectUrl();
}
