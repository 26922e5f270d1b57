using SysRift.Recipes.Reading;

namespace SysRift.Tests.Unit;

/// <summary>
/// An import reads its items on another thread ahead of the database work. What its consumer sees must be what
/// enumerating the source itself would give: the same elements in order, the source's own exception, and a
/// source that is stopped (its file closed) when the consumer stops.
/// </summary>
public sealed class ReadAheadTests
{
    private const int Capacity = 4;

    [Fact]
    public async Task The_source_runs_ahead_of_its_consumer_by_at_most_the_buffer_and_the_elements_arrive_in_order()
    {
        var produced = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 100; i++)
            {
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }

        var received = new List<int>();
        await foreach (var element in ReadAhead.Of(Source(), Capacity))
        {
            received.Add(element);
            if (received.Count != 1) continue;
            // While the consumer holds its first element and asks for nothing, the source fills the buffer on its own...
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Volatile.Read(ref produced) < 1 + Capacity && DateTime.UtcNow < deadline) await Task.Delay(10);
            Assert.True(Volatile.Read(ref produced) >= 1 + Capacity, $"the source produced {produced} while the consumer waited");
            // ...and stops there: the buffer, plus the one element it waits to hand over.
            await Task.Delay(200);
            Assert.InRange(Volatile.Read(ref produced), 1 + Capacity, 2 + Capacity);
        }

        Assert.Equal(Enumerable.Range(0, 100), received);
    }

    [Fact]
    public async Task The_sources_own_exception_reaches_the_consumer_after_the_elements_before_it()
    {
        IEnumerable<int> Source()
        {
            yield return 1;
            yield return 2;
            throw new RecipeSourceChangedException();
        }

        var received = new List<int>();
        await Assert.ThrowsAsync<RecipeSourceChangedException>(async () =>
        {
            await foreach (var element in ReadAhead.Of(Source(), Capacity)) received.Add(element);
        });
        Assert.Equal([1, 2], received);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_has_stopped_the_source_when_it_returns()
    {
        var closed = false;
        IEnumerable<int> Endless()
        {
            try
            {
                for (var i = 0; ; i++) yield return i;
            }
            finally
            {
                closed = true; // where a recipe's file is closed
            }
        }

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var element in ReadAhead.Of(Endless(), Capacity))
                if (element == 10) throw new InvalidOperationException("the consumer failed");
        });
        Assert.True(closed);

        closed = false;
        await foreach (var element in ReadAhead.Of(Endless(), Capacity))
            if (element == 3) break;
        Assert.True(closed);
    }
}
