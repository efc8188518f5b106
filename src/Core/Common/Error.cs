using Paddock.Core.Identity;

namespace Paddock.Core.Common;

/// <summary>An expected failure. The web layer maps each kind to one HTTP status and one UI message.</summary>
public abstract record Error(string Message);

public sealed record NotFoundError(string Message) : Error(Message)
{
    public static NotFoundError For(string what, object id) => new($"{what} '{id}' was not found.");
}

public sealed record ForbiddenError(string Message) : Error(Message)
{
    public static ForbiddenError Lacks(Permission permission) =>
        new($"You do not have the '{permission.Name()}' permission here.");
}

public sealed record ConflictError(string Message) : Error(Message);

/// <summary>A part Paddock depends on (a stack's engine) did not answer; worth retrying later.</summary>
public sealed record UnavailableError(string Message) : Error(Message);

/// <summary>The client's copy is stale (ETag / If-Match or optimistic concurrency).</summary>
public sealed record PreconditionFailedError(string Message) : Error(Message);

/// <summary>Bad input: each field error names the field (a path such as <c>services.api.ports[1].host</c>) and the reason.</summary>
public sealed record ValidationError(IReadOnlyList<FieldError> Errors)
    : Error(Errors.Count == 1 ? Errors[0].Message : $"{Errors.Count} fields are invalid.")
{
    public static ValidationError For(string field, string message) => new([new FieldError(field, message)]);
}

public sealed record FieldError(string Field, string Message);
