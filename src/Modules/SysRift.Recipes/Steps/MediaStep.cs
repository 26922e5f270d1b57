using System.Text.Json.Nodes;
using SysRift.Contents.Media;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>
/// Orchard's "media": {"Files": [{"TargetPath": "blog/cover.jpg", "Base64": "..."}, {"TargetPath": ..., "SourcePath":
/// "media/cover.jpg"}]}. Each file is read and checked (an image by its bytes, at most the upload limit, a plain
/// media path) during validation; SourcePath is relative to the recipe's own folder (for a recipe in a Recipes
/// folder, as in an Orchard module, the module's folder), never outside it, and not for uploaded recipes; a file
/// that is not there is skipped, as Orchard's own recipes name files of their module's wwwroot. The files are stored in the
/// media library (the database) inside the recipe's transaction, so a refused or dry-run import leaves the library
/// as it was, and every node has them when it commits. SourceUrl (a download) is not supported.
/// </summary>
public sealed class MediaStep(MediaStore media) : IRecipeStep
{
    public IReadOnlyList<string> Names { get; } = ["media"];

    public Task ValidateAsync(StepContext context, CancellationToken cancellationToken)
    {
        var files = StepJson.OptionalArray(context, context.Step, context.Path, "Files");
        var filesPath = JsonPath.Property(context.Path, "Files");
        if (files is null)
        {
            context.Error(filesPath, "A media step needs \"Files\": a list of { \"TargetPath\", and \"Base64\" or \"SourcePath\" }.");
            return Task.CompletedTask;
        }

        var staged = new List<(string Target, byte[] Bytes, string? AltText, string? Caption)>();
        for (var i = 0; i < files.Count; i++)
        {
            var path = JsonPath.Index(filesPath, i);
            if (files[i] is not JsonObject file)
            {
                context.Error(path, "A media file must be an object.");
                continue;
            }

            if (StepJson.RequiredString(context, file, path, "TargetPath") is not { } target) continue;
            target = target.Replace('\\', '/').TrimStart('/');
            if (Read(context, file, path) is not { } bytes) continue;
            if (MediaStore.Check(target, bytes) is { } problem)
            {
                context.Error(JsonPath.Property(path, "TargetPath"), problem);
                continue;
            }

            // SysRift's exports add the library's description of each file; Orchard's recipes have none.
            staged.Add((target, bytes, StepJson.OptionalString(context, file, path, "AltText"), StepJson.OptionalString(context, file, path, "Caption")));
        }

        context.PreparedMedia = staged;
        return Task.CompletedTask;
    }

    public async Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var staged = context.PreparedMedia ?? [];
        foreach (var (target, bytes, altText, caption) in staged)
        {
            if (await media.SaveAtAsync(target, bytes, cancellationToken) is { } problem) throw new InvalidOperationException(problem);
            if (altText is not null || caption is not null) await media.DescribeAsync(target, altText, caption, cancellationToken);
        }

        return $"{context.Name}: {staged.Count} file(s) ({staged.Sum(s => s.Bytes.LongLength) / 1024} KB) stored.";
    }

    private static byte[]? Read(StepContext context, JsonObject file, string path)
    {
        if (StepJson.OptionalString(context, file, path, "Base64") is { } base64)
        {
            try
            {
                return Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                context.Error(JsonPath.Property(path, "Base64"), "is not valid base64.");
                return null;
            }
        }

        if (StepJson.OptionalString(context, file, path, "SourcePath") is { } source)
        {
            var sourcePath = JsonPath.Property(path, "SourcePath");
            if (context.Run.Options.Folder is not { } folder)
            {
                context.Unsupported(sourcePath, $"\"{source}\" is a file next to the recipe, and this recipe was not read from a folder (an upload); the file is not imported (give it as Base64, or import the recipe from its folder on the command line).");
                return null;
            }

            // Orchard resolves a module recipe's SourcePath from the module (the parent of its Recipes folder).
            var root = Path.GetFileName(folder).Equals("Recipes", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(folder)! : folder;
            var full = Path.GetFullPath(Path.Combine(folder, source));
            if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                context.Unsupported(sourcePath, $"\"{source}\" is outside the recipe's folder, which is all SysRift reads; the file is not imported.");
                return null;
            }

            if (!File.Exists(full))
            {
                context.Unsupported(sourcePath, $"\"{source}\" is not next to the recipe; the file is not imported.");
                return null;
            }

            if (new FileInfo(full).Length > MediaStore.MaxBytes)
            {
                context.Error(sourcePath, $"\"{source}\" is larger than {MediaStore.MaxBytes / 1024 / 1024} MB.");
                return null;
            }

            return File.ReadAllBytes(full);
        }

        if (file.ContainsKey("SourceUrl"))
            context.Unsupported(JsonPath.Property(path, "SourceUrl"), "downloading media from a URL is not supported; give the file as Base64 or next to the recipe.");
        else context.Error(path, "needs \"Base64\" or \"SourcePath\".");
        return null;
    }
}
