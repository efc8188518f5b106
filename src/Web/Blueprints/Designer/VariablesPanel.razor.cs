using Microsoft.AspNetCore.Components;
using Paddock.Core.Blueprints;

namespace Paddock.Web.Blueprints.Designer;

/// <summary>The blueprint's variables: each row edits one, and every change sends the whole list back.</summary>
public sealed partial class VariablesPanel
{
    private readonly Dictionary<int, string> _nameErrors = [];
    private List<Row> _rows = [];
    private IReadOnlyList<VariableSpec>? _loaded;

    [Parameter]
    public IReadOnlyList<VariableSpec> Variables { get; set; } = [];

    /// <summary>All the validator's issues; the panel shows those under <c>variables.</c>.</summary>
    [Parameter]
    public IReadOnlyList<BlueprintIssue> Issues { get; set; } = [];

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public EventCallback<IReadOnlyList<VariableSpec>> VariablesChanged { get; set; }

    protected override void OnParametersSet()
    {
        if (_loaded is null || !_loaded.SequenceEqual(Variables))
        {
            _loaded = Variables;
            _nameErrors.Clear();
            _rows = [.. Variables.Select(Row.From)];
        }
    }

    private string? ErrorFor(int index, string field) =>
        field == "name" && _nameErrors.TryGetValue(index, out var local) ? local : IssueFor(index, field, IssueSeverity.Error);

    private string? WarningFor(int index, string field) => IssueFor(index, field, IssueSeverity.Warning);

    private string? IssueFor(int index, string field, IssueSeverity severity)
    {
        var path = field == "name" ? $"variables.{_rows[index].Name}" : $"variables.{_rows[index].Name}.{field}";
        return Issues.FirstOrDefault(i => i.Severity == severity && i.Path == path)?.Message;
    }

    private Task AddAsync()
    {
        var taken = _rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var name = Enumerable.Range(1, 1000).Select(n => $"variable_{n}").First(n => !taken.Contains(n));
        _rows.Add(new Row(name, VariableType.String, null, false, null, ""));
        return EmitAsync();
    }

    private Task RemoveAsync(int index)
    {
        _rows.RemoveAt(index);
        _nameErrors.Clear();
        return EmitAsync();
    }

    private Task SetAsync(int index, Func<Row, Row> change)
    {
        _rows[index] = change(_rows[index]);
        return EmitAsync();
    }

    private async Task EmitAsync()
    {
        _nameErrors.Clear();
        for (var i = 0; i < _rows.Count; i++)
        {
            if (_rows[i].Name.Length == 0)
            {
                _nameErrors[i] = "A variable needs a name.";
            }
        }

        if (ReadOnly || _nameErrors.Count > 0)
        {
            return;
        }

        var variables = _rows.Select(r => r.ToSpec()).ToList();
        _loaded = variables;
        await VariablesChanged.InvokeAsync(variables);
    }

    private sealed record Row(string Name, VariableType Type, string? Default, bool Required, string? Description, string AllowedValues)
    {
        public static Row From(VariableSpec v) => new(v.Name, v.Type, v.Default, v.Required, v.Description, string.Join(", ", v.AllowedValues));

        public VariableSpec ToSpec() => new()
        {
            Name = Name,
            Type = Type,
            Default = string.IsNullOrEmpty(Default) ? null : Default,
            Required = Required,
            Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
            AllowedValues = [.. AllowedValues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };
    }
}
