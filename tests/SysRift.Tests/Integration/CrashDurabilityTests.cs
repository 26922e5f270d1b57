using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;

namespace SysRift.Tests.Integration;

/// <summary>
/// The real program (its own process, Kestrel, a SQLite file) is killed with SIGKILL in the middle of a
/// burst of saves through the admin. After a restart every save that was acknowledged (a redirect came
/// back) is there, the database passes its integrity check, and every item is in a known state.
/// </summary>
public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task Every_acknowledged_save_survives_a_sigkill()
    {
        var data = Directory.CreateTempSubdirectory("sysrift-crash-").FullName;
        var port = FreePort();
        var acknowledged = new List<string>();
        try
        {
            using (var first = await StartAsync(data, port))
            {
                using var client = await SignedInClientAsync(port);
                using var stop = new CancellationTokenSource();
                var burst = Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        var title = $"durable-{i:D4}";
                        try
                        {
                            if (await SaveAsync(client, title, i)) lock (acknowledged) acknowledged.Add(title);
                        }
                        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                        {
                            return; // the server died under this request: it was never acknowledged
                        }
                    }
                });

                while (true)
                {
                    await Task.Delay(100);
                    lock (acknowledged) if (acknowledged.Count >= 40) break;
                    Assert.False(burst.IsCompleted, "The burst of saves stopped before the kill.");
                }

                first.Kill(); // SIGKILL on Linux: no shutdown, no flush, no finally blocks
                await first.WaitForExitAsync();
                stop.Cancel();
                await burst;
            }

            using var second = await StartAsync(data, port);
            var database = Path.Combine(data, "sysrift.db");
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
            var stored = new HashSet<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT \"DisplayText\" FROM \"ContentVersions\" WHERE \"DisplayText\" LIKE 'durable-%'";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
            }

            var lost = acknowledged.Where(t => !stored.Contains(t)).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged saves were lost: {string.Join(", ", lost)}");
            Assert.Equal("0", await ScalarAsync(connection, "SELECT COUNT(*) FROM \"ContentItems\" i WHERE i.\"Status\" NOT IN ('Draft','Published','PublishedWithDraft','Unpublished','Deleted') OR (i.\"Status\" <> 'Deleted' AND NOT EXISTS (SELECT 1 FROM \"ContentVersions\" v WHERE v.\"ContentItemId\" = i.\"ContentItemId\" AND v.\"Latest\"))"));
            second.Kill();
            await second.WaitForExitAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<Process> StartAsync(string data, int port)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "SysRift.Web.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["SysRift__DataPath"] = data;
        start.Environment["SysRift__Setup__SiteName"] = "Crash test";
        start.Environment["SysRift__Setup__Recipe"] = "sysrift";
        start.Environment["SysRift__Setup__AdminUserName"] = SiteFactory.AdminUserName;
        start.Environment["SysRift__Setup__AdminEmail"] = "admin@example.com";
        start.Environment["SysRift__Setup__AdminPassword"] = SiteFactory.AdminPassword;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            Assert.False(process.HasExited, $"The site exited with {(process.HasExited ? process.ExitCode : 0)} while starting.");
            try
            {
                if ((await probe.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK) return process;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        process.Kill();
        throw new TimeoutException("The site did not become ready in 30 s.");
    }

    private static async Task<HttpClient> SignedInClientAsync(int port)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10),
        };
        var response = await AdminAccessTests.SignInAsync(client, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Creates a principle through the admin form; true when the server acknowledged it.</summary>
    private static async Task<bool> SaveAsync(HttpClient client, string title, int i)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/admin/content/Principle/new"));
        var token = page.QuerySelector("form.editor input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/admin/content/Principle/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["TitlePart.Title"] = title, ["Principle.Statement"] = "Saved during a crash test.",
            ["Principle.Order"] = (i % 900 + 10).ToString(System.Globalization.CultureInfo.InvariantCulture), ["submit"] = "draft",
        }));
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/admin/content/item/", StringComparison.Ordinal);
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
