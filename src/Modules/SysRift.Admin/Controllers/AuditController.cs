using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Security;
using SysRift.Core.Audit;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>The audit trail, newest first, filtered by user, category, text and day. Read-only: there is no way to change it.</summary>
[Route("admin/audit"), RequirePermission(Permissions.ViewAuditTrail)]
public sealed class AuditController(AuditTrail audit) : AdminControllerBase
{
    public const int PageSize = 50;

    public sealed record AuditViewModel(AuditTrail.Filter Filter, IReadOnlyList<Core.Data.AuditRecord> Entries, int Total, int Page, string? From, string? To)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? user, string? category, string? q, string? from, string? to, int page = 1, CancellationToken cancellationToken = default)
    {
        var filter = new AuditTrail.Filter(user, category, q, Day(from), Day(to)?.AddDays(1));
        var (entries, total) = await audit.QueryAsync(filter, Math.Max(1, page), PageSize, cancellationToken);
        return View(new AuditViewModel(filter, entries, total, Math.Max(1, page), from, to));
    }

    private static DateTime? Day(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day) ? day : null;
}
