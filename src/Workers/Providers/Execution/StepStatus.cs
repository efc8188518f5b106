namespace Paddock.Workers.Providers.Execution;

public enum StepStatus
{
    Started,
    Waiting,
    Succeeded,
    Failed,

    /// <summary>A NoOp: recorded in the step log, no call to the provider.</summary>
    Skipped,
}
