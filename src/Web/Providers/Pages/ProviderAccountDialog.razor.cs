using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Paddock.Core.Providers;
using Paddock.Web.Common;

namespace Paddock.Web.Providers.Pages;

public partial class ProviderAccountDialog
{
    private static readonly string[] Fields = ["name", "endpoint", "useTls", "tls.caCertificate", "tls.clientCertificate", "tls.clientKey", "isDefault"];
    private readonly FormErrors _errors = new();
    private string? _name;
    private string? _endpoint;
    private bool _useTls;
    private string? _ca;
    private string? _certificate;
    private string? _key;
    private bool _isDefault;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter]
    public ProviderAccountDto? Existing { get; set; }

    [Inject]
    private UiActions Actions { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (Existing is not null)
        {
            _name = Existing.Name;
            _endpoint = Existing.Endpoint;
            _useTls = Existing.UsesTls;
            _isDefault = Existing.IsDefault;
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !_useTls)
        {
            await SubmitAsync();
        }
    }

    private async Task SubmitAsync()
    {
        _saving = true;
        var typed = string.IsNullOrWhiteSpace(_ca) && string.IsNullOrWhiteSpace(_certificate) && string.IsNullOrWhiteSpace(_key) ? null : new TlsMaterial(_ca, _certificate, _key);
        var settings = new ProviderAccountSettings(_name ?? "", ProviderKind.Docker, _endpoint ?? "", _useTls, typed, _isDefault);
        var result = Existing is null
            ? await Actions.RunAsync<CreateProviderAccount.Handler, ProviderAccountDto>(h => h.HandleAsync(new(settings), default))
            : await Actions.RunAsync<UpdateProviderAccount.Handler, ProviderAccountDto>(h => h.HandleAsync(new(Existing.Id, settings, Existing.Version), default));
        _saving = false;
        if (result.IsSuccess)
        {
            // The PEM text leaves the circuit's memory with the dialog.
            _ca = _certificate = _key = null;
            Snackbar.Add($"Provider account '{result.Value.Name}' saved.", Severity.Success);
            Dialog.Close(DialogResult.Ok(result.Value));
            return;
        }

        _errors.Show(result.Error!, Snackbar, Fields);
    }
}
