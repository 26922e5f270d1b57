using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>
/// The items of a Content step, read once by validation and again by application: from the step's JSON, or
/// from the recipe's bytes one at a time (each checked for duplicate names and its scripts evaluated as it is
/// read), so a recipe's items are never all in memory.
/// </summary>
public sealed class ContentEntries
{
    private readonly JsonArray? _inStep;
    private readonly StreamedArray? _streamed;

    private ContentEntries(JsonArray? inStep, StreamedArray? streamed) => (_inStep, _streamed) = (inStep, streamed);

    /// <summary>The step's items, or null (reported) when it has no "data" array.</summary>
    public static ContentEntries? Of(StepContext context, string dataPath)
    {
        if (context.StreamedData is { } streamed) return new(null, streamed);
        var data = SettingsReader.Property(context.Step, "data");
        if (data is JsonArray inStep) return new(inStep, null);
        context.Error(dataPath, data is null ? "A Content step needs a \"data\" array of content items." : "\"data\" must be an array.");
        return null;
    }

    public int Count => _streamed?.Count ?? _inStep!.Count;

    /// <summary>
    /// The items in order. Streamed items are parsed (and checked for duplicate names) on another thread a few
    /// items ahead (<see cref="ReadAhead"/>), while the caller checks and prepares the ones before them.
    /// </summary>
    public async IAsyncEnumerable<(int Index, JsonNode? Node)> Read(StepContext context, string dataPath, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_inStep is not null)
        {
            for (var i = 0; i < _inStep.Count; i++) yield return (i, _inStep[i]);
            yield break;
        }

        // The parsing thread also looks for duplicate names (a walk over the whole item); they are reported here, in order.
        var parsed = _streamed!.Read().Select(e => (e.Index, e.Node, Duplicate: RecipeReader.DuplicateProperty(e.Node, JsonPath.Index(dataPath, e.Index))));
        await foreach (var (index, node, found) in ReadAhead.Of(parsed, ParsedAhead, cancellationToken))
        {
            var path = JsonPath.Index(dataPath, index);
            if (found is { } duplicate)
            {
                context.Error(duplicate.Path, duplicate.Message);
                continue;
            }

            context.Scripts?.EvaluateTree(node, path, context.Index, context.Name, context.Problems);
            yield return (index, node);
        }
    }

    /// <summary>Items parsed before they are asked for: enough to keep the parsing thread busy, few enough to be small.</summary>
    private const int ParsedAhead = 64;
}
