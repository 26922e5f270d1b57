using SysRift.Contents.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Security;
using SysRift.Core.Audit;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>
/// The media library: upload images (checked from their bytes), give each its alt text and caption, see where
/// each is used, delete one or every orphan (a file no item uses).
/// </summary>
[Route("admin/media"), RequirePermission(Permissions.ManageMedia)]
public sealed class MediaController(MediaStore media, MediaUsage usage, AuditTrail audit) : AdminControllerBase
{
    public const int MaxTextLength = 1000;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await ModelAsync(Message, null, cancellationToken));

    // The limit is enforced while the body is read, before anything is buffered beyond it.
    [HttpPost(""), RequestSizeLimit(MediaStore.MaxBytes + 64 * 1024), RequestFormLimits(MultipartBodyLengthLimit = MediaStore.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, string? altText, CancellationToken cancellationToken)
    {
        if (file is null) return await RefusedAsync("Choose an image file to upload.", cancellationToken);
        if (altText?.Length > MaxTextLength) return await RefusedAsync($"The alt text is longer than {MaxTextLength} characters.", cancellationToken);
        await using var stream = file.OpenReadStream();
        var (stored, error) = await media.SaveAsync(file.FileName, stream, file.Length, cancellationToken);
        if (stored is null) return await RefusedAsync(error!, cancellationToken);
        if (!string.IsNullOrWhiteSpace(altText)) await media.DescribeAsync(stored.Name, altText, stored.Caption, cancellationToken);
        await audit.RecordAsync(UserName, AuditTrail.Categories.Media, "Upload", stored.Name, file.FileName, $"{stored.Bytes} bytes", cancellationToken);
        return RedirectWithMessage("/admin/media", string.IsNullOrWhiteSpace(altText)
            ? $"Uploaded {stored.Name}. Describe it below (its alt text) so the image is inserted with it."
            : $"Uploaded {stored.Name}. Insert it with ![{altText.Trim()}]({stored.Url}).");
    }

    /// <summary>Alt text and caption of one file.</summary>
    [HttpPost("describe")]
    public async Task<IActionResult> Describe(string? name, string? altText, string? caption, CancellationToken cancellationToken)
    {
        if (altText?.Length > MaxTextLength || caption?.Length > MaxTextLength)
            return await RefusedAsync($"Alt text and caption are at most {MaxTextLength} characters.", cancellationToken);
        if (name is null || !await media.DescribeAsync(name, altText, caption, cancellationToken)) return RedirectWithMessage("/admin/media", "There is no such file.");
        await audit.RecordAsync(UserName, AuditTrail.Categories.Media, "Describe", name, name, $"Alt text: {altText?.Trim()}\nCaption: {caption?.Trim()}", cancellationToken);
        return RedirectWithMessage("/admin/media", $"Saved the description of {name}.");
    }

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(string? name, CancellationToken cancellationToken)
    {
        if (name is null) return RedirectWithMessage("/admin/media", "There is no such file.");
        var users = (await usage.OfAsync([name], cancellationToken))[name];
        if (!await media.DeleteAsync(name, cancellationToken)) return RedirectWithMessage("/admin/media", "There is no such file.");
        await audit.RecordAsync(UserName, AuditTrail.Categories.Media, "Delete", name, name, users.Count == 0 ? "Used by no item." : "Was used by: " + string.Join(", ", users.Select(u => u.DisplayText)), cancellationToken);
        return RedirectWithMessage("/admin/media", users.Count == 0
            ? $"Deleted {name}."
            : $"Deleted {name}. {users.Count} item(s) showed it ({string.Join(", ", users.Select(u => u.DisplayText))}): they show a missing image until edited.");
    }

    /// <summary>Deletes every file no item uses (as listed when the page was shown, checked again now).</summary>
    [HttpPost("delete-orphans")]
    public async Task<IActionResult> DeleteOrphans(CancellationToken cancellationToken)
    {
        var names = (await media.ListAsync(cancellationToken)).Select(f => f.Name).ToList();
        var orphans = (await usage.OfAsync(names, cancellationToken)).Where(u => u.Value.Count == 0).Select(u => u.Key).ToList();
        foreach (var name in orphans) await media.DeleteAsync(name, cancellationToken);
        if (orphans.Count > 0)
            await audit.RecordAsync(UserName, AuditTrail.Categories.Media, "DeleteOrphans", null, $"{orphans.Count} file(s)", string.Join("\n", orphans), cancellationToken);
        return RedirectWithMessage("/admin/media", orphans.Count == 0 ? "There were no unused files." : $"Deleted {orphans.Count} unused file(s).");
    }

    private async Task<ViewResult> RefusedAsync(string error, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await ModelAsync(null, error, cancellationToken));
    }

    private async Task<MediaViewModel> ModelAsync(string? message, string? error, CancellationToken cancellationToken)
    {
        var files = await media.ListAsync(cancellationToken);
        var used = await usage.OfAsync(files.Select(f => f.Name), cancellationToken);
        return new MediaViewModel(files.Select(f => new MediaRow(f, used[f.Name])).ToList(), message, error);
    }

    public sealed record MediaRow(MediaStore.MediaFile File, IReadOnlyList<MediaUsage.User> UsedBy);

    public sealed record MediaViewModel(IReadOnlyList<MediaRow> Files, string? Message, string? Error)
    {
        public int Orphans => Files.Count(f => f.UsedBy.Count == 0);
    }
}
