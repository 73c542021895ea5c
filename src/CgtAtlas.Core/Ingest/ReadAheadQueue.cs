using System.Runtime.ExceptionServices;

namespace CgtAtlas.Ingest;

/// <summary>
/// The hand-off from ingest's reading thread to its writing thread: one producer and one consumer, both blocking, bounded
/// by a number of items and by their total weight (input bytes), so a folder of large files cannot fill memory.
/// </summary>
/// <remarks>
/// <para>
/// The writer stops taking inputs while it commits a batch (the full-text rows of the batch go in at the commit), for
/// about as long as the reader needs to prepare two hundred documents. A queue a few dozen deep filled during the first
/// milliseconds of each commit and left the reader idle for the rest; a deep one lets it work through the commit.
/// </para>
/// <para>
/// Why not <c>System.Threading.Channels</c>, which this replaced: a channel bounds the count only, and its waiters resume
/// on the thread pool, so every hand-off woke a third thread that then spun for work on a two-core machine.
/// <see cref="Monitor"/> wakes the waiting thread itself.
/// </para>
/// </remarks>
internal sealed class ReadAheadQueue<T>
{
    private readonly Queue<(T Item, long Weight)> _items = new();
    private readonly int _maxItems;
    private readonly long _maxWeight;
    private long _weight;
    private bool _producerWaiting;
    private bool _completed;
    private bool _closed;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Creates a queue that holds at most <paramref name="maxItems"/> items and, unless it holds only one,
    /// at most <paramref name="maxWeight"/> in total.</summary>
    public ReadAheadQueue(int maxItems, long maxWeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeight, 1);
        _maxItems = maxItems;
        _maxWeight = maxWeight;
    }

    /// <summary>
    /// Adds an item, waiting while the queue is full. An item heavier than the whole budget still goes in once the queue
    /// is empty. Returns false when the consumer has closed the queue (the item is dropped).
    /// </summary>
    public bool Add(T item, long weight)
    {
        lock (_items)
        {
            while (!_closed && _items.Count > 0 && (_items.Count >= _maxItems || _weight + weight > _maxWeight))
            {
                _producerWaiting = true;
                Monitor.Wait(_items);
            }

            if (_closed)
            {
                return false;
            }

            _items.Enqueue((item, weight));
            _weight += weight;
            if (_items.Count == 1)
            {
                // The consumer may be waiting on an empty queue.
                Monitor.PulseAll(_items);
            }

            return true;
        }
    }

    /// <summary>Producer side: no more items will come. <paramref name="failure"/>, when given, is thrown to the consumer
    /// once it has taken the items already queued.</summary>
    public void Complete(Exception? failure = null)
    {
        lock (_items)
        {
            _completed = true;
            _failure = failure is null ? null : ExceptionDispatchInfo.Capture(failure);
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>Consumer side: stop taking items and drop those queued; a waiting or later <see cref="Add"/> returns false.</summary>
    public void Close()
    {
        lock (_items)
        {
            _closed = true;
            _items.Clear();
            _weight = 0;
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>
    /// Waits for the next item. Returns false when the producer has completed and every item was taken, or throws the
    /// producer's failure at that point.
    /// </summary>
    public bool TryTake(out T item)
    {
        lock (_items)
        {
            if (!WaitForItemLocked())
            {
                item = default!;
                return false;
            }

            var (next, weight) = _items.Dequeue();
            _weight -= weight;
            // Woken only once the queue has drained to half (or empty, which is always below half): the reader then
            // prepares many inputs in one go instead of being switched in and out for every input the writer takes.
            if (_producerWaiting && _items.Count <= _maxItems / 2 && _weight <= _maxWeight / 2)
            {
                _producerWaiting = false;
                Monitor.PulseAll(_items);
            }

            item = next;
            return true;
        }
    }

    /// <summary>Waits until an item is ready (true) or the producer has completed with every item taken (false, or its
    /// failure thrown).</summary>
    public bool WaitForItem()
    {
        lock (_items)
        {
            return WaitForItemLocked();
        }
    }

    private bool WaitForItemLocked()
    {
        while (_items.Count == 0 && !_completed && !_closed)
        {
            Monitor.Wait(_items);
        }

        if (_items.Count > 0)
        {
            return true;
        }

        _failure?.Throw();
        return false;
    }
}
