namespace Paddock.Core.Blueprints;

public enum ServiceKind
{
    Container,
    Vm,
}
