using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace SysRift.Contents.Media;

/// <summary>
/// Gives the library's images in rendered HTML what a page needs: width and height (no layout shift), lazy
/// loading, and WebP copies at the widths of <see cref="ImageProcessing.VariantWidths"/> in a picture element,
/// with the image itself as the fallback. Works on the sanitised HTML of Markdown and HTML fields (trusted
/// output at this point); images outside the library are left as they are. A singleton that opens a
/// database scope only for HTML that has library images: every view injects it, and a scoped service with
/// a DbContext behind it cost each render a context and its options (a profile of the home page showed 15%).
/// </summary>
public sealed partial class ResponsiveImages(IServiceScopeFactory scopes)
{
    /// <summary>How wide images show in the reading column: the theme's measure (44rem) on a wide screen, the screen's width on a phone.</summary>
    public const string ReadingSizes = "(min-width: 48rem) 44rem, 100vw";

    public async Task<string> RewriteAsync(string html, string sizes = ReadingSizes, CancellationToken cancellationToken = default)
    {
        var images = LibraryImage().Matches(html);
        if (images.Count == 0) return html;
        await using var scope = scopes.CreateAsyncScope();
        var media = scope.ServiceProvider.GetRequiredService<MediaStore>();
        var files = await media.FindAllAsync(images.Select(m => WebUtility.HtmlDecode(m.Groups["name"].Value)).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        return LibraryImage().Replace(html, match =>
            files.TryGetValue(WebUtility.HtmlDecode(match.Groups["name"].Value), out var file) ? Tag(match.Groups["name"].Value, match.Groups["rest"].Value, file, sizes) : match.Value);
    }

    /// <summary>The picture for one library image (its attributes other than src kept, alt among them).</summary>
    public static string Tag(string encodedName, string attributes, MediaStore.StoredFile file, string sizes)
    {
        var img = new StringBuilder($"<img src=\"/media/{encodedName}\"{attributes.TrimEnd('/', ' ')}");
        if (file.Width is { } width && file.Height is { } height) img.Append($" width=\"{width}\" height=\"{height}\"");
        img.Append(" loading=\"lazy\" decoding=\"async\">");
        if (file.ContentType == "image/gif" || file.Width is not { } own) return img.ToString();
        var candidates = ImageProcessing.VariantWidths.Where(w => w < own).Append(own)
            .Select(w => $"/media/{encodedName}?w={w} {w}w");
        return $"<picture><source type=\"image/webp\" srcset=\"{string.Join(", ", candidates)}\" sizes=\"{sizes}\">{img}</picture>";
    }

    // The sanitiser writes src first; the rest of the tag (alt, title) is kept as written.
    [GeneratedRegex("<img src=\"/media/(?<name>[^\"?#]+)\"(?<rest>[^>]*)>")]
    private static partial Regex LibraryImage();
}
