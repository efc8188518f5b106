namespace Paddock.Core.Stacks;

/// <summary>
/// Hands an admitted operation to the queue's side of the state machine: what it changes about the stack (scale, version)
/// takes effect only now, so an operation still waiting for approval changes nothing that other plans read.
/// </summary>
internal static class StackOperations
{
    public static void Begin(Stack stack, Operation operation)
    {
        if (operation.Kind == OperationKind.Scale && operation.Parameters is { Service: { } service, Replicas: { } replicas })
        {
            stack.Scale(service, replicas);
        }
        else if (operation.Kind == OperationKind.Update && operation.Parameters.BlueprintVersion is { } version)
        {
            stack.UseVersion(version);
        }

        operation.Queue();
        stack.MarkStatus(operation.Kind is OperationKind.Destroy or OperationKind.Rollback ? StackStatus.Destroying : StackStatus.Deploying);
    }
}
