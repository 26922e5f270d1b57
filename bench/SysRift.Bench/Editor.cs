using System.Net;
using System.Text.RegularExpressions;

/// <summary>
/// An editor for bench/load-while-publishing.sh: signs in, then opens one item's editor and publishes it, again
/// and again, until a stop file appears; prints "published failed". One process with one keep-alive
/// connection, as a browser holds it: a shell loop of curl, grep and sed spent about twice the server's CPU per
/// round on starting processes, on the two cores the visitors and the server share.
/// </summary>
internal static partial class Editor
{
    public static async Task RunAsync(Uri site, string userName, string password, string contentType, string stopFile)
    {
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site };
        var signIn = await client.PostAsync("/login", Form(await TokenAsync(client, "/login"), ("UserName", userName), ("Password", password), ("ReturnUrl", "/admin")));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)signIn.StatusCode}");
        var id = ItemLink().Match(await client.GetStringAsync($"/admin/content/{contentType}")) is { Success: true } link
            ? link.Groups[1].Value
            : throw new InvalidOperationException($"no {contentType} in the admin list");

        int published = 0, failed = 0;
        while (!File.Exists(stopFile))
        {
            try
            {
                var token = await TokenAsync(client, $"/admin/content/item/{id}");
                var publish = await client.PostAsync($"/admin/content/item/{id}/publish", Form(token));
                if (publish.StatusCode == HttpStatusCode.Redirect) published++;
                else failed++;
            }
            catch (HttpRequestException)
            {
                failed++;
            }

            await Task.Delay(50);
        }

        Console.WriteLine($"{published} {failed}");
    }

    private static async Task<string> TokenAsync(HttpClient client, string path) =>
        AntiforgeryToken().Match(await client.GetStringAsync(path)) is { Success: true } token
            ? token.Groups[1].Value
            : throw new HttpRequestException($"no form token on {path}");

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("href=\"/admin/content/item/([A-Za-z0-9]+)\"")]
    private static partial Regex ItemLink();
}
