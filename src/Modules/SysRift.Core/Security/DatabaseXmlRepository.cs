using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;
using SysRift.Core.Site;

namespace SysRift.Core.Security;

/// <summary>
/// Keeps the Data Protection key ring in the site's database, so a cookie issued by one node is read by
/// every other. Before setup there is no database: keys live in memory for that first process (they only
/// protect the setup form's antiforgery token).
/// </summary>
public sealed class DatabaseXmlRepository(SiteShell shell) : IXmlRepository
{
    private readonly List<XElement> _beforeSetup = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!shell.IsRunning) return [.. _beforeSetup];
        using var context = DatabaseConfigurator.CreateContext(shell.Database);
        return context.Database.SqlQueryRaw<string>("SELECT \"Xml\" AS \"Value\" FROM \"DataProtectionKeys\"").ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        if (!shell.IsRunning)
        {
            _beforeSetup.Add(element);
            return;
        }

        using var context = DatabaseConfigurator.CreateContext(shell.Database);
        var xml = element.ToString(SaveOptions.DisableFormatting);
        // Two nodes may create a key at the same moment; each key has its own name, so both are kept.
        context.Database.ExecuteSql($"INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ({friendlyName}, {xml})");
    }
}
