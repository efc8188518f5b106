using Microsoft.AspNetCore.Components;
using MudBlazor;
using Paddock.Core.Common;
using Paddock.Core.Stacks;
using Paddock.Web.Common;

namespace Paddock.Web.Stacks.Pages;

/// <summary>A day-2 action: shows the plan against what runs now (a preview that queues nothing), then queues exactly that request.</summary>
public sealed partial class OperationDialog
{
    private readonly FormErrors _errors = new();
    private OperationPlan? _plan;
    private string? _service;
    private int _replicas = 1;
    private string? _refused;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private UiActions Actions { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public Guid ProjectId { get; set; }

    [Parameter]
    public Guid StackId { get; set; }

    [Parameter]
    public string StackName { get; set; } = "";

    [Parameter]
    public OperationKind Kind { get; set; }

    /// <summary>Service names and their replica counts now (scale only).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, int> Services { get; set; } = new Dictionary<string, int>();

    /// <summary>The blueprint version to update to (update only).</summary>
    [Parameter]
    public int? Version { get; set; }

    public static string Title(OperationKind kind) => kind switch
    {
        OperationKind.Scale => "Scale",
        OperationKind.Update => "Update",
        OperationKind.Destroy => "Destroy",
        OperationKind.Rollback => "Roll back",
        _ => kind.ToString(),
    };

    private string Explanation => Kind switch
    {
        OperationKind.Scale => "Choose the service and how many replicas it should run; the plan shows the containers to create or delete.",
        OperationKind.Update => Version is { } v ? $"Converge '{StackName}' to blueprint v{v}: changed services are replaced." : $"Converge '{StackName}' to its blueprint.",
        OperationKind.Destroy => $"Remove every container, network and volume of '{StackName}'. Volume data is lost.",
        OperationKind.Rollback => $"Remove what the failed operation created in '{StackName}'.",
        OperationKind.Stop => $"Stop every container of '{StackName}'; they keep their data and can be started again.",
        OperationKind.Start => $"Start the containers of '{StackName}' again.",
        OperationKind.Restart => $"Restart every container of '{StackName}', in dependency order.",
        _ => "",
    };

    protected override async Task OnInitializedAsync()
    {
        if (Kind == OperationKind.Scale)
        {
            // The usual scale is the web tier: the first service with the most replicas is a fair guess, and cheap to change.
            _service = Services.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).FirstOrDefault();
            _replicas = _service is null ? 1 : Services[_service] + 1;
            return;
        }

        await PreviewAsync();
    }

    private RequestOperation.Command Command(bool previewOnly) =>
        new(ProjectId, StackId, Kind, Kind == OperationKind.Scale ? _service : null, Kind == OperationKind.Scale ? _replicas : null, Version, previewOnly);

    private void OnScaleChanged() => _plan = null;

    private async Task PreviewAsync()
    {
        _busy = true;
        _plan = null;
        var result = await Actions.RunAsync<RequestOperation.Handler, OperationPlan>(h => h.HandleAsync(Command(previewOnly: true), default));
        _busy = false;
        Show(result);
    }

    private async Task ConfirmAsync()
    {
        _busy = true;
        var result = await Actions.RunAsync<RequestOperation.Handler, OperationPlan>(h => h.HandleAsync(Command(previewOnly: false), default));
        _busy = false;
        if (result.IsSuccess)
        {
            Snackbar.Add($"{Title(Kind)} of '{StackName}' queued.", Severity.Success);
            Dialog.Close(DialogResult.Ok(result.Value));
            return;
        }

        Show(result);
    }

    private void Show(Result<OperationPlan> result)
    {
        if (result.IsSuccess)
        {
            _refused = null;
            _errors.Clear();
            _plan = result.Value;
            return;
        }

        _plan = null;
        if (result.Error is ValidationError)
        {
            _refused = null;
            _errors.Show(result.Error, Snackbar, "service", "replicas");
            return;
        }

        // Refused plans stay in the dialog (engine down, another operation running, no permission): the person reads why.
        _refused = result.Error switch
        {
            ConflictError conflict => conflict.Message,
            ForbiddenError forbidden => $"Not allowed: {forbidden.Message}",
            { } other => other.Message,
            null => "The plan was refused.",
        };
    }
}
