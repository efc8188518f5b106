namespace Paddock.Core.Blueprints;

public enum RestartPolicy
{
    No,
    OnFailure,
    Always,
    UnlessStopped,
}
