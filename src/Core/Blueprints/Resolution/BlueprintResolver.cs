using Paddock.Core.Common;

namespace Paddock.Core.Blueprints;

/// <summary>Turns a spec, an environment and the launch inputs into concrete services.</summary>
public static class BlueprintResolver
{
    /// <summary>
    /// Applies the environment's overrides, checks the inputs (errors name <c>inputs.&lt;var&gt;</c>), and substitutes
    /// <c>${var}</c> in images, commands, environment values and labels.
    /// </summary>
    public static Result<ResolvedBlueprint> Resolve(BlueprintSpec spec, string? environmentName, IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(inputs);
        var effective = BlueprintOverrides.Apply(spec, environmentName);
        var validator = new Validator();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in inputs.Keys.Where(k => effective.FindVariable(k) is null))
        {
            validator.Add($"inputs.{name}", $"The blueprint has no variable '{name}'.");
        }

        foreach (var variable in effective.Variables)
        {
            var field = $"inputs.{variable.Name}";
            var value = inputs.TryGetValue(variable.Name, out var input) ? input : variable.Default;
            if (value is null)
            {
                validator.When(variable.Required, field, $"'{variable.Name}' is required.");
                value = "";
            }
            else if (BlueprintValidator.CheckValue(variable, value) is { } problem)
            {
                validator.Add(field, problem);
            }

            values[variable.Name] = value;
        }

        var secrets = effective.Variables.Where(v => v.Type == VariableType.Secret).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var services = new List<ResolvedService>();
        foreach (var service in effective.Services)
        {
            string Sub(string text, string field)
            {
                return VariableReferences.Substitute(text, name =>
                {
                    if (values.TryGetValue(name, out var value))
                    {
                        return value;
                    }

                    validator.Add(field, $"'${{{name}}}' refers to an undefined variable.");
                    return "";
                });
            }

            var path = $"services.{service.Name}";
            var secretKeys = service.Environment
                .Where(e => VariableReferences.Find(e.Value).Any(secrets.Contains))
                .Select(e => e.Key)
                .ToHashSet(StringComparer.Ordinal);
            var resolved = service with
            {
                Image = service.Image is null ? null : Sub(service.Image, $"{path}.image"),
                MachineImage = service.MachineImage is null ? null : Sub(service.MachineImage, $"{path}.machine_image"),
                InstanceType = service.InstanceType is null ? null : Sub(service.InstanceType, $"{path}.instance_type"),
                Command = service.Command.Select(c => Sub(c, $"{path}.command")).ToList(),
                Entrypoint = service.Entrypoint.Select(c => Sub(c, $"{path}.entrypoint")).ToList(),
                Environment = new ValueDictionary<string>(service.Environment.Select(e => KeyValuePair.Create(e.Key, Sub(e.Value, $"{path}.environment.{e.Key}")))),
                Labels = new ValueDictionary<string>(service.Labels.Select(e => KeyValuePair.Create(e.Key, Sub(e.Value, $"{path}.labels.{e.Key}")))),
                HealthCheck = service.HealthCheck is { } check
                    ? check with { Command = check.Command.Select(c => Sub(c, $"{path}.healthcheck.command")).ToList() }
                    : null,
            };
            services.Add(new ResolvedService(resolved, secretKeys));
        }

        var actions = effective.Actions
            .Select(a => a with { Command = a.Command.Select(c => VariableReferences.Substitute(c, n => values.GetValueOrDefault(n, ""))).ToList() })
            .ToList();
        if (validator.ToError() is { } error)
        {
            return error;
        }

        return new ResolvedBlueprint
        {
            Environment = environmentName,
            Services = services,
            Values = new ValueDictionary<string>(values.Select(v => KeyValuePair.Create(v.Key, secrets.Contains(v.Key) ? ResolvedBlueprint.Mask : v.Value))),
            Actions = actions,
        };
    }
}
