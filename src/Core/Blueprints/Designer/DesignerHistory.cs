namespace Paddock.Core.Blueprints.Designer;

/// <summary>Undo and redo over whole document snapshots; a new change after undoing drops the redo branch.</summary>
public sealed class DesignerHistory(DesignerDocument initial, int capacity = 200)
{
    private readonly LinkedList<DesignerDocument> _undo = new();
    private readonly Stack<DesignerDocument> _redo = new();

    public DesignerDocument Current { get; private set; } = initial;

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>Records a change; returns false (and records nothing) when the document did not change.</summary>
    public bool Push(DesignerDocument next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next == Current)
        {
            return false;
        }

        _undo.AddLast(Current);
        if (_undo.Count > capacity)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
        Current = next;
        return true;
    }

    public bool Undo()
    {
        if (_undo.Last is not { } previous)
        {
            return false;
        }

        _undo.RemoveLast();
        _redo.Push(Current);
        Current = previous.Value;
        return true;
    }

    public bool Redo()
    {
        if (!_redo.TryPop(out var next))
        {
            return false;
        }

        _undo.AddLast(Current);
        Current = next;
        return true;
    }

    /// <summary>Starts over from a saved or reloaded document: nothing to undo past it.</summary>
    public void Reset(DesignerDocument document)
    {
        _undo.Clear();
        _redo.Clear();
        Current = document;
    }
}
