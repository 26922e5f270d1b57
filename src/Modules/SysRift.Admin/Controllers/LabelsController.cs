using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Editors;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Security;
using SysRift.Core.Signals;
using SysRift.Core.Site;

namespace SysRift.Admin.Controllers;

/// <summary>
/// The words the theme prints (Settings → Labels): each label with its default, where it shows, and the owner's
/// own text. Only changed labels are stored; an emptied field goes back to its default.
/// </summary>
[Route("admin/settings/labels"), RequirePermission(Permissions.ManageSettings)]
public sealed class LabelsController(SysRiftDbContext db, DocumentStore documents, AuditTrail audit) : AdminControllerBase
{
    private const string Document = SiteSettings.NamedSettingsPrefix + SiteLabels.Key;
    public const int MaxLength = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var labels = await ReadAsync(cancellationToken);
        return View(Model(labels.Values, Fingerprint(labels), new Dictionary<string, string>(), Message));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save([FromForm] Dictionary<string, string?> labels, [FromForm] int version, CancellationToken cancellationToken)
    {
        var given = SiteLabels.All.ToDictionary(l => l.Key, l => (labels.GetValueOrDefault(l.Key) ?? "").Trim(), StringComparer.Ordinal);
        var errors = new Dictionary<string, string>();
        foreach (var (key, value) in given)
        {
            if (value.Length > MaxLength) errors[key] = $"At most {MaxLength} characters.";
        }

        if (given["ReadArticlesUrl"] is { Length: > 0 } url && !(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) && !SafeUrl.IsSafe(url))
            errors["ReadArticlesUrl"] = "Give a path on this site (/articles) or an http(s) address.";
        var current = await ReadAsync(cancellationToken);
        if (errors.Count == 0 && Fingerprint(current) != version)
            errors[""] = "Someone else changed the labels since you opened this page. Your input is kept below; check their change on a fresh page before saving again.";
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", Model(given, version, errors, null));
        }

        var changed = new SiteLabels
        {
            Values = given.Where(g => g.Value.Length > 0 && g.Value != SiteLabels.All.First(l => l.Key == g.Key).Default).ToDictionary(StringComparer.Ordinal),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await documents.SaveAsync(Document, changed, ChangeTopics.Site, cancellationToken);
        audit.Add(UserName, AuditTrail.Categories.Settings, "UpdateLabels", "Labels", "Labels", SettingsAudit.Details(Text(current), Text(changed)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage("/admin/settings/labels", "Labels saved. Visitors see them on their next page.");
    }

    private async Task<SiteLabels> ReadAsync(CancellationToken cancellationToken) => await documents.GetAsync<SiteLabels>(Document, cancellationToken) ?? new SiteLabels();

    private static LabelsViewModel Model(IReadOnlyDictionary<string, string> values, int version, IReadOnlyDictionary<string, string> errors, string? message) =>
        new(SiteLabels.All.Select(l => new LabelRow(l.Key, l.Default, l.Where, values.GetValueOrDefault(l.Key) ?? "")).ToList(), version, errors, message);

    // Every label as a "Key: text" line, so the audit trail shows a word-level diff of what changed.
    private static string Text(SiteLabels labels) => string.Join('\n', SiteLabels.All.Select(l => $"{l.Key}: {labels[l.Key]}"));

    private static int Fingerprint(SiteLabels labels) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(labels.Values.OrderBy(v => v.Key, StringComparer.Ordinal)))), 0) & 0x7FFFFFFF;
}
