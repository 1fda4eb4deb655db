namespace TaskActors.Runtime.Activation;

/// <summary>
/// The work items an activation is running, kept as a doubly linked list through the items themselves: adding and
/// removing is constant time with no allocation and no hashing, where a HashSet hashed every item by identity on each
/// turn. Not thread-safe; the activation's lock guards it. An item is in at most one list, from the start of its turn
/// to its end.
/// </summary>
internal sealed class RunningWorkItems
{
    private ActivationWorkItem? _head;

    public int Count { get; private set; }

    /// <summary>The running items, newest first.</summary>
    public IEnumerable<ActivationWorkItem> Items
    {
        get
        {
            for (var item = _head; item is not null; item = item.NextRunning)
            {
                yield return item;
            }
        }
    }

    public void Add(ActivationWorkItem item)
    {
        item.PreviousRunning = null;
        item.NextRunning = _head;
        if (_head is not null)
        {
            _head.PreviousRunning = item;
        }

        _head = item;
        Count++;
    }

    public void Remove(ActivationWorkItem item)
    {
        if (item.PreviousRunning is { } previous)
        {
            previous.NextRunning = item.NextRunning;
        }
        else
        {
            _head = item.NextRunning;
        }

        if (item.NextRunning is { } next)
        {
            next.PreviousRunning = item.PreviousRunning;
        }

        item.PreviousRunning = null;
        item.NextRunning = null;
        Count--;
    }
}
