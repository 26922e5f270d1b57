using NetVips;

namespace SysRift.Contents.Media;

/// <summary>
/// What is done to images, on libvips (NetVips): an upload loses its metadata (EXIF with its GPS position, XMP,
/// IPTC; the colour profile stays) with its EXIF orientation applied to the pixels, and pages get WebP copies
/// at a few widths. GIFs and other animated images are served as they came (their frames are their point).
/// libvips for its autorotation and metadata control in one call, shrink-on-load thumbnails that never decode
/// a 4000 px photo whole, and low memory per image (see bench/images.sh for the measurement against SkiaSharp).
/// </summary>
public static class ImageProcessing
{
    /// <summary>The widths pages offer (srcset); the image's own width is offered too.</summary>
    public static readonly int[] VariantWidths = [480, 960, 1600];

    /// <summary>Images larger than this many pixels are refused at upload (a small file can decode to gigabytes).</summary>
    public const long MaxPixels = 60_000_000;

    public sealed record Prepared(byte[] Served, byte[]? Original, int? Width, int? Height);

    /// <summary>
    /// The bytes to serve for an upload of <paramref name="kind"/> (png, jpg, gif, webp), and the original when they
    /// differ; null with a reason when the image cannot be used.
    /// </summary>
    public static (Prepared? Image, string? Error) PrepareUpload(byte[] bytes, string kind)
    {
        try
        {
            // Random access: turning an image upright reads it in another order than it is stored.
            using var image = Image.NewFromBuffer(bytes);
            var pages = image.Contains("n-pages") ? Convert.ToInt32(image.Get("n-pages"), System.Globalization.CultureInfo.InvariantCulture) : 1;
            var height = pages > 1 && image.Contains("page-height") ? Convert.ToInt32(image.Get("page-height"), System.Globalization.CultureInfo.InvariantCulture) : image.Height;
            if ((long)image.Width * height > MaxPixels)
                return (null, $"The image is {image.Width} × {height} pixels; at most {MaxPixels / 1_000_000} million pixels are accepted.");
            if (kind == "gif" || pages > 1) return (new Prepared(bytes, null, image.Width, height), null);
            var fields = image.GetFields();
            if (!fields.Any(f => f is "exif-data" or "xmp-data" or "iptc-data" or "orientation")) return (new Prepared(bytes, null, image.Width, image.Height), null);

            using var upright = image.Autorot();
            var served = kind switch
            {
                "jpg" => upright.JpegsaveBuffer(q: 92, keep: Enums.ForeignKeep.Icc),
                "png" => upright.PngsaveBuffer(keep: Enums.ForeignKeep.Icc),
                _ => upright.WebpsaveBuffer(q: 90, keep: Enums.ForeignKeep.Icc),
            };
            return (new Prepared(served, bytes, upright.Width, upright.Height), null);
        }
        catch (VipsException)
        {
            return (null, "The file starts like an image but cannot be read as one.");
        }
    }

    /// <summary>Width and height of an image (of one frame of an animation); nulls when it cannot be read.</summary>
    public static (int? Width, int? Height) Dimensions(byte[] bytes)
    {
        try
        {
            using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            var height = image.Contains("page-height") ? Convert.ToInt32(image.Get("page-height"), System.Globalization.CultureInfo.InvariantCulture) : image.Height;
            return (image.Width, height);
        }
        catch (VipsException)
        {
            return (null, null);
        }
    }

    /// <summary>A WebP copy of the image file at <paramref name="path"/>, <paramref name="width"/> pixels wide (never wider than it is).</summary>
    public static byte[] WebpVariant(string path, int width)
    {
        using var thumbnail = Image.Thumbnail(path, width, height: 10_000_000, size: Enums.Size.Down);
        return thumbnail.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None);
    }
}
