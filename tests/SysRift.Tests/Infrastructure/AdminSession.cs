using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace SysRift.Tests;

/// <summary>
/// A signed-in browser for admin tests: it reads pages and submits their forms the way a browser does
/// (every input, checked box and selected option of the form, plus the button pressed), so tests go
/// through the same HTML an editor uses.
/// </summary>
public sealed class AdminSession(SiteFactory site, HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<AdminSession> SignInAsync(SiteFactory site, string user = SiteFactory.AdminUserName, string password = SiteFactory.AdminPassword)
    {
        var client = site.Browser();
        var response = await Integration.AdminAccessTests.SignInAsync(client, user, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {user} answered {(int)response.StatusCode}");
        return new AdminSession(site, client);
    }

    /// <summary>Creates a user with the given roles (straight through Identity, as setup would).</summary>
    public static Task CreateUserAsync(SiteFactory site, string name, string password, params string[] roles) => site.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser(name) { Email = name + "@example.com", EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0) Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
    });

    public async Task<IHtmlDocument> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(path);
        Assert.True(response.StatusCode == expected, $"GET {path} answered {(int)response.StatusCode}, expected {(int)expected}");
        return await SiteFactory.ParseAsync(response);
    }

    /// <summary>The form's fields as a browser would send them, with <paramref name="changes"/> applied.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IElement form, IDictionary<string, string>? changes = null, string? submit = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) values.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "file":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected)) values.Add(new(name, option.Value));
                    break;
            }
        }

        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        if (submit is not null) values.Add(new("submit", submit));
        return values;
    }

    /// <summary>Submits the form matching <paramref name="selector"/> on <paramref name="page"/>.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string selector, IDictionary<string, string>? changes = null, string? submit = null)
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No form {selector} on the page.");
        return Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(FormValues(form, changes, submit)));
    }

    /// <summary>Posts raw fields with a valid antiforgery token for this session.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var token = await TokenAsync();
        var all = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        all.AddRange(fields ?? []);
        return await Client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    private string? _token;

    public async Task<string> TokenAsync()
    {
        if (_token is not null) return _token;
        var page = await SiteFactory.ParseAsync(await Client.GetAsync("/login"));
        _token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return _token;
    }

    public SiteFactory Site { get; } = site;

    /// <summary>Where a redirect points, as a path and query (the cookie handler writes absolute URLs).</summary>
    public static string Target(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
