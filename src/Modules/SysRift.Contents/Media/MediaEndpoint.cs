using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SysRift.Contents.Media;

/// <summary>
/// Serves /media/{name} from the media library (every node the same, from the database through this node's
/// disk copy). Uploads are content-addressed (their names end in a hash of the bytes), so they never change
/// under their name and may be cached for a year; media paths from recipes are cached for an hour. Only
/// well-formed names and paths are looked up: "../", encoded slashes and other names are a 404 at once.
/// </summary>
public static class MediaEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/media/{**name}", ["GET", "HEAD"], async (string name, MediaStore media, HttpContext context) =>
        {
            if (await media.FindAsync(name, context.RequestAborted) is not { } file) return Results.NotFound();
            // ?w=960: a WebP copy that wide (the widths pages offer in srcset); anything else is a 404, so no one can
            // make this node resize an image to any size they like.
            if (context.Request.Query.TryGetValue("w", out var asked))
            {
                if (!int.TryParse(asked, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width)
                    || await media.VariantAsync(file, width, context.RequestAborted) is not { } variant)
                    return Results.NotFound();
                context.Response.Headers.CacheControl = MediaStore.IsValidName(name) ? "public, max-age=31536000, immutable" : "public, max-age=3600";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(variant, "image/webp", lastModified: file.ModifiedUtc);
            }

            if (await media.LocalCopyAsync(file, context.RequestAborted) is not { } path) return Results.NotFound();
            // A hashed upload never changes; a recipe's path ("blog/cover.jpg") can be given new bytes by a later import.
            context.Response.Headers.CacheControl = MediaStore.IsValidName(name) ? "public, max-age=31536000, immutable" : "public, max-age=3600";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(path, file.ContentType, enableRangeProcessing: true, lastModified: file.ModifiedUtc,
                entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + file.Sha256[..16] + "\""));
        });
}
