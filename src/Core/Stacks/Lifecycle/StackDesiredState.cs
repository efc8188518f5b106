using Microsoft.EntityFrameworkCore;
using Paddock.Core.Blueprints;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Common;

namespace Paddock.Core.Stacks;

/// <summary>
/// What a stack should be: its blueprint version, resolved for its environment with its inputs (secrets decrypted
/// here, in memory only), with its scale overrides. The job and every plan preview compute it the same way.
/// </summary>
public static class StackDesiredState
{
    public const string EncryptedPrefix = "enc:";

    /// <param name="version">Plan for another version than the stack's (an update being previewed).</param>
    /// <param name="replicas">Plan with other replica counts than the stack's (a scale being previewed).</param>
    public static async Task<Result<DesiredState>> BuildAsync(IPaddockDbContext db, ISecretProtector protector, Stack stack, CancellationToken ct,
        int? version = null, IReadOnlyDictionary<string, int>? replicas = null)
    {
        var number = version ?? stack.BlueprintVersion;
        var yaml = await db.BlueprintVersions.AsNoTracking()
            .Where(v => v.BlueprintId == stack.BlueprintId && v.Number == number)
            .Select(v => v.Yaml)
            .FirstOrDefaultAsync(ct);
        var environment = await db.Environments.AsNoTracking().Where(e => e.Id == stack.EnvironmentId).Select(e => e.Name).FirstOrDefaultAsync(ct);
        if (yaml is null || environment is null)
        {
            return new NotFoundError($"The blueprint version or environment of stack '{stack.Name}' no longer exists.");
        }

        var inputs = stack.Inputs.ToDictionary(i => i.Key, i => Reveal(protector, i.Value), StringComparer.Ordinal);
        return Build(stack.Identity, BlueprintYaml.Parse(yaml).Spec!, environment, inputs, replicas ?? stack.Replicas);
    }

    public static Result<DesiredState> Build(StackIdentity identity, BlueprintSpec spec, string environment, IReadOnlyDictionary<string, string> inputs,
        IReadOnlyDictionary<string, int> replicas)
    {
        var resolved = BlueprintResolver.Resolve(spec, environment, inputs);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var scaled = resolved.Value with
        {
            Services = [.. resolved.Value.Services.Select(s => replicas.TryGetValue(s.Name, out var count) ? s with { Service = s.Service with { Replicas = count } } : s)],
        };
        return DesiredStateBuilder.Build(identity, scaled);
    }

    /// <summary>Encrypts the values of secret variables before they are stored.</summary>
    public static Dictionary<string, string> Protect(ISecretProtector protector, BlueprintSpec spec, IReadOnlyDictionary<string, string> inputs) =>
        inputs.ToDictionary(
            i => i.Key,
            i => spec.FindVariable(i.Key)?.Type == VariableType.Secret ? EncryptedPrefix + protector.Protect(i.Value) : i.Value,
            StringComparer.Ordinal);

    /// <summary>Inputs as pages and the API show them: secrets masked.</summary>
    public static Dictionary<string, string> Masked(IReadOnlyDictionary<string, string> inputs) =>
        inputs.ToDictionary(i => i.Key, i => i.Value.StartsWith(EncryptedPrefix, StringComparison.Ordinal) ? ResolvedBlueprint.Mask : i.Value, StringComparer.Ordinal);

    private static string Reveal(ISecretProtector protector, string value) =>
        value.StartsWith(EncryptedPrefix, StringComparison.Ordinal) ? protector.Unprotect(value[EncryptedPrefix.Length..]) : value;
}
