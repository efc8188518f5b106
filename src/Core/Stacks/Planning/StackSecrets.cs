namespace Paddock.Core.Stacks;

/// <summary>
/// Secret environment values per service, kept apart from plans so a plan can be stored, shown and hashed
/// without them. Only the provider reads them, when it creates a container.
/// </summary>
public sealed class StackSecrets
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _byService;

    public StackSecrets(IEnumerable<KeyValuePair<string, IReadOnlyDictionary<string, string>>> byService) =>
        _byService = new(byService, StringComparer.Ordinal);

    public static StackSecrets None { get; } = new([]);

    public IReadOnlyDictionary<string, string> For(string service) =>
        _byService.TryGetValue(service, out var values) ? values : new Dictionary<string, string>();

    public override string ToString() => $"StackSecrets({_byService.Sum(s => s.Value.Count)} values)";
}
