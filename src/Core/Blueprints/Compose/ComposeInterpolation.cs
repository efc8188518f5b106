using System.Text;
using System.Text.RegularExpressions;

namespace Paddock.Core.Blueprints;

/// <summary>
/// Turns compose interpolation (<c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:?error}</c>, <c>$VAR</c>)
/// into blueprint variables referenced as <c>${VAR}</c>. Where a field must be concrete (a port, a size) the default is inlined.
/// </summary>
internal sealed partial class ComposeInterpolation(YamlReadContext yaml)
{
    private readonly Dictionary<string, VariableSpec> _variables = new(StringComparer.Ordinal);

    public IReadOnlyList<VariableSpec> Variables => [.. _variables.Values];

    /// <summary>The text with compose expressions rewritten as blueprint references; <c>$$</c> stays an escaped dollar.</summary>
    public string References(string text, string path) => Rewrite(text, path, inline: false);

    /// <summary>The text with every expression replaced by its default, for fields that cannot hold a reference.</summary>
    public string Inline(string text, string path) => Rewrite(text, path, inline: true);

    public void Declare(string name, string? defaultValue, bool required, string? description, string path)
    {
        var variable = new VariableSpec
        {
            Name = name,
            Default = defaultValue,
            Required = required,
            Description = description,
            Type = SecretName().IsMatch(name) ? VariableType.Secret : VariableType.String,
        };
        if (!_variables.TryGetValue(name, out var existing))
        {
            _variables[name] = variable;
            return;
        }

        if (existing.Default is null && defaultValue is not null)
        {
            _variables[name] = existing with { Default = defaultValue };
        }
        else if (defaultValue is not null && existing.Default != defaultValue)
        {
            yaml.Warning(path, $"Variable '{name}' has the default '{existing.Default}' elsewhere; '{defaultValue}' here is not kept.", null);
        }

        if (required && !existing.Required)
        {
            _variables[name] = _variables[name] with { Required = true, Description = existing.Description ?? description };
        }
    }

    private string Rewrite(string text, string path, bool inline)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in Expression().Matches(text))
        {
            result.Append(text, last, match.Index - last);
            last = match.Index + match.Length;
            if (match.Value == "$$")
            {
                result.Append(inline ? "$" : "$$");
                continue;
            }

            var name = match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["bare"].Value;
            var op = match.Groups["op"].Value;
            var arg = match.Groups["arg"].Success ? match.Groups["arg"].Value : null;
            string? defaultValue = op is ":-" or "-" ? arg : null;
            var required = op is ":?" or "?";
            if (op is ":+" or "+")
            {
                yaml.Warning(path, $"'{match.Value}' (value when set) has no blueprint equivalent; it becomes '${{{name}}}'.", null);
            }

            Declare(name, defaultValue, required, required && !string.IsNullOrEmpty(arg) ? arg : null, path);
            if (inline)
            {
                var value = _variables[name].Default;
                if (value is null)
                {
                    yaml.Error(path, $"'{match.Value}' must have a default here: this field cannot refer to a variable.", null);
                }
                else
                {
                    yaml.Warning(path, $"'{match.Value}' is replaced by its default '{value}': this field cannot refer to a variable.", null);
                }

                result.Append(value);
            }
            else
            {
                result.Append("${").Append(name).Append('}');
            }
        }

        result.Append(text, last, text.Length - last);
        return result.ToString();
    }

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?|:\+|\+)(?<arg>[^}]*))?\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Expression();

    [GeneratedRegex("PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|API_KEY", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
