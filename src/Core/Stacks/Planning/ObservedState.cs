namespace Paddock.Core.Stacks;

/// <summary>What the provider found for a stack, rebuilt from labels alone.</summary>
public sealed record ObservedState(IReadOnlyList<ObservedResource> Resources)
{
    public static ObservedState Empty { get; } = new([]);

    public IEnumerable<ObservedResource> Named(string name) => Resources.Where(r => r.Name == name);

    public IEnumerable<ObservedResource> Containers => Resources.Where(r => r.Kind == ResourceKind.Container);
}
