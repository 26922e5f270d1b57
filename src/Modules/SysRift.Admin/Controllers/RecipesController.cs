using Microsoft.AspNetCore.Http;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Security;
using SysRift.Core.Security;
using SysRift.Core.Site;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;
using SysRift.Recipes.Reading;

namespace SysRift.Admin.Controllers;

/// <summary>
/// Import and export. Export downloads the whole site as a recipe. Import is two steps: upload, see the dry
/// run (every error with its step and JSON path, and what would change, tried in a transaction that is rolled
/// back), then apply the same uploaded file.
/// </summary>
[Route("admin/recipes"), RequirePermission(Permissions.ImportExport)]
public sealed class RecipesController(RecipeExecutor executor, RecipeExporter exporter, SiteRecipeParameters siteParameters, SiteShell shell) : AdminControllerBase
{
    public const long MaxRecipeBytes = 50 * 1024 * 1024;

    public sealed record RecipesViewModel(RecipeReport? Report, string? Token, string? FileName, bool SkipUnsupported, string? Error, string? Message);

    [HttpGet("")]
    public IActionResult Index() => View(new RecipesViewModel(null, null, null, false, null, Message));

    [HttpGet("export")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var recipe = await exporter.ExportAsync(cancellationToken);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(recipe, new JsonSerializerOptions { WriteIndented = true });
        return File(bytes, "application/json", $"sysrift-{DateTime.UtcNow:yyyyMMdd-HHmm}.recipe.json");
    }

    /// <summary>The site as an Orchard deployment package: Recipe.json and the media files (built in a temporary file removed once sent).</summary>
    [HttpGet("export-package")]
    public async Task<IActionResult> ExportPackage(CancellationToken cancellationToken)
    {
        var temporary = new FileStream(Path.Combine(Path.GetTempPath(), "sysrift-export-" + Guid.NewGuid().ToString("N") + ".zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await exporter.ExportPackageAsync(temporary, cancellationToken);
        temporary.Position = 0;
        return File(temporary, "application/zip", $"sysrift-{DateTime.UtcNow:yyyyMMdd-HHmm}.zip");
    }

    [HttpPost("dry-run"), RequestSizeLimit(MaxRecipeBytes + 64 * 1024), RequestFormLimits(MultipartBodyLengthLimit = MaxRecipeBytes + 64 * 1024)]
    public async Task<IActionResult> DryRun(IFormFile? file, bool skipUnsupported, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return Problem("Choose a recipe file (.json) or a deployment package (.zip) to upload.");
        // Kept for the apply step under a random name only this server knows: the recipe, or the unpacked package.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Directory.CreateDirectory(UploadFolder);
        RemoveAbandonedUploads();
        string? source = null;
        await using (var upload = file.OpenReadStream())
        {
            var header = new byte[4];
            var read = await upload.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            if (RecipePackage.IsZip(header.AsSpan(0, read)))
            {
                // A package is unpacked into its own folder; its Recipe.json runs from there, so the media step finds its files.
                await using var copy = new MemoryStream();
                await copy.WriteAsync(header.AsMemory(0, read), cancellationToken);
                await upload.CopyToAsync(copy, cancellationToken);
                copy.Position = 0;
                try
                {
                    source = RecipePackage.Extract(copy, PackageFolder(token));
                }
                catch (InvalidDataException error)
                {
                    RemoveUpload(token);
                    return Problem(error.Message);
                }
            }
            else
            {
                // Written to disk as it arrives: the recipe is read from there, never held in memory whole.
                await using var saved = System.IO.File.Create(UploadPath(token));
                await saved.WriteAsync(header.AsMemory(0, read), cancellationToken);
                await upload.CopyToAsync(saved, cancellationToken);
            }
        }

        var recipe = RecipeSource.FromFile(source ?? UploadPath(token));
        var report = await executor.DryRunAsync(recipe, await OptionsAsync(skipUnsupported, source, cancellationToken), cancellationToken);
        if (!report.IsValid)
        {
            RemoveUpload(token);
            return View("Index", new RecipesViewModel(report, null, Path.GetFileName(file.FileName), skipUnsupported, null, null));
        }

        return View("Index", new RecipesViewModel(report, token, Path.GetFileName(file.FileName), skipUnsupported, null, null));
    }

    [HttpPost("apply")]
    public async Task<IActionResult> Apply(string? token, bool skipUnsupported, CancellationToken cancellationToken)
    {
        var package = token is null ? null : Path.Combine(PackageFolder(token), RecipePackage.RecipeEntry);
        var upload = package is not null && System.IO.File.Exists(package) ? package : token is null ? null : UploadPath(token);
        if (token is null || token.Length != 32 || !token.All(char.IsAsciiHexDigitLower) || !System.IO.File.Exists(upload)
            || DateTime.UtcNow - System.IO.File.GetLastWriteTimeUtc(upload) > UploadLifetime)
            return Problem("That upload is gone (it is used once); upload the recipe again.");
        var report = await executor.ImportAsync(RecipeSource.FromFile(upload), await OptionsAsync(skipUnsupported, upload == package ? package : null, cancellationToken), cancellationToken);
        RemoveUpload(token);
        if (!report.Applied) return View("Index", new RecipesViewModel(report, null, null, skipUnsupported, "Nothing was applied.", null));
        return RedirectWithMessage("/admin/recipes", "Recipe applied: " + string.Join(" ", report.Summary));
    }

    /// <summary>The signed-in user runs it and owns what names no owner; parameters('…') are the site's own.</summary>
    /// <param name="source">An unpacked package's Recipe.json (its media step reads the files beside it); null for an uploaded recipe.</param>
    private async Task<RecipeOptions> OptionsAsync(bool skipUnsupported, string? source, CancellationToken cancellationToken) =>
        new() { SkipUnsupported = skipUnsupported, User = UserName, Parameters = await siteParameters.ReadAsync(cancellationToken), Source = source };

    /// <summary>A dry run whose upload was not applied within this time is abandoned: its file is removed.</summary>
    public static readonly TimeSpan UploadLifetime = TimeSpan.FromHours(1);

    private void RemoveAbandonedUploads()
    {
        foreach (var entry in new DirectoryInfo(UploadFolder).EnumerateFileSystemInfos())
        {
            if (DateTime.UtcNow - entry.LastWriteTimeUtc <= UploadLifetime) continue;
            try
            {
                if (entry is DirectoryInfo folder) folder.Delete(recursive: true);
                else entry.Delete();
            }
            catch (IOException)
            {
                // Being applied right now by another request: it is removed by that request.
            }
        }
    }

    private void RemoveUpload(string token)
    {
        if (System.IO.File.Exists(UploadPath(token))) System.IO.File.Delete(UploadPath(token));
        if (Directory.Exists(PackageFolder(token))) Directory.Delete(PackageFolder(token), recursive: true);
    }

    private string PackageFolder(string token) => Path.Combine(UploadFolder, token);

    private string UploadFolder => Path.Combine(shell.DataPath, "recipe-uploads");

    private string UploadPath(string token) => Path.Combine(UploadFolder, token + ".json");

    private ViewResult Problem(string error)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", new RecipesViewModel(null, null, null, false, error, null));
    }
}
