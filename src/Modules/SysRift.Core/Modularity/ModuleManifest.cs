namespace SysRift.Core.Modularity;

/// <summary>What a module is, in a few words, and which modules it needs before it.</summary>
public sealed record ModuleManifest(string Name, string Description, params string[] Dependencies);
