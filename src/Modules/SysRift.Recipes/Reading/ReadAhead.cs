using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SysRift.Recipes.Reading;

/// <summary>
/// Runs an enumeration on another thread, at most <c>capacity</c> elements ahead of its consumer. An import
/// reads and prepares its items (JSON, Markdown) on one core while the other writes the previous ones to the
/// database; only the elements in the buffer are in memory. The source's exception is the consumer's, as
/// if it had enumerated the source itself, and a consumer that stops early stops the source.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var element in source.WithCancellation(stop.Token)) await buffer.Writer.WriteAsync(element, stop.Token);
            }
            finally
            {
                buffer.Writer.Complete();
            }
        }, CancellationToken.None);

        var finished = false;
        try
        {
            await foreach (var element in buffer.Reader.ReadAllAsync(cancellationToken)) yield return element;
            finished = true;
            await producer; // the source's own exception, if it ended with one
        }
        finally
        {
            if (!finished)
            {
                // The consumer stopped early or failed: stop the source and wait for it, so that nothing still
                // reads the recipe's file once this returns. Its exception (the cancellation) is not the story.
                stop.Cancel();
                try { await producer; }
                catch (Exception) when (stop.IsCancellationRequested) { }
            }
        }
    }

    public static IAsyncEnumerable<T> Of<T>(IEnumerable<T> source, int capacity, CancellationToken cancellationToken = default) =>
        Of(source.ToAsyncEnumerable(), capacity, cancellationToken);
}
