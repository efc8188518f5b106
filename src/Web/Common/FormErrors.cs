using MudBlazor;
using Paddock.Core.Common;

namespace Paddock.Web.Common;

/// <summary>The one way the UI shows a handler's error: field messages inline on their inputs, anything else in a snackbar.</summary>
internal sealed class FormErrors
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.OrdinalIgnoreCase);

    public string? For(string field) => _byField.GetValueOrDefault(field);

    public bool Has(string field) => _byField.ContainsKey(field);

    public void Clear() => _byField.Clear();

    /// <summary>Shows <paramref name="error"/>; fields the form does not know about go to the snackbar too.</summary>
    public void Show(Error error, ISnackbar snackbar, params string[] formFields)
    {
        _byField.Clear();
        if (error is ValidationError validation)
        {
            foreach (var fieldError in validation.Errors)
            {
                if (formFields.Contains(fieldError.Field, StringComparer.OrdinalIgnoreCase))
                {
                    _byField[fieldError.Field] = _byField.TryGetValue(fieldError.Field, out var existing)
                        ? existing + " " + fieldError.Message
                        : fieldError.Message;
                }
                else
                {
                    snackbar.Add(fieldError.Message, Severity.Error);
                }
            }

            return;
        }

        snackbar.Add(error.Message, Severity.Error);
    }
}
