namespace Paddock.Core.Blueprints;

/// <summary>Applies one environment's overrides to a spec; the result has no environments left.</summary>
public static class BlueprintOverrides
{
    public static BlueprintSpec Apply(BlueprintSpec spec, string? environmentName)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var environment = environmentName is null ? null : spec.FindEnvironment(environmentName);
        if (environment is null)
        {
            return spec with { Environments = [] };
        }

        return spec with
        {
            Variables = spec.Variables
                .Select(v => environment.Variables.TryGetValue(v.Name, out var value) ? v with { Default = value } : v)
                .ToList(),
            Services = spec.Services.Select(s => Apply(s, environment.Services.Where(o => o.Service == s.Name))).ToList(),
            Environments = [],
        };
    }

    private static ServiceSpec Apply(ServiceSpec service, IEnumerable<ServiceOverride> changes)
    {
        foreach (var change in changes)
        {
            service = service with
            {
                Replicas = change.Replicas ?? service.Replicas,
                InstanceType = change.InstanceType ?? service.InstanceType,
                Image = change.Image ?? service.Image,
                Environment = new ValueDictionary<string>(service.Environment.Concat(change.Environment)),
            };
        }

        return service;
    }
}
