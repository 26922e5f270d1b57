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

    internal StreamedArray(RecipeSource source, JsonStreamCursor.Checkpoint start, int count)
    {
        _source = source;
        _start = start;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The elements in order, each parsed on its own (duplicate property names surface when it is read).</summary>
    public IEnumerable<(int Index, JsonNode? Node)> Read()
    {
        using var cursor = RecipeReader.Cursor(_source.Open(), _start);
        if (!cursor.Read() || cursor.TokenType != JsonTokenType.StartArray) throw new InvalidOperationException("The recipe changed while it was read.");
        var index = 0;
        while (cursor.Read() && cursor.TokenType != JsonTokenType.EndArray) yield return (index++, cursor.ReadValue());
    }

    /// <summary>Passes over the array at the cursor (on its first token), counting its elements.</summary>
    internal static StreamedArray Skim(JsonStreamCursor cursor, RecipeSource source)
    {
        var start = cursor.BeforeToken;
        var count = 0;
        while (cursor.Read() && cursor.TokenType != JsonTokenType.EndArray)
        {
            cursor.SkipValue();
            count++;
        }

        return new StreamedArray(source, start, count);
    }
}
