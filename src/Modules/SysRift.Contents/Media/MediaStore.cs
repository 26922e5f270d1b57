using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Parts;
using SysRift.Core.Data;
using SysRift.Core.Signals;
using SysRift.Core.Site;

namespace SysRift.Contents.Media;

/// <summary>
/// The media library, kept in the database (<see cref="MediaFileRecord"/>): an upload on one node is served by
/// every node once it commits, a delete reaches every node, and a backup of the database holds the images.
/// Each node serves from a disk copy named by the bytes' hash under {DataPath}/media-cache, written on first
/// use; only the row's small columns are read per request, so a deleted file is gone everywhere at once.
/// The type is read from the file's first bytes (PNG, JPEG, GIF, WebP), never from its name or the browser's
/// claim; anything else (SVG included, which can carry script) is refused. Uploads are named by a slug of the
/// original name plus a content hash, so a name never changes meaning and can be cached for a year. Files a
/// recipe's media step brings keep the paths its items refer to ("blog/cover.jpg", as in Orchard's media
/// library): folders of plain names, never "..".
/// </summary>
public sealed partial class MediaStore(SysRiftDbContext db, SiteShell shell, TimeProvider clock, PendingChanges pending)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public sealed record MediaFile(string Name, long Bytes, DateTime ModifiedUtc, string? AltText = null, string? Caption = null)
    {
        public string Url => "/media/" + Name;
    }

    /// <summary>What serving a file needs, without its bytes.</summary>
    public sealed record StoredFile(string Path, string ContentType, string Sha256, DateTime ModifiedUtc, int? Width = null, int? Height = null);

    /// <summary>This node's disk copies, one per content hash.</summary>
    public string CacheFolder => System.IO.Path.Combine(shell.DataPath, "media-cache");

    /// <summary>Where media lived before it moved into the database (imported once by <see cref="ImportFolderAsync"/>).</summary>
    public string LegacyFolder => System.IO.Path.Combine(shell.DataPath, "media");

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
        // What is served has no EXIF (no GPS position) and stands upright; the upload as it came is kept beside it.
        var (prepared, problem) = ImageProcessing.PrepareUpload(bytes, extension);
        if (prepared is null) return (null, problem);
        var original = prepared.Original;
        bytes = prepared.Served;

        var stem = AutoroutePart.Slugify(System.IO.Path.GetFileNameWithoutExtension(originalName));
        if (stem.Length == 0) stem = "image";
        if (stem.Length > 60) stem = stem[..60].Trim('-');
        var sha = Hash(bytes);
        var name = $"{stem}-{sha[..10]}.{extension}";

        // The same bytes under the same name are the same file: uploading it twice stores it once.
        if (await db.MediaFiles.AsNoTracking().Where(f => f.Path == name).Select(f => new { f.Length, f.ModifiedUtc, f.AltText, f.Caption }).FirstOrDefaultAsync(cancellationToken) is { } existing)
            return (new MediaFile(name, existing.Length, existing.ModifiedUtc, existing.AltText, existing.Caption), null);
        var now = clock.GetUtcNow().UtcDateTime;
        db.MediaFiles.Add(new MediaFileRecord
        {
            Path = name, ContentType = ContentType(name), Content = bytes, Length = bytes.Length, Sha256 = sha, CreatedUtc = now, ModifiedUtc = now,
            Width = prepared.Width, Height = prepared.Height, Original = original,
        });
        try
        {
            pending.Add(ChangeTopics.Media);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DatabaseRaces.IsUniqueViolation(error))
        {
            // Someone uploaded the same bytes under the same name a moment before: that is this file.
            db.ChangeTracker.Clear();
        }

        return (new MediaFile(name, bytes.Length, now), null);
    }

    /// <summary>
    /// Stores <paramref name="bytes"/> at an Orchard media path (a recipe's media step), replacing what is there,
    /// in the caller's unit of work: a refused import stores nothing. Returns why it was refused, or null.
    /// </summary>
    public async Task<string?> SaveAtAsync(string mediaPath, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (Check(mediaPath, bytes) is { } problem) return problem;
        var now = clock.GetUtcNow().UtcDateTime;
        var (width, height) = ImageProcessing.Dimensions(bytes);
        var record = await db.MediaFiles.AsTracking().FirstOrDefaultAsync(f => f.Path == mediaPath, cancellationToken);
        if (record is null)
        {
            db.MediaFiles.Add(new MediaFileRecord
            {
                Path = mediaPath, ContentType = ContentType(mediaPath), Content = bytes, Length = bytes.Length, Sha256 = Hash(bytes), CreatedUtc = now, ModifiedUtc = now,
                Width = width, Height = height,
            });
        }
        else
        {
            record.Content = bytes;
            record.Length = bytes.Length;
            record.Sha256 = Hash(bytes);
            record.ContentType = ContentType(mediaPath);
            record.ModifiedUtc = now;
            record.Width = width;
            record.Height = height;
            record.Original = null;
        }

        pending.Add(ChangeTopics.Media);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Why <paramref name="bytes"/> cannot be stored at <paramref name="mediaPath"/>, or null.</summary>
    public static string? Check(string mediaPath, ReadOnlySpan<byte> bytes)
    {
        if (!IsValidPath(mediaPath)) return $"\"{mediaPath}\" is not a media path SysRift stores: folders and a file name of letters, digits, '.', '_' and '-', ending in .png, .jpg, .jpeg, .gif or .webp.";
        if (bytes.Length == 0) return "The file is empty.";
        if (bytes.Length > MaxBytes) return $"The file is {bytes.Length / 1024} KB; the limit is {MaxBytes / 1024 / 1024} MB.";
        if (Sniff(bytes) is not { } kind) return "Only PNG, JPEG, GIF and WebP images are stored (the file's content is none of these; SVG is not accepted).";
        var extension = System.IO.Path.GetExtension(mediaPath).TrimStart('.').ToLowerInvariant();
        return (extension == "jpeg" ? "jpg" : extension) == kind ? null : $"The file's content is {kind.ToUpperInvariant()}, not what its name ends in (.{extension}).";
    }

    /// <summary>Every file, newest first, without its bytes.</summary>
    public async Task<IReadOnlyList<MediaFile>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.MediaFiles.AsNoTracking().Select(f => new MediaFile(f.Path, f.Length, f.ModifiedUtc, f.AltText, f.Caption)).ToListAsync(cancellationToken))
            .OrderByDescending(f => f.ModifiedUtc).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>The file at a well-formed name or media path, or null (no lookup for anything else: no traversal possible).</summary>
    public Task<StoredFile?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        !IsValidName(name) && !IsValidPath(name)
            ? Task.FromResult<StoredFile?>(null)
            : db.MediaFiles.AsNoTracking().Where(f => f.Path == name).Select(f => new StoredFile(f.Path, f.ContentType, f.Sha256, f.ModifiedUtc, f.Width, f.Height)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The files at these media paths that exist (one query), for pages that show them; such a page depends on
    /// the library (<see cref="ChangeTopics.Media"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StoredFile>> FindAllAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        if (names.Count == 0) return new Dictionary<string, StoredFile>();
        ReadDependencies.TrackReadsHere();
        ReadDependencies.Record(ChangeTopics.Media);
        return await db.MediaFiles.AsNoTracking().Where(f => names.Contains(f.Path))
            .Select(f => new StoredFile(f.Path, f.ContentType, f.Sha256, f.ModifiedUtc, f.Width, f.Height)).ToDictionaryAsync(f => f.Path, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>
    /// This node's WebP copy of the file at <paramref name="width"/> pixels (one of <see cref="ImageProcessing.VariantWidths"/>
    /// or the image's own width), made from its disk copy on first use; null for GIFs and widths not offered.
    /// </summary>
    public async Task<string?> VariantAsync(StoredFile file, int width, CancellationToken cancellationToken = default)
    {
        if (file.ContentType == "image/gif" || file.Width is not { } own || (width != own && !(ImageProcessing.VariantWidths.Contains(width) && width < own))) return null;
        var path = System.IO.Path.Combine(CacheFolder, $"{file.Sha256}-w{width}.webp");
        if (File.Exists(path)) return path;
        if (await LocalCopyAsync(file, cancellationToken) is not { } source) return null;
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, ImageProcessing.WebpVariant(source, width), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>This node's disk copy of the file, written from the database the first time it is asked for.</summary>
    public async Task<string?> LocalCopyAsync(StoredFile file, CancellationToken cancellationToken = default)
    {
        var path = System.IO.Path.Combine(CacheFolder, file.Sha256 + System.IO.Path.GetExtension(file.Path).ToLowerInvariant());
        if (File.Exists(path)) return path;
        var bytes = await db.MediaFiles.AsNoTracking().Where(f => f.Path == file.Path && f.Sha256 == file.Sha256).Select(f => f.Content).FirstOrDefaultAsync(cancellationToken);
        if (bytes is null) return null;
        Directory.CreateDirectory(CacheFolder);
        // Written next to it, then moved: a reader on this node never sees half a file.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Deletes the file on every node (its row); this node's disk copy goes too when no other file shares it.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(name, cancellationToken) is not { } file) return false;
        await db.MediaFiles.Where(f => f.Path == name).ExecuteDeleteAsync(cancellationToken);
        Announce();
        var copy = System.IO.Path.Combine(CacheFolder, file.Sha256 + System.IO.Path.GetExtension(file.Path).ToLowerInvariant());
        if (File.Exists(copy) && !await db.MediaFiles.AnyAsync(f => f.Sha256 == file.Sha256, cancellationToken)) File.Delete(copy);
        return true;
    }

    /// <summary>Sets the alt text and caption of a file; false when there is no such file.</summary>
    public async Task<bool> DescribeAsync(string name, string? altText, string? caption, CancellationToken cancellationToken = default)
    {
        var changed = await db.MediaFiles.Where(f => f.Path == name).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.AltText, string.IsNullOrWhiteSpace(altText) ? null : altText.Trim())
            .SetProperty(f => f.Caption, string.IsNullOrWhiteSpace(caption) ? null : caption.Trim()), cancellationToken) > 0;
        if (changed) Announce();
        return changed;
    }

    /// <summary>Bulk statements bypass SaveChanges: the library's change is announced here (at the commit, inside a transaction).</summary>
    private void Announce()
    {
        pending.Add(ChangeTopics.Media);
        if (db.Database.CurrentTransaction is null) pending.Flush();
    }

    /// <summary>How many files and bytes the library holds (the system page).</summary>
    public async Task<(int Files, long Bytes)> TotalsAsync(CancellationToken cancellationToken = default)
    {
        var files = await db.MediaFiles.CountAsync(cancellationToken);
        return (files, files == 0 ? 0 : await db.MediaFiles.SumAsync(f => f.Length, cancellationToken));
    }

    /// <summary>
    /// Moves the files of a site from before media was kept in the database ({DataPath}/media) into it, once:
    /// files already there are left as they are, files that are not images are reported and left on disk.
    /// </summary>
    public async Task<(int Imported, IReadOnlyList<string> Skipped)> ImportFolderAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(LegacyFolder)) return (0, []);
        var imported = 0;
        var skipped = new List<string>();
        foreach (var file in new DirectoryInfo(LegacyFolder).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetRelativePath(LegacyFolder, file.FullName).Replace(System.IO.Path.DirectorySeparatorChar, '/');
            if (await db.MediaFiles.AnyAsync(f => f.Path == name, cancellationToken)) continue;
            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            if (Check(name, bytes) is { } problem)
            {
                skipped.Add($"{name}: {problem}");
                continue;
            }

            var (width, height) = ImageProcessing.Dimensions(bytes);
            db.MediaFiles.Add(new MediaFileRecord
            {
                Path = name, ContentType = ContentType(name), Content = bytes, Length = bytes.Length, Sha256 = Hash(bytes),
                CreatedUtc = file.LastWriteTimeUtc, ModifiedUtc = file.LastWriteTimeUtc, Width = width, Height = height,
            });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            imported++;
        }

        return (imported, skipped);
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>An upload's stored name: a slug and a content hash, so it is cached as immutable.</summary>
    public static bool IsValidName(string name) => StoredName().IsMatch(name);

    /// <summary>A media path a recipe gives ("blog/2024/cover.jpg"): segments that start with a letter or digit, so never "..".</summary>
    public static bool IsValidPath(string path) => path.Length <= 512 && MediaPath().IsMatch(path);

    public static string ContentType(string name) => System.IO.Path.GetExtension(name).ToLowerInvariant() switch
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
