namespace SysRift.Core.Modularity;

/// <summary>The modules this host was composed from, in dependency order.</summary>
public sealed class ModuleCatalog
{
    public ModuleCatalog(IEnumerable<IModuleStartup> modules)
    {
        Modules = Order(modules.ToList());
    }

    public IReadOnlyList<IModuleStartup> Modules { get; }

    public bool Has(string name) => Modules.Any(m => string.Equals(m.Manifest.Name, name, StringComparison.OrdinalIgnoreCase));

    // A missing dependency is a composition error: fail at start with the names, not later with a null.
    private static List<IModuleStartup> Order(List<IModuleStartup> modules)
    {
        var byName = modules.ToDictionary(m => m.Manifest.Name, StringComparer.OrdinalIgnoreCase);
        var missing = modules
            .SelectMany(m => m.Manifest.Dependencies.Where(d => !byName.ContainsKey(d)).Select(d => $"{m.Manifest.Name} needs {d}"))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("Module dependencies are missing: " + string.Join("; ", missing));
        }

        var ordered = new List<IModuleStartup>();
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Visit(IModuleStartup module)
        {
            if (ordered.Contains(module)) return;
            if (!visiting.Add(module.Manifest.Name))
                throw new InvalidOperationException($"Module dependency cycle through {module.Manifest.Name}.");
            foreach (var dependency in module.Manifest.Dependencies) Visit(byName[dependency]);
            ordered.Add(module);
        }

        modules.ForEach(Visit);
        return ordered;
    }
}
