namespace Paddock.Core.Providers;

/// <summary>
/// This Paddock installation (one row, made by the migration that created the table). Every engine object carries its
/// id, so two installations sharing an engine (staging and production Paddock on one Docker host) never treat each
/// other's stacks as orphans.
/// </summary>
public sealed class Installation
{
    private Installation()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
