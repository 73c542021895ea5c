using CgtAtlas.Ingest;

namespace CgtAtlas.Core.Tests.Ingest;

public sealed class ReadAheadQueueTests
{
    [Theory]
    [InlineData(4, 1_000_000, 1)]
    [InlineData(100, 35, 10)]
    public async Task A_fast_producer_stays_within_the_bounds_and_the_order_is_kept(int maxItems, long maxWeight, long weight)
    {
        var queue = new ReadAheadQueue<int>(maxItems, maxWeight);
        var bound = (int)Math.Min(maxItems, maxWeight / weight);
        var added = 0;
        var taken = 0;
        var mostAhead = 0;
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                Assert.True(queue.Add(i, weight));
                // The consumer counts an item just after taking it, so the count seen here can be one high.
                mostAhead = Math.Max(mostAhead, Interlocked.Increment(ref added) - Volatile.Read(ref taken));
            }

            queue.Complete();
        });

        var received = new List<int>();
        while (queue.TryTake(out var item))
        {
            received.Add(item);
            Interlocked.Increment(ref taken);
            if (received.Count % 10 == 0)
            {
                Thread.Sleep(1);
            }
        }

        await producer;
        Assert.Equal(Enumerable.Range(0, 300), received);
        Assert.InRange(mostAhead, 1, bound + 1);
    }

    [Fact]
    public async Task An_item_heavier_than_the_budget_goes_through_alone()
    {
        var queue = new ReadAheadQueue<string>(10, 100);
        var producer = Task.Run(() =>
        {
            queue.Add("small", 60);
            queue.Add("huge", 1_000);
            queue.Add("after", 1);
            queue.Complete();
        });

        var received = new List<string>();
        while (queue.TryTake(out var item))
        {
            received.Add(item);
        }

        await producer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["small", "huge", "after"], received);
    }

    [Fact]
    public void The_producers_failure_reaches_the_consumer_after_the_items_before_it()
    {
        var queue = new ReadAheadQueue<int>(8, 1_000);
        queue.Add(1, 1);
        queue.Add(2, 1);
        queue.Complete(new IOException("disk gone"));

        Assert.True(queue.TryTake(out var first));
        Assert.True(queue.TryTake(out var second));
        Assert.Equal((1, 2), (first, second));
        var error = Assert.Throws<IOException>(() => queue.TryTake(out _));
        Assert.Equal("disk gone", error.Message);
        Assert.Throws<IOException>(() => queue.WaitForItem());
    }

    [Fact]
    public async Task Closing_releases_a_producer_waiting_on_a_full_queue()
    {
        var queue = new ReadAheadQueue<int>(2, 1_000);
        queue.Add(1, 1);
        queue.Add(2, 1);
        var blocked = Task.Run(() => queue.Add(3, 1));
        await Task.Delay(100);
        Assert.False(blocked.IsCompleted);

        queue.Close();
        Assert.False(await blocked.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(queue.Add(4, 1));
        Assert.False(queue.WaitForItem());
    }

    [Fact]
    public async Task A_consumer_waits_for_the_first_item_and_ends_when_the_producer_completes()
    {
        var queue = new ReadAheadQueue<int>(4, 100);
        var consumer = Task.Run(() =>
        {
            var items = new List<int>();
            while (queue.TryTake(out var item))
            {
                items.Add(item);
            }

            return items;
        });
        await Task.Delay(100);
        Assert.False(consumer.IsCompleted);

        queue.Add(7, 1);
        queue.Complete();
        Assert.Equal([7], await consumer.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
