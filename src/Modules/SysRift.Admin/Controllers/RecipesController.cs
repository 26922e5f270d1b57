using Microsoft.AspNetCore.Http;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Security;
using SysRift.Core.Security;
using SysRift.Core.Site;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;

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

    [HttpPost("dry-run"), RequestSizeLimit(MaxRecipeBytes + 64 * 1024), RequestFormLimits(MultipartBodyLengthLimit = MaxRecipeBytes + 64 * 1024)]
    public async Task<IActionResult> DryRun(IFormFile? file, bool skipUnsupported, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return Problem("Choose a recipe file (.json) to upload.");
        string json;
        using (var reader = new StreamReader(file.OpenReadStream()))
            json = await reader.ReadToEndAsync(cancellationToken);

        var report = await executor.DryRunAsync(json, await OptionsAsync(skipUnsupported, cancellationToken), cancellationToken);
        string? token = null;
        if (report.IsValid)
        {
            // Keep the upload for the apply step under a random name only this server knows.
            token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            Directory.CreateDirectory(UploadFolder);
            RemoveAbandonedUploads();
            await System.IO.File.WriteAllTextAsync(UploadPath(token), json, cancellationToken);
        }

        return View("Index", new RecipesViewModel(report, token, Path.GetFileName(file.FileName), skipUnsupported, null, null));
    }

    [HttpPost("apply")]
    public async Task<IActionResult> Apply(string? token, bool skipUnsupported, CancellationToken cancellationToken)
    {
        if (token is null || token.Length != 32 || !token.All(char.IsAsciiHexDigitLower) || !System.IO.File.Exists(UploadPath(token))
            || DateTime.UtcNow - System.IO.File.GetLastWriteTimeUtc(UploadPath(token)) > UploadLifetime)
            return Problem("That upload is gone (it is used once); upload the recipe again.");
        var json = await System.IO.File.ReadAllTextAsync(UploadPath(token), cancellationToken);
        var report = await executor.ImportAsync(json, await OptionsAsync(skipUnsupported, cancellationToken), cancellationToken);
        System.IO.File.Delete(UploadPath(token));
        if (!report.Applied) return View("Index", new RecipesViewModel(report, null, null, skipUnsupported, "Nothing was applied.", null));
        return RedirectWithMessage("/admin/recipes", "Recipe applied: " + string.Join(" ", report.Summary));
    }

    /// <summary>The signed-in user runs it and owns what names no owner; parameters('…') are the site's own.</summary>
    private async Task<RecipeOptions> OptionsAsync(bool skipUnsupported, CancellationToken cancellationToken) =>
        new() { SkipUnsupported = skipUnsupported, User = UserName, Parameters = await siteParameters.ReadAsync(cancellationToken) };

    /// <summary>A dry run whose upload was not applied within this time is abandoned: its file is removed.</summary>
    public static readonly TimeSpan UploadLifetime = TimeSpan.FromHours(1);

    private void RemoveAbandonedUploads()
    {
        foreach (var file in new DirectoryInfo(UploadFolder).EnumerateFiles("*.json"))
        {
            if (DateTime.UtcNow - file.LastWriteTimeUtc <= UploadLifetime) continue;
            try
            {
                file.Delete();
            }
            catch (IOException)
            {
                // Being applied right now by another request: it is removed by that request.
            }
        }
    }

    private string UploadFolder => Path.Combine(shell.DataPath, "recipe-uploads");

    private string UploadPath(string token) => Path.Combine(UploadFolder, token + ".json");

    private ViewResult Problem(string error)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", new RecipesViewModel(null, null, null, false, error, null));
    }
}
