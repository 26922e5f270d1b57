using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SysRift.Recipes.Export;

/// <summary>
/// Orchard Core's deployment package: a zip with Recipe.json at its root and the media files at the paths the
/// recipe's media step names as SourcePath. Written by export; read by import (admin and command line), which
/// extracts it into a folder of its own and runs Recipe.json from there, so the media step finds its files.
/// </summary>
public static class RecipePackage
{
    public const string RecipeEntry = "Recipe.json";

    /// <summary>Limits on what an uploaded package may unpack to (a zip bomb stops here, not on the disk).</summary>
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;
    public const int MaxEntries = 10_000;

    public static bool IsZip(ReadOnlySpan<byte> start) => start.StartsWith("PK\u0003\u0004"u8);

    public static async Task WriteAsync(JsonObject recipe, IAsyncEnumerable<(string Path, byte[] Bytes)> files, Stream output, CancellationToken cancellationToken = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await foreach (var (path, bytes) in files.WithCancellation(cancellationToken))
        {
            // Images are compressed already: stored as they are.
            var entry = zip.CreateEntry(path, CompressionLevel.NoCompression);
            await using var stream = await entry.OpenAsync(cancellationToken);
            await stream.WriteAsync(bytes, cancellationToken);
        }

        var recipeEntry = zip.CreateEntry(RecipeEntry, CompressionLevel.Optimal);
        await using (var stream = await recipeEntry.OpenAsync(cancellationToken))
            await JsonSerializer.SerializeAsync(stream, recipe, new JsonSerializerOptions { WriteIndented = true }, cancellationToken);
    }

    /// <summary>
    /// Unpacks <paramref name="package"/> into <paramref name="folder"/> and returns the path of its Recipe.json;
    /// throws <see cref="InvalidDataException"/> with a reader's message when it is not a package SysRift reads
    /// (no Recipe.json, an entry outside the folder, too large, too many entries).
    /// </summary>
    public static string Extract(Stream package, string folder)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxEntries) throw new InvalidDataException($"The package has {zip.Entries.Count} entries; at most {MaxEntries} are read.");
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            var target = Path.GetFullPath(Path.Combine(root, entry.FullName.Replace('\\', '/')));
            if (!target.StartsWith(root, StringComparison.Ordinal))
                throw new InvalidDataException($"The package entry \"{entry.FullName}\" points outside the package; nothing was read.");
            total += entry.Length;
            if (total > MaxUnpackedBytes) throw new InvalidDataException($"The package unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB; nothing was imported.");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true);
        }

        var recipe = Path.Combine(root, RecipeEntry);
        return File.Exists(recipe) ? recipe : throw new InvalidDataException($"The package has no {RecipeEntry} at its root (an Orchard Core deployment package has one).");
    }
}
