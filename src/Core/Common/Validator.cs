using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Paddock.Core.Common;

/// <summary>Collects field errors so a request reports every bad field at once, not only the first.</summary>
public sealed partial class Validator
{
    private readonly List<FieldError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return this;
    }

    public Validator Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{label} is required.");
        }

        return this;
    }

    public Validator MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max)
        {
            Add(field, $"{label} must be at most {max} characters.");
        }

        return this;
    }

    /// <summary>Names used in URLs, labels and container names: lower-case letters, digits and dashes.</summary>
    public Validator Slug(string field, string? value, string label)
    {
        if (!string.IsNullOrWhiteSpace(value) && !SlugPattern().IsMatch(value))
        {
            Add(field, $"{label} may contain only lower-case letters, digits and dashes, start with a letter, and be at most 40 characters.");
        }

        return this;
    }

    public Validator Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "E-mail is required.");
        }

        if (!MailAddress.TryCreate(value.Trim(), out var address) || address.Address != value.Trim() || !value.Contains('.', StringComparison.Ordinal))
        {
            Add(field, $"'{value}' is not a valid e-mail address.");
        }

        return this;
    }

    public Validator When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public Error? ToError() => IsValid ? null : new ValidationError(_errors.ToArray());

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex SlugPattern();
}
