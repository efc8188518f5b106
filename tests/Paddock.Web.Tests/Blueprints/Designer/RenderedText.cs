using Bunit;
using Microsoft.AspNetCore.Components;

namespace Paddock.Web.Tests.Blueprints.Designer;

internal static class RenderedText
{
    /// <summary>What a person reads in the component, messages included, without markup or HTML escapes.</summary>
    public static string Text<T>(this IRenderedComponent<T> component)
        where T : IComponent => string.Concat(component.Nodes.Select(n => n.TextContent));
}
