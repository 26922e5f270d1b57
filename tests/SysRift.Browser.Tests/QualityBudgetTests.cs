using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace SysRift.Browser.Tests;

/// <summary>Accessibility (axe-core), HTML validity (Nu Html Checker) and page weight, measured by tools we did not write.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QualityBudgetTests(BrowserSite site)
{
    public static TheoryData<string, ColorScheme> PagesAndSchemes()
    {
        var data = new TheoryData<string, ColorScheme>();
        foreach (var path in PageTypes)
        {
            data.Add(path, ColorScheme.Light);
            data.Add(path, ColorScheme.Dark);
        }

        return data;
    }

    private static readonly string[] PageTypes = ["/", "/about", "/articles", "/articles?focus=APIs", "/articles/why-distributed-systems-fail", "/search?q=state", "/no-such-page"];

    [BrowserTheory, MemberData(nameof(PagesAndSchemes))]
    public async Task Every_page_type_has_no_axe_violations_in_either_colour_scheme(string path, ColorScheme scheme)
    {
        var page = await site.PageAsync(1280, scheme, bypassCsp: true);
        await page.GotoAsync(path);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Tools.AxeScript });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [BrowserFact]
    public async Task Every_page_type_is_valid_html()
    {
        var folder = Directory.CreateTempSubdirectory("sysrift-vnu-").FullName;
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var files = new List<string>();
        foreach (var (path, index) in PageTypes.Select((p, i) => (p, i)))
        {
            var response = await http.GetAsync(path);
            var file = Path.Combine(folder, $"page{index}.html");
            await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
            files.Add(file);
        }

        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-jar", Tools.VnuJar, "--errors-only", "--format", "text" }.Concat(files)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
    }

    [BrowserFact]
    public async Task The_home_page_stays_within_its_weight_budget()
    {
        var page = await site.PageAsync(1280);
        var bytes = new Dictionary<string, long>();
        page.Response += (_, response) =>
        {
            var type = response.Headers.TryGetValue("content-type", out var value) ? value : "";
            lock (bytes) bytes[response.Url] = type.Contains("javascript", StringComparison.Ordinal) ? -1 : 0;
        };
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        long total = 0, script = 0;
        using var http = new HttpClient();
        foreach (var url in bytes.Keys)
        {
            // Uncompressed sizes, as the budget is stated.
            var length = (await http.GetByteArrayAsync(url)).LongLength;
            total += length;
            if (bytes[url] < 0) script += length;
        }

        Assert.True(total < 100 * 1024, $"home page HTML+CSS+JS is {total:N0} bytes (budget 100 KB)");
        Assert.True(script < 10 * 1024, $"home page JavaScript is {script:N0} bytes (budget 10 KB)");
        await File.WriteAllTextAsync(Path.Combine(Tools.ArtifactsFolder, "home-budget.txt"), $"total {total} bytes, javascript {script} bytes, {bytes.Count} requests\n");
    }
}
