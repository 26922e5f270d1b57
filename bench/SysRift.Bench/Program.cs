using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Reading;
using SysRift.Web.Composition;

// Imports a generated recipe of N articles into a fresh SQLite site, then measures lookups by path and
// paged listings on that data. Reference for the import: the same rows inserted with plain ADO.NET in
// one transaction, in the same run, on the same disk.
// "generate N FILE" only writes the recipe (for bench/http.sh), "editor ..." publishes (below); otherwise:
// import benchmark of N items.
if (args is ["generate", var n, var file])
{
    Generate(int.Parse(n, CultureInfo.InvariantCulture), file);
    return;
}

// "editor SITE USER PASSWORD TYPE STOPFILE": one editor publishing for bench/load-while-publishing.sh.
if (args is ["editor", var site, var user, var password, var type, var stopFile])
{
    await Editor.RunAsync(new Uri(site), user, password, type, stopFile);
    return;
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var dataPath = Directory.CreateTempSubdirectory("sysrift-bench-").FullName;
try
{
    Environment.SetEnvironmentVariable("SysRift__DataPath", dataPath);
    Environment.SetEnvironmentVariable("SysRift__Setup__SiteName", "Bench");
    Environment.SetEnvironmentVariable("SysRift__Setup__PublicUrl", "http://localhost");
    Environment.SetEnvironmentVariable("SysRift__Setup__Recipe", "blank");
    Environment.SetEnvironmentVariable("SysRift__Setup__AdminUserName", "admin");
    Environment.SetEnvironmentVariable("SysRift__Setup__AdminEmail", "admin@example.com");
    Environment.SetEnvironmentVariable("SysRift__Setup__AdminPassword", "a long bench passphrase");

    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.AddSysRift(SiteModules.All());
    await using var app = builder.Build();
    await app.InitializeSysRiftAsync();

    // The recipe is a file, as an operator's `recipe import FILE` reads it; the working set before the import is
    // the started site's, the peak during it is what the import adds on top.
    var recipeFile = Path.Combine(dataPath, "bench.recipe.json");
    Generate(count, recipeFile);
    Console.WriteLine($"recipe: {count:N0} articles, {new FileInfo(recipeFile).Length / 1024.0 / 1024.0:F1} MB of JSON");

    GC.Collect();
    var startedMb = Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0;
    var stopwatch = Stopwatch.StartNew();
    RecipeReport report;
    await using (var scope = app.Services.CreateAsyncScope())
        report = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ImportAsync(RecipeSource.FromFile(recipeFile), new RecipeOptions { Source = recipeFile });
    var importSeconds = stopwatch.Elapsed.TotalSeconds;
    if (!report.Applied) throw new InvalidOperationException(report.Describe());
    var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    Console.WriteLine($"working set of the started site before the import: {startedMb:N0} MB");

    var referenceSeconds = await ReferenceInsertAsync(dataPath, count);
    Console.WriteLine($"import: {importSeconds:F2} s, {count / importSeconds:N0} items/s, peak working set {peakMb:N0} MB");
    Console.WriteLine($"reference (plain ADO.NET insert of the same rows): {referenceSeconds:F2} s, {count / referenceSeconds:N0} rows/s");
    Console.WriteLine($"ratio: SysRift import takes {importSeconds / referenceSeconds:F1}x the reference");

    var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataPath, "sysrift.db")}");
    var random = new Random(42);
    var byPath = await MeasureAsync(2_000, async context =>
    {
        var path = $"articles/generated-article-{random.Next(count)}";
        var record = await context.ContentVersions.FirstOrDefaultAsync(v => v.Path == path && v.Published);
        _ = ContentVersionMapper.ToItem(record ?? throw new InvalidOperationException(path));
    }, settings);
    var paged = await MeasureAsync(500, async context =>
    {
        var page = random.Next(count / 10);
        var items = await context.ContentVersions.Where(v => v.ContentType == "Article" && v.Published)
            .OrderByDescending(v => v.PublishedUtc).ThenByDescending(v => v.Id).Skip(page * 10).Take(10).ToListAsync();
        _ = await context.ContentVersions.CountAsync(v => v.ContentType == "Article" && v.Published);
        if (items.Count == 0) throw new InvalidOperationException("empty page");
    }, settings);
    Console.WriteLine($"published item by path (database, no cache): p50 {byPath.P50:F2} ms, p95 {byPath.P95:F2} ms, p99 {byPath.P99:F2} ms");
    Console.WriteLine($"type listing page by page (10 per page + total): p50 {paged.P50:F2} ms, p95 {paged.P95:F2} ms, p99 {paged.P99:F2} ms");
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(dataPath, recursive: true);
}

