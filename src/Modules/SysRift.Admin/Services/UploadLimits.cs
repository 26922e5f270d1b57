using SysRift.Contents.Media;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace SysRift.Admin.Services;

/// <summary>
/// Refuses an upload whose declared size is over its endpoint's limit before a byte of it is read: 413 with
/// a sentence. (A body without a declared length is cut off by the server's per-endpoint size limit.)
/// </summary>
public sealed class UploadLimits(RequestDelegate next)
{
    private static readonly (string Path, long Bytes)[] Limits =
    [
        ("/admin/media", MediaStore.MaxBytes + 64 * 1024),
        ("/admin/recipes/dry-run", Controllers.RecipesController.MaxRecipeBytes + 64 * 1024),
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.ContentLength is { } length)
        {
            foreach (var (path, bytes) in Limits)
            {
                // "/admin/media/" routes to the same action as "/admin/media".
                var requested = context.Request.Path.Value?.TrimEnd('/') ?? "";
                if (!requested.Equals(path, StringComparison.OrdinalIgnoreCase) || length <= bytes) continue;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too large</title></head><body><h1>Too large</h1>" +
                    $"<p>This upload is {length / 1024 / 1024} MB; the limit here is {bytes / 1024 / 1024} MB. Nothing was saved.</p>" +
                    $"<p><a href=\"{WebUtility.HtmlEncode(path)}\">Back</a></p></body></html>");
                return;
            }
        }

        await next(context);
    }
}
