namespace SysRift.Core.Data;

/// <summary>
/// One file of the media library, bytes included. In the database so that every node serves an upload the
/// moment it commits, a delete reaches every node, and a backup or a dump of the database holds the images
/// too. Each node keeps a disk copy per content hash (MediaStore), so serving reads the database only for
/// this row's small columns.
/// </summary>
public sealed class MediaFileRecord
{
    /// <summary>The media path: an upload's stored name ("cover-1a2b3c4d5e.jpg") or a recipe's path ("blog/cover.jpg").</summary>
    public required string Path { get; set; }

    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public long Length { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex: the name of each node's disk copy.</summary>
    public required string Sha256 { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }

    /// <summary>What the image shows, for people who cannot see it: used when the image is inserted.</summary>
    public string? AltText { get; set; }

    public string? Caption { get; set; }

    /// <summary>Pixel size, read from the file: pages give every image its width and height (no layout shift).</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>
    /// An upload exactly as it arrived, when what is served differs from it (its metadata stripped, its EXIF
    /// orientation applied to the pixels). Kept, never served.
    /// </summary>
    public byte[]? Original { get; set; }
}