static async Task<(double P50, double P95, double P99)> MeasureAsync(int iterations, Func<SysRiftDbContext, Task> work, DatabaseSettings settings)
{
    var timings = new List<double>(iterations);
    for (var i = 0; i < iterations + 50; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var context = DatabaseConfigurator.CreateContext(settings)) await work(context);
        if (i >= 50) timings.Add(stopwatch.Elapsed.TotalMilliseconds); // the first 50 warm up
    }

    timings.Sort();
    double At(double q) => timings[(int)Math.Min(timings.Count - 1, Math.Ceiling(q * timings.Count) - 1)];
    return (At(0.50), At(0.95), At(0.99));
}

/// <summary>Writes a recipe of <paramref name="count"/> generated articles to <paramref name="file"/>, one item at a time.</summary>
static void Generate(int count, string file)
{
    var paragraph = string.Join(' ', Enumerable.Repeat("Queues convert immediate pressure into delayed pressure, and latency accumulates where work appears safely buffered.", 12));
    using var stream = File.Create(file);
    using var writer = new Utf8JsonWriter(stream);
    writer.WriteStartObject();
    writer.WriteString("name", "bench");
    writer.WriteStartArray("steps");
    writer.WriteStartObject();
    writer.WriteString("name", "Content");
    writer.WriteStartArray("data");
    for (var i = 0; i < count; i++)
    {
        new JsonObject
        {
            ["ContentItemId"] = $"bench{i:D8}",
            ["ContentType"] = "Article",
            ["Published"] = true,
            ["Latest"] = true,
            ["PublishedUtc"] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i).ToString("O"),
            ["TitlePart"] = new JsonObject { ["Title"] = $"Generated article {i}" },
            ["AutoroutePart"] = new JsonObject { ["Path"] = $"articles/generated-article-{i}" },
            ["Article"] = new JsonObject
            {
                ["Summary"] = new JsonObject { ["Text"] = $"Summary of article {i}." },
                ["TlDr"] = new JsonObject { ["Text"] = "Measure, then move." },
                ["Tags"] = new JsonObject { ["Values"] = new JsonArray("queues", $"tag{i % 20}") },
            },
            ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = $"## Section\n\n{paragraph}\n\n## Another\n\n{paragraph}" },
        }.WriteTo(writer);
        if (i % 1000 == 0) writer.Flush();
    }

    writer.WriteEndArray();
    writer.WriteEndObject();
    writer.WriteEndArray();
    writer.WriteEndObject();
}

static async Task<double> ReferenceInsertAsync(string dataPath, int count)
{
    var body = new StringBuilder().Append('x', 3_000).ToString();
    await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "reference.db")}");
    await connection.OpenAsync();
    await using (var create = connection.CreateCommand())
    {
        create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE v (id INTEGER PRIMARY KEY, item TEXT, version TEXT, path TEXT, data TEXT); CREATE INDEX v_path ON v(path); CREATE TABLE i (id TEXT PRIMARY KEY, status TEXT)";
        await create.ExecuteNonQueryAsync();
    }

    var stopwatch = Stopwatch.StartNew();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = "INSERT INTO v (item, version, path, data) VALUES ($i, $v, $p, $d); INSERT INTO i (id, status) VALUES ($i, 'Published')";
    var (item, version, path, data) = (insert.Parameters.Add("$i", SqliteType.Text), insert.Parameters.Add("$v", SqliteType.Text), insert.Parameters.Add("$p", SqliteType.Text), insert.Parameters.Add("$d", SqliteType.Text));
    for (var n = 0; n < count; n++)
    {
        item.Value = $"bench{n:D8}";
        version.Value = Guid.NewGuid().ToString("N");
        path.Value = $"articles/generated-article-{n}";
        data.Value = body;
        await insert.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
    return stopwatch.Elapsed.TotalSeconds;
}
