using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SysRift.Contents.Parts;
using SysRift.Core.Site;

namespace SysRift.Admin.Services;

/// <summary>
/// Images under {DataPath}/media, one flat folder. The type is read from the file's first bytes (PNG, JPEG,
/// GIF, WebP), never from its name or the browser's claim; anything else (SVG included, which can carry
/// script) is refused. Stored names are a slug of the original name plus a content hash, so a name never
/// changes meaning and the files can be cached for a year.
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

    public IReadOnlyList<MediaFile> List() =>
        Directory.Exists(Folder)
            ? new DirectoryInfo(Folder).EnumerateFiles().Where(f => IsValidName(f.Name))
                .OrderByDescending(f => f.LastWriteTimeUtc).Select(f => new MediaFile(f.Name, f.Length, f.LastWriteTimeUtc)).ToList()
            : [];

    /// <summary>The file's full path, only for a well-formed name of a file that exists (no traversal possible).</summary>
    public string? Find(string name)
    {
        if (!IsValidName(name)) return null;
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? path : null;
    }

    public bool Delete(string name)
    {
        if (Find(name) is not { } path) return false;
        File.Delete(path);
        return true;
    }

    public static bool IsValidName(string name) => StoredName().IsMatch(name);

    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
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
}
