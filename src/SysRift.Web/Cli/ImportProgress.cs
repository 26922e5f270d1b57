namespace SysRift.Web.Cli;

/// <summary>
/// Progress of a long import on stderr: a bar redrawn in place on a terminal, plain lines (every tenth) when
/// stderr is a file or a pipe, so logs stay readable.
/// </summary>
public sealed class ImportProgress(TextWriter error) : IProgress<(int Done, int Total)>, IDisposable
{
    private const int Width = 30;
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private int _lastTenth = -1;
    private bool _drawn;

    public void Report((int Done, int Total) value)
    {
        var (done, total) = value;
        if (total <= 0) return;
        if (_terminal)
        {
            var filled = (int)((long)done * Width / total);
            error.Write($"\r  content [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total}");
            _drawn = true;
            return;
        }

        var tenth = (int)((long)done * 10 / total);
        if (tenth == _lastTenth && done != total) return;
        _lastTenth = tenth;
        error.WriteLine($"  content: {done}/{total} items");
    }

    /// <summary>Ends the bar's line, so what follows starts on its own.</summary>
    public void Done()
    {
        if (!_drawn) return;
        error.WriteLine();
        _drawn = false;
    }

    public void Dispose() => Done();
}
