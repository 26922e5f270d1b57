using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SysRift.Core.Site;

namespace SysRift.Core.Security;

/// <summary>
/// The Data Protection key ring: ASP.NET Core's EF Core store (PersistKeysToDbContext on the site's database),
/// so a cookie issued by one node is read by every other. Before setup there is no database: keys live in
/// memory for that first process (they only protect the setup form's antiforgery token).
/// </summary>
public sealed class SiteKeyRing(SiteShell shell, IXmlRepository database) : IXmlRepository
{
    private readonly List<XElement> _beforeSetup = [];

    public IReadOnlyCollection<XElement> GetAllElements() => shell.IsRunning ? database.GetAllElements() : [.. _beforeSetup];

    public void StoreElement(XElement element, string friendlyName)
    {
        if (shell.IsRunning) database.StoreElement(element, friendlyName);
        else _beforeSetup.Add(element);
    }
}
