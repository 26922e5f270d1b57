using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SysRift.Admin.Services;

/// <summary>
/// Serves /media/{name} from the data path. Names are content-addressed (they end in a hash of the bytes),
/// so a file never changes under its name and may be cached for a year. Only well-formed stored names are
/// looked up: "../", encoded slashes and other names are a 404 before the file system is touched.
/// </summary>
public static class MediaEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/media/{name}", ["GET", "HEAD"], (string name, MediaStore media, HttpContext context) =>
        {
            if (media.Find(name) is not { } path) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(path, MediaStore.ContentType(name), enableRangeProcessing: true, lastModified: File.GetLastWriteTimeUtc(path));
        });
}
