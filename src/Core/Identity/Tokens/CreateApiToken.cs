using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.Tokens;

public static class CreateApiToken
{
    /// <param name="ServiceAccountId">A service account's token (members.manage in <paramref name="ProjectId"/>); null for the caller's own.</param>
    public sealed record Command(string? Name, IReadOnlyList<string>? Scopes, int? ExpiresInDays, Guid? ProjectId = null, Guid? ServiceAccountId = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<CreatedApiToken>> HandleAsync(Command command, CancellationToken ct)
        {
            if (ctx.User.UserId is not { } callerId)
            {
                return new ForbiddenError("Sign in to create API tokens.");
            }

            Guid ownerId = callerId;
            if (command.ServiceAccountId is { } serviceAccountId)
            {
                var projectId = command.ProjectId ?? Guid.Empty;
                if (await ctx.Access.DemandAsync(Permission.MembersManage, projectId, ct) is { } denied)
                {
                    return denied;
                }

                var account = await ctx.Db.ServiceAccounts.AsNoTracking()
                    .FirstOrDefaultAsync(s => s.Id == serviceAccountId && s.ProjectId == projectId && s.DeletedAt == null, ct);
                if (account is null)
                {
                    return NotFoundError.For("Service account", serviceAccountId);
                }

                ownerId = account.UserId;
            }
            else if (await ctx.Db.ServiceAccounts.AnyAsync(s => s.UserId == callerId, ct))
            {
                return new ForbiddenError("A service account's tokens are issued by its project's administrators.");
            }

            var validator = new Validator()
                .Required("name", command.Name, "Name")
                .MaxLength("name", command.Name, 80, "Name");
            var scopes = TokenRules.ParseScopes(command.Scopes, validator);
            if (command.ExpiresInDays is not { } days)
            {
                validator.Add("expiresInDays", $"Say when the token expires: 1 to {ApiToken.MaxLifetimeDays} days.");
            }
            else if (days is < 1 or > ApiToken.MaxLifetimeDays)
            {
                validator.Add("expiresInDays", $"A token lives 1 to {ApiToken.MaxLifetimeDays} days.");
            }

            // A token may only hand out what it holds: a read-only token cannot mint an admin one.
            if (ctx.User.TokenScopes is { } held && !held.Contains(TokenScope.Admin) && scopes.Any(s => !held.Contains(s)))
            {
                validator.Add("scopes", $"This request is authenticated by a token with the scopes '{ScopePermissions.Format(held)}': a new token cannot have more.");
            }

            if (validator.ToError() is { } invalid)
            {
                return invalid;
            }

            var now = ctx.Now;
            var secret = TokenSecrets.Generate();
            var token = ApiToken.Issue(ownerId, command.ServiceAccountId, command.ServiceAccountId is null ? null : command.ProjectId,
                command.Name!.Trim(), scopes, now.AddDays(command.ExpiresInDays!.Value), callerId, secret, now);
            ctx.Db.ApiTokens.Add(token);
            await ctx.Db.SaveChangesAsync(ct);
            return new CreatedApiToken(ApiTokenDto.From(token, now), secret);
        }
    }
}

internal static class TokenRules
{
    public static HashSet<TokenScope> ParseScopes(IReadOnlyList<string>? names, Validator validator)
    {
        var scopes = new HashSet<TokenScope>();
        if (names is null || names.Count == 0)
        {
            validator.Add("scopes", "Choose at least one scope: read, write, launch, approve or admin.");
            return scopes;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (ScopePermissions.TryParseOne(names[i], out var scope))
            {
                scopes.Add(scope);
            }
            else
            {
                validator.Add($"scopes[{i}]", $"'{names[i]}' is not a scope. Use read, write, launch, approve or admin.");
            }
        }

        return scopes;
    }
}
