using SysRift.Contents.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Security;
using SysRift.Admin.Services;
using SysRift.Core.Audit;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>The media library: upload images (checked from their bytes), list them with the Markdown to insert, delete.</summary>
[Route("admin/media"), RequirePermission(Permissions.ManageMedia)]
public sealed class MediaController(MediaStore media, AuditTrail audit) : AdminControllerBase
{
    [HttpGet("")]
    public IActionResult Index() => View(new MediaViewModel(media.List(), Message, null));

    // The limit is enforced while the body is read, before anything is buffered beyond it.
    [HttpPost(""), RequestSizeLimit(MediaStore.MaxBytes + 64 * 1024), RequestFormLimits(MultipartBodyLengthLimit = MediaStore.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null) return Refused("Choose an image file to upload.");
        await using var stream = file.OpenReadStream();
        var (stored, error) = await media.SaveAsync(file.FileName, stream, file.Length, cancellationToken);
        if (stored is null) return Refused(error!);
        await audit.RecordAsync(UserName, AuditTrail.Categories.Media, "Upload", stored.Name, file.FileName, $"{stored.Bytes} bytes", cancellationToken);
        return RedirectWithMessage("/admin/media", $"Uploaded {stored.Name}. Insert it with ![description]({stored.Url}).");
    }

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(string? name, CancellationToken cancellationToken)
    {
        if (name is null || !media.Delete(name)) return RedirectWithMessage("/admin/media", "There is no such file.");
        await audit.RecordAsync(UserName, AuditTrail.Categories.Media, "Delete", name, name, cancellationToken: cancellationToken);
        return RedirectWithMessage("/admin/media", $"Deleted {name}. Pages that show it now show a broken image until edited.");
    }

    private ViewResult Refused(string error)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", new MediaViewModel(media.List(), null, error));
    }

    public sealed record MediaViewModel(IReadOnlyList<MediaStore.MediaFile> Files, string? Message, string? Error);
}
