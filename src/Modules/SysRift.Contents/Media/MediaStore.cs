using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SysRift.Contents.Parts;
using SysRift.Core.Site;

namespace SysRift.Contents.Media;

/// <summary>
/// Images under {DataPath}/media. The type is read from the file's first bytes (PNG, JPEG, GIF, WebP), never
/// from its name or the browser's claim; anything else (SVG included, which can carry script) is refused.
/// Uploads are stored flat under a slug of the original name plus a content hash, so a name never changes
/// meaning and the files can be cached for a year. Files a recipe's media step brings keep the paths its
/// items refer to ("blog/cover.jpg", as in Orchard's media library): folders of plain names, never "..".
/// </summary>
public sealed partial class MediaStore(SiteShell shell)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public sealed record MediaFile(string Name, long Bytes, DateTime ModifiedUtc)
    {
        public string Url => "/media/" + Name;
    }

    public string Folder => Path.Combine(shell.DataPath, "media");

    /// <summary>Stores the upload; returns the file, or a message saying why it was refused.</summary>
    public async Task<(MediaFile? File, string? Error)> SaveAsync(string originalName, Stream content, long length, CancellationToken cancellationToken = default)
    {
        if (length <= 0) return (null, "The file is empty.");
        if (length > MaxBytes) return (null, $"The file is {length / 1024} KB; the limit is {MaxBytes / 1024 / 1024} MB.");

        // The declared length can lie: read at most one byte past the limit, never more.
        var bytes = new byte[Math.Min(length, MaxBytes) + 1];
        var read = await content.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
        if (read > MaxBytes) return (null, $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        bytes = bytes[..read];
        if (Sniff(bytes) is not { } extension)
            return (null, "Only PNG, JPEG, GIF and WebP images can be uploaded (the file's content is none of these; SVG is not accepted).");

        var stem = AutoroutePart.Slugify(Path.GetFileNameWithoutExtension(originalName));
        if (stem.Length == 0) stem = "image";
        if (stem.Length > 60) stem = stem[..60].Trim('-');
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var name = $"{stem}-{hash}.{extension}";

        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            // Write next to it, then move: a reader never sees half a file.
            var temporary = path + ".uploading";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        return (new MediaFile(name, bytes.Length, File.GetLastWriteTimeUtc(path)), null);
    }

    /// <summary>
    /// Stores <paramref name="bytes"/> at an Orchard media path (a recipe's media step), replacing what is there.
    /// Returns why it was refused, or null.
    /// </summary>
    public async Task<string?> SaveAtAsync(string mediaPath, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (Check(mediaPath, bytes) is { } problem) return problem;
        var path = Path.Combine(Folder, mediaPath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".uploading";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return null;
    }

    /// <summary>Why <paramref name="bytes"/> cannot be stored at <paramref name="mediaPath"/>, or null.</summary>
    public static string? Check(string mediaPath, ReadOnlySpan<byte> bytes)
    {
        if (!IsValidPath(mediaPath)) return $"\"{mediaPath}\" is not a media path SysRift stores: folders and a file name of letters, digits, '.', '_' and '-', ending in .png, .jpg, .jpeg, .gif or .webp.";
        if (bytes.Length == 0) return "The file is empty.";
        if (bytes.Length > MaxBytes) return $"The file is {bytes.Length / 1024} KB; the limit is {MaxBytes / 1024 / 1024} MB.";
        if (Sniff(bytes) is not { } kind) return "Only PNG, JPEG, GIF and WebP images are stored (the file's content is none of these; SVG is not accepted).";
        var extension = Path.GetExtension(mediaPath).TrimStart('.').ToLowerInvariant();
        return (extension == "jpeg" ? "jpg" : extension) == kind ? null : $"The file's content is {kind.ToUpperInvariant()}, not what its name ends in (.{extension}).";
    }

    public IReadOnlyList<MediaFile> List() =>
        Directory.Exists(Folder)
            ? new DirectoryInfo(Folder).EnumerateFiles("*", SearchOption.AllDirectories)
                .Select(f => (File: f, Name: Path.GetRelativePath(Folder, f.FullName).Replace(Path.DirectorySeparatorChar, '/')))
                .Where(f => IsValidName(f.Name) || IsValidPath(f.Name))
                .OrderByDescending(f => f.File.LastWriteTimeUtc).Select(f => new MediaFile(f.Name, f.File.Length, f.File.LastWriteTimeUtc)).ToList()
            : [];

    /// <summary>The file's full path, only for a well-formed name or media path of a file that exists (no traversal possible).</summary>
    public string? Find(string name)
    {
        if (!IsValidName(name) && !IsValidPath(name)) return null;
        var path = Path.Combine(Folder, name.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path) ? path : null;
    }

    public bool Delete(string name)
    {
        if (Find(name) is not { } path) return false;
        File.Delete(path);
        return true;
    }

    /// <summary>An upload's stored name: a slug and a content hash, so it is cached as immutable.</summary>
    public static bool IsValidName(string name) => StoredName().IsMatch(name);

    /// <summary>A media path a recipe gives ("blog/2024/cover.jpg"): segments that start with a letter or digit, so never "..".</summary>
    public static bool IsValidPath(string path) => path.Length <= 512 && MediaPath().IsMatch(path);

    public static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };

    /// <summary>The extension for the image format the bytes start with, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "png";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "jpg";
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return "gif";
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "webp";
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,80}-[0-9a-f]{10}\\.(png|jpg|gif|webp)$")]
    private static partial Regex StoredName();

    [GeneratedRegex("^([A-Za-z0-9][A-Za-z0-9._-]{0,100}/){0,8}[A-Za-z0-9][A-Za-z0-9._-]{0,150}\\.(png|jpg|jpeg|gif|webp|PNG|JPG|JPEG|GIF|WEBP)$")]
    private static partial Regex MediaPath();
}
