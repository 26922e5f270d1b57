using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>
/// /metrics as Prometheus itself sees it: Debian's promtool accepts the exposition, and a real Prometheus
/// server on loopback scrapes the running site and answers a query for its request rate.
/// </summary>
public sealed class PrometheusScrapeTests
{
    [PrometheusFact]
    public async Task Promtool_accepts_the_metrics_and_a_real_prometheus_answers_the_request_rate()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var port = FreePort();
        using var site = Start("dotnet", database.DataPath, new Dictionary<string, string>
        {
            ["SysRift__DataPath"] = database.DataPath, ["DOTNET_ENVIRONMENT"] = "Production",
            ["SysRift__Database__Provider"] = "Sqlite", ["SysRift__Database__ConnectionString"] = database.ConnectionString,
            ["SysRift__Setup__SiteName"] = "Scraped", ["SysRift__Setup__Recipe"] = "sysrift", ["SysRift__Setup__AdminUserName"] = SiteFactory.AdminUserName,
            ["SysRift__Setup__AdminEmail"] = "admin@example.com", ["SysRift__Setup__AdminPassword"] = SiteFactory.AdminPassword,
        }, Path.Combine(AppContext.BaseDirectory, "SysRift.Web.dll"), $"--urls=http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await UntilAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the site to be ready");
        for (var i = 0; i < 20; i++) await http.GetAsync(i % 2 == 0 ? "/" : "/about");

        // promtool's own checks of the text format (and its naming lint).
        var exposition = await http.GetStringAsync("/metrics");
        Assert.Contains("kestrel_", exposition, StringComparison.Ordinal); // Kestrel's own meter, now that Kestrel serves
        var (exit, output) = await RunAsync("promtool", exposition, "check", "metrics");
        Assert.True(exit == 0, $"promtool check metrics failed ({exit}):\n{output}");

        var folder = Directory.CreateTempSubdirectory("sysrift-prometheus-").FullName;
        var prometheusPort = FreePort();
        File.WriteAllText(Path.Combine(folder, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: sysrift
                static_configs:
                  - targets: ["127.0.0.1:{port}"]
            """);
        using var prometheus = Start("prometheus", folder, [], $"--config.file={Path.Combine(folder, "prometheus.yml")}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{prometheusPort}");
        try
        {
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{prometheusPort}"), Timeout = TimeSpan.FromSeconds(10) };
            var query = Uri.EscapeDataString("sum(rate(http_server_request_duration_seconds_count{job=\"sysrift\"}[10s]))");
            double rate = 0;
            await UntilAsync(async () =>
            {
                for (var i = 0; i < 10; i++) await http.GetAsync("/");
                var answer = JsonNode.Parse(await api.GetStringAsync($"/api/v1/query?query={query}"));
                var result = answer?["data"]?["result"]?.AsArray();
                rate = result is { Count: > 0 } ? double.Parse((string)result[0]!["value"]![1]!, System.Globalization.CultureInfo.InvariantCulture) : 0;
                return rate > 0;
            }, "Prometheus to report a request rate");
            Assert.True(rate > 0);
            // The standard labels a stock ASP.NET Core dashboard groups by are there.
            var routes = JsonNode.Parse(await api.GetStringAsync("/api/v1/label/http_route/values"))!["data"]!.AsArray().Select(v => (string?)v).ToList();
            Assert.Contains("{**path}", routes);
        }
        finally
        {
            Stop(prometheus);
            Stop(site);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Process Start(string file, string directory, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string input, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, output);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Waited 90 s for {what}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Needs Debian's prometheus package (prometheus, promtool): skipped with the reason outside CI, failed under CI=true.</summary>
public sealed class PrometheusFactAttribute : FactAttribute
{
    public PrometheusFactAttribute()
    {
        if (!PostgresServer.IsCi && !File.Exists("/usr/bin/prometheus")) Skip = "Prometheus is not installed (apt-get install prometheus); CI installs it.";
    }
}
