using Microsoft.AspNetCore.Components;
using MudBlazor;
using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Core.Providers;
using Paddock.Web.Common;

namespace Paddock.Web.Providers.Pages;

public partial class ProvidersPage
{
    private readonly HashSet<Guid> _testing = [];
    private readonly Dictionary<Guid, ConnectivityResult> _results = [];
    private IReadOnlyList<ProviderAccountDto>? _accounts;
    private bool? _allowed;

    [Inject]
    private UiActions Actions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _allowed = await Actions.HasAsync(Permission.ProvidersManage);
        if (_allowed == true)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Actions.RunAsync<ListProviderAccounts.Handler, IReadOnlyList<ProviderAccountDto>>(h => h.HandleAsync(new(), default));
        _accounts = result.IsSuccess ? result.Value : [];
    }

    private async Task TestAsync(ProviderAccountDto account)
    {
        _testing.Add(account.Id);
        StateHasChanged();
        var result = await Actions.RunAsync<TestProviderAccount.Handler, ConnectivityResult>(h => h.HandleAsync(new(account.Id), default));
        _testing.Remove(account.Id);
        if (result.IsSuccess)
        {
            _results[account.Id] = result.Value;
        }
        else
        {
            Snackbar.Add(result.Error!.Message, Severity.Error);
        }
    }

    private async Task EditAsync(ProviderAccountDto? existing)
    {
        var parameters = new DialogParameters<ProviderAccountDialog> { { d => d.Existing, existing } };
        var dialog = await Dialogs.ShowAsync<ProviderAccountDialog>(existing is null ? "Add provider account" : $"Edit {existing.Name}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: ProviderAccountDto saved })
        {
            await LoadAsync();
            await TestAsync(saved);
        }
    }

    private async Task DeleteAsync(ProviderAccountDto account)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete provider account", $"Delete '{account.Name}'? Environments must be bound to another account first.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Actions.RunAsync<DeleteProviderAccount.Handler, Unit>(h => h.HandleAsync(new(account.Id), default));
        if (result.IsSuccess)
        {
            Snackbar.Add($"'{account.Name}' deleted.", Severity.Success);
            await LoadAsync();
        }
        else
        {
            Snackbar.Add(result.Error!.Message, Severity.Error);
        }
    }
}
