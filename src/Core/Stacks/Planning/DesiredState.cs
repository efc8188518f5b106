namespace Paddock.Core.Stacks;

/// <summary>What a stack should consist of. <see cref="Secrets"/> travels beside it and never into a <see cref="Plan"/>.</summary>
public sealed record DesiredState
{
    public required StackIdentity Stack { get; init; }

    public required IReadOnlyList<DesiredResource> Resources { get; init; }

    public StackSecrets Secrets { get; init; } = StackSecrets.None;

    public DesiredResource? Find(string name) => Resources.FirstOrDefault(r => r.Name == name);
}
