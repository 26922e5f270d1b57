using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SysRift.Contents.Media;

/// <summary>
/// Serves /media/{name} from the data path. Uploads are content-addressed (their names end in a hash of the
/// bytes), so they never change under their name and may be cached for a year; media paths from recipes are
/// cached for an hour. Only well-formed names and paths are looked up: "../", encoded slashes and other names
/// are a 404 before the file system is touched.
/// </summary>
public static class MediaEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/media/{**name}", ["GET", "HEAD"], (string name, MediaStore media, HttpContext context) =>
        {
            if (media.Find(name) is not { } path) return Results.NotFound();
            // A hashed upload never changes; a recipe's path ("blog/cover.jpg") can be given new bytes by a later import.
            context.Response.Headers.CacheControl = MediaStore.IsValidName(name) ? "public, max-age=31536000, immutable" : "public, max-age=3600";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(path, MediaStore.ContentType(name), enableRangeProcessing: true, lastModified: File.GetLastWriteTimeUtc(path));
        });
}
