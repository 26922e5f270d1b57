using SysRift.Admin.Editors;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Security;
using SysRift.Core.Signals;
using SysRift.Core.Site;

namespace SysRift.Admin.Controllers;

/// <summary>Site settings: name, owner, tagline, navigation, social links, footer and the home page's sections (the words around them: LabelsController).</summary>
[Route("admin/settings"), RequirePermission(Permissions.ManageSettings)]
public sealed class SettingsController(SysRiftDbContext db, DocumentStore documents, AuditTrail audit) : AdminControllerBase
{
    private const string ThemeDocument = SiteSettings.NamedSettingsPrefix + ThemeSettings.Key;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var (site, theme) = await ReadAsync(cancellationToken);
        return View(new SettingsViewModel(ToForm(site, theme), new Dictionary<string, string>(), Message, LegacyStatus(theme)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(SettingsForm form, CancellationToken cancellationToken)
    {
        Normalize(form);
        var errors = Validate(form);
        var (site, theme) = await ReadAsync(cancellationToken);
        if (errors.Count == 0 && Fingerprint(site, theme) != form.Version)
            errors[""] = "Someone else changed the settings since you opened this page. Your input is kept below; check their change on a fresh page before saving again.";
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            FillSectionNames(form);
            return View("Index", new SettingsViewModel(form, errors, null, LegacyStatus(theme)));
        }

        var before = SettingsAudit.Text(site, theme);
        site.SiteName = form.SiteName.Trim();
        site.BaseUrl = string.IsNullOrWhiteSpace(form.BaseUrl) ? null : form.BaseUrl.Trim().TrimEnd('/');
        site.PageSize = form.PageSize;
        site.TimeZoneId = form.TimeZoneId.Trim();
        theme.Owner = form.Owner.Trim();
        theme.Tagline = form.Tagline.Trim();
        theme.JobTitle = form.JobTitle.Trim();
        theme.Description = form.Description.Trim();
        theme.Footer = form.Footer.Trim();
        theme.Navigation = form.Navigation.Select(l => new NavigationLink { Text = l.Text.Trim(), Url = l.Url.Trim() }).ToList();
        theme.SocialLinks = form.SocialLinks.Select(l => new NavigationLink { Text = l.Text.Trim(), Url = l.Url.Trim() }).ToList();
        theme.HomeSections = form.HomeSections.Where(s => ThemeSettings.DefaultHomeSections.Any(d => d.Key == s.Key))
            .OrderBy(s => s.Position).Select(s => new HomeSection { Key = s.Key, Visible = s.Visible }).ToList();
        var after = SettingsAudit.Text(site, theme);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await documents.SaveAsync(SiteSettings.DocumentName, site, ChangeTopics.Site, cancellationToken);
        await documents.SaveAsync(ThemeDocument, theme, ChangeTopics.Site, cancellationToken);
        audit.Add(UserName, AuditTrail.Categories.Settings, "Update", "Site", "Site settings", SettingsAudit.Details(before, after));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage("/admin/settings", "Settings saved. Visitors see them on their next page.");
    }

#pragma warning disable CS0618 // read once more, only to show it: see ThemeSettings.StatusLine
    private static string? LegacyStatus(ThemeSettings theme) => theme.StatusLine is { Length: > 0 } status ? status : null;
#pragma warning restore CS0618

    private async Task<(SiteSettings Site, ThemeSettings Theme)> ReadAsync(CancellationToken cancellationToken) =>
        (await documents.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken) ?? new SiteSettings(),
         await documents.GetAsync<ThemeSettings>(ThemeDocument, cancellationToken) ?? new ThemeSettings());

    /// <summary>A short hash of both documents, posted back to notice a concurrent change.</summary>
    private static int Fingerprint(SiteSettings site, ThemeSettings theme) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(site) + JsonSerializer.Serialize(theme))), 0) & 0x7FFFFFFF;

    private static SettingsForm ToForm(SiteSettings site, ThemeSettings theme)
    {
        var form = new SettingsForm
        {
            SiteName = site.SiteName, BaseUrl = site.BaseUrl, PageSize = site.PageSize, TimeZoneId = site.TimeZoneId,
            Owner = theme.Owner, Tagline = theme.Tagline, JobTitle = theme.JobTitle, Description = theme.Description, Footer = theme.Footer,
            Navigation = theme.Navigation, SocialLinks = theme.SocialLinks,
            HomeSections = theme.EffectiveHomeSections().Select((s, i) => new HomeSectionRow { Key = s.Key, Position = i + 1, Visible = s.Visible }).ToList(),
            Version = Fingerprint(site, theme),
        };
        FillSectionNames(form);
        return form;
    }

    private static void FillSectionNames(SettingsForm form)
    {
        foreach (var row in form.HomeSections)
            row.Name = ThemeSettings.DefaultHomeSections.FirstOrDefault(d => d.Key == row.Key).Name ?? row.Key;
    }

    private static Dictionary<string, string> Validate(SettingsForm form)
    {
        var errors = new Dictionary<string, string>();
        if (SiteSettingsRules.SiteName(form.SiteName) is { } name) errors[nameof(form.SiteName)] = name;
        if (SiteSettingsRules.BaseUrl(form.BaseUrl) is { } url) errors[nameof(form.BaseUrl)] = url;
        if (form.PageSize is < 1 or > 100) errors[nameof(form.PageSize)] = "Items per page must be between 1 and 100.";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(form.TimeZoneId.Trim(), out _)) errors[nameof(form.TimeZoneId)] = $"\"{form.TimeZoneId}\" is not a time zone this server knows (such as UTC or Europe/Paris).";
        var theme = new ThemeSettings { Owner = form.Owner, Tagline = form.Tagline, JobTitle = form.JobTitle, Description = form.Description, Footer = form.Footer, Navigation = form.Navigation, SocialLinks = form.SocialLinks };
        foreach (var (key, message) in SiteSettingsRules.Theme(theme)) errors[key] = message;
        return errors;
    }

    /// <summary>
    /// Empty inputs bind to null (MVC's default): every optional text becomes "" here, once, so nothing
    /// below has to guess, and an unchanged form on a fresh site saves instead of failing.
    /// </summary>
    private static void Normalize(SettingsForm form)
    {
        form.SiteName ??= "";
        form.TimeZoneId ??= "";
        form.Owner ??= "";
        form.Tagline ??= "";
        form.JobTitle ??= "";
        form.Description ??= "";
        form.Footer ??= "";
        form.Navigation = Links(form.Navigation);
        form.SocialLinks = Links(form.SocialLinks);
        form.HomeSections = (form.HomeSections ?? []).Where(s => s is not null).ToList();
        foreach (var section in form.HomeSections) section.Key ??= "";
    }

    private static List<NavigationLink> Links(List<NavigationLink>? links) =>
        (links ?? []).Where(l => l is not null && (!string.IsNullOrWhiteSpace(l.Text) || !string.IsNullOrWhiteSpace(l.Url)))
            .Select(l => new NavigationLink { Text = l.Text ?? "", Url = l.Url ?? "" }).ToList();
}
