#!/usr/bin/env bash
# Generates the compiled EF Core models again from SysRiftDbContext.OnModelCreating, one per provider. Run it after
# any change to the model (SchemaTests fails until you do). Needs the dotnet-ef tool:
#   dotnet tool install -g dotnet-ef --version 10.0.14
# The design-time project lives in a temporary folder, so the site never references EF Core's design package.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
core="$(cd "$here/../.." && pwd)/SysRift.Core.csproj"
efcore=$(grep -o 'Microsoft.EntityFrameworkCore.Relational" Version="[^"]*' "$here/../../../../../Directory.Packages.props" | sed 's/.*Version="//')
design=$(mktemp -d)
trap 'rm -rf "$design"' EXIT
cat > "$design/Design.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="$efcore" />
    <ProjectReference Include="$core" />
  </ItemGroup>
</Project>
XML
cat > "$design/Program.cs" <<'CS'
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SysRift.Core.Data;

public sealed class Factory : IDesignTimeDbContextFactory<SysRiftDbContext>
{
    public SysRiftDbContext CreateDbContext(string[] args)
    {
        var provider = Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable("SYSRIFT_MODEL_PROVIDER")!);
        var builder = new DbContextOptionsBuilder<SysRiftDbContext>();
        DatabaseConfigurator.Configure(builder, new DatabaseSettings(provider, provider == DatabaseProvider.Sqlite ? "Data Source=design.db" : "Host=localhost;Database=design"), compiledModel: false);
        return new SysRiftDbContext(builder.Options);
    }
}

public static class Program { public static void Main() { } }
CS
dotnet restore "$design/Design.csproj" >/dev/null
# Generated beside, then swapped in: the project must keep compiling (with the old models) while it runs.
for provider in Sqlite Postgres; do
  SYSRIFT_MODEL_PROVIDER=$provider dotnet ef dbcontext optimize --project "$core" --startup-project "$design/Design.csproj" \
    --context SysRiftDbContext --output-dir "$design/out/$provider" --namespace "SysRift.Core.Data.CompiledModels.$provider"
  # The attribute would make EF use this model for every provider; DatabaseConfigurator picks one per provider instead.
  rm -f "$design/out/$provider/SysRiftDbContextAssemblyAttributes.cs"
done
for provider in Sqlite Postgres; do
  rm -rf "${here:?}/$provider"
  mv "$design/out/$provider" "$here/$provider"
done
