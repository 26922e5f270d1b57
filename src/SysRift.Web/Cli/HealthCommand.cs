using System.CommandLine;

namespace SysRift.Web.Cli;

/// <summary>health [--url URL]: exit 0 when URL/health/ready answers 200 (the container's HEALTHCHECK).</summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The site's address.", DefaultValueFactory = _ => "http://localhost:8080" };
        var command = new Command("health", "Exit 0 when the site's /health/ready answers 200 (for a container HEALTHCHECK).") { url };
        command.SetAction((result, cancellationToken) => HealthAsync(result.GetValue(url)!, cancellationToken));
        return command;
    }

    private static async Task<int> HealthAsync(string baseUrl, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(baseUrl.TrimEnd('/') + "/health/ready", cancellationToken);
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response.IsSuccessStatusCode ? CommandLine.Success : CommandLine.Failure;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"error: {baseUrl} does not answer: {exception.Message}");
            return CommandLine.Failure;
        }
    }
}
