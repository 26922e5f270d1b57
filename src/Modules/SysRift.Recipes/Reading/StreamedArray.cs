using System.Text.Json;
using System.Text.Json.Nodes;

namespace SysRift.Recipes.Reading;

/// <summary>
/// An array the reader left in the recipe's bytes (a Content step's "data"): it knows where the array starts
/// and how many elements it has, and reads them again one at a time, each time it is asked. Only the element
/// being read is in memory.
/// </summary>
public sealed class StreamedArray
{
    private readonly RecipeSource _source;
    private readonly JsonStreamCursor.Checkpoint _start;
    private readonly string _version;
    private const int CheckEvery = 100;

    internal StreamedArray(RecipeSource source, JsonStreamCursor.Checkpoint start, int count, string version)
    {
        _source = source;
        _start = start;
        Count = count;
        _version = version;
    }

    public int Count { get; }

    /// <summary>
    /// The elements in order, each parsed on its own (duplicate property names surface when it is read). Throws
    /// <see cref="RecipeSourceChangedException"/> when the source is not what was read first (a file edited during
    /// an import): what is applied must be what was validated.
    /// </summary>
    public IEnumerable<(int Index, JsonNode? Node)> Read()
    {
        CheckUnchanged();
        using var cursor = RecipeReader.Cursor(_source.Open(), _start);
        if (!cursor.Read() || cursor.TokenType != JsonTokenType.StartArray) throw new RecipeSourceChangedException();
        var index = 0;
        while (TryReadNext(cursor, out var node))
        {
            // Asking the file system costs a system call: every so often is enough to stop early, and the check at
            // the end, before the import's transaction commits, is what guarantees nothing changed.
            if (index % CheckEvery == 0) CheckUnchanged();
            yield return (index++, node);
        }

        CheckUnchanged();
        if (index != Count) throw new RecipeSourceChangedException();
    }

    /// <summary>The next element; false at the array's end. The first read found the syntax sound, so invalid JSON now means the file changed.</summary>
    private static bool TryReadNext(JsonStreamCursor cursor, out JsonNode? node)
    {
        node = null;
        try
        {
            if (!cursor.Read() || cursor.TokenType == JsonTokenType.EndArray) return false;
            node = cursor.ReadValue();
            return true;
        }
        catch (JsonException)
        {
            throw new RecipeSourceChangedException();
        }
    }

    private void CheckUnchanged()
    {
        if (_source.Version != _version) throw new RecipeSourceChangedException();
    }

    /// <summary>Passes over the array at the cursor (on its first token), counting its elements.</summary>
    internal static StreamedArray Skim(JsonStreamCursor cursor, RecipeSource source, string version)
    {
        var start = cursor.BeforeToken;
        var count = 0;
        while (cursor.Read() && cursor.TokenType != JsonTokenType.EndArray)
        {
            cursor.SkipValue();
            count++;
        }

        return new StreamedArray(source, start, count, version);
    }
}

/// <summary>The recipe's file changed between reading it and reading its items again; nothing is applied.</summary>
public sealed class RecipeSourceChangedException()
    : InvalidOperationException("the recipe file changed while it was being imported; run the import again");
