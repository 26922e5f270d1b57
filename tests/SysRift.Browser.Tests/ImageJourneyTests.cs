using Microsoft.Playwright;
using NetVips;

namespace SysRift.Browser.Tests;

/// <summary>
/// Issue 15 as a phone meets it: an editor uploads a 4000 × 3000 camera photo and puts it in an article; at
/// 390 px the page downloads a WebP copy under 150 KB, not the photo, and nothing moves as it loads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImageJourneyTests(BrowserSite site)
{
    private const string ArticlePath = "/articles/observability-for-workflow-systems";

    [BrowserTheory, InlineData(ColorScheme.Light), InlineData(ColorScheme.Dark)]
    public async Task A_phone_downloads_a_small_copy_of_an_uploaded_photo_and_the_page_does_not_shift(ColorScheme scheme)
    {
        var image = await PhotoInArticleAsync();
        var phone = await site.PageAsync(390, scheme);
        var fetched = new List<(string Url, int Bytes)>();
        phone.Response += async (_, response) =>
        {
            if (!response.Url.Contains("/media/", StringComparison.Ordinal)) return;
            try { fetched.Add((response.Url, (await response.BodyAsync()).Length)); } catch (PlaywrightException) { /* the page moved on */ }
        };
        // Layout shifts summed as the page loads and the image scrolls in (the Layout Instability API).
        await phone.AddInitScriptAsync("window.__shift = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });");
        await phone.GotoAsync(ArticlePath);
        var picture = phone.Locator($".prose picture img[src='{image}']");
        await picture.ScrollIntoViewIfNeededAsync();
        await Expect(picture).ToBeVisibleAsync();
        await phone.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await picture.ElementHandleAsync());
        await phone.WaitForTimeoutAsync(300);

        Assert.Contains(fetched, f => f.Url.Contains("?w=", StringComparison.Ordinal));
        Assert.DoesNotContain(fetched, f => f.Url.EndsWith(image, StringComparison.Ordinal));
        var copy = fetched.Single(f => f.Url.Contains(image + "?w=", StringComparison.Ordinal));
        Assert.True(copy.Bytes < 150 * 1024, $"{copy.Url}: {copy.Bytes / 1024} KB");
        var shift = await phone.EvaluateAsync<double>("window.__shift");
        Assert.True(shift < 0.001, $"cumulative layout shift {shift}");
        // The image keeps its proportions in the column.
        var box = (await picture.BoundingBoxAsync())!;
        Assert.InRange(box.Height / box.Width, 0.75 - 0.02, 0.75 + 0.02);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Tools.ArtifactsFolder, $"article-photo-390-{scheme}.png".ToLowerInvariant()) });
    }

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _image;

    /// <summary>The editor's part, done once for the collection: upload the photo, put it in the article, publish.</summary>
    private async Task<string> PhotoInArticleAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_image is not null) return _image;
            var admin = await site.PageAsync(1280, storageState: await site.AdminStateAsync("admin", "browser test passphrase"));
            var file = Path.Combine(Path.GetTempPath(), $"IMG_{Guid.NewGuid():N}.jpg");
            await File.WriteAllBytesAsync(file, CameraPhoto());
            await admin.GotoAsync("/admin/media");
            await admin.Locator("#m-file").SetInputFilesAsync(file);
            await admin.Locator("#m-alt").FillAsync("A harbour at dusk, seen from the pier");
            await admin.Locator("button", new() { HasTextString = "Upload" }).ClickAsync();
            await Expect(admin.Locator(".flash")).ToContainTextAsync("Uploaded");
            var image = (await admin.Locator(".media-grid li", new() { HasText = "img-" }).First.Locator("img").GetAttributeAsync("src"))!;

            await admin.GotoAsync("/admin/content/Article");
            await admin.Locator("table.content-list tbody a", new() { HasText = "Observability for Workflow Systems" }).ClickAsync();
            var body = admin.Locator("textarea[name='MarkdownBodyPart.Markdown']");
            await body.FillAsync($"A first paragraph before the photo.\n\n![A harbour at dusk, seen from the pier]({image})\n\n" + await body.InputValueAsync());
            await admin.Locator("button[value=publish]").ClickAsync();
            await Expect(admin.Locator(".flash")).ToContainTextAsync("Published");
            return _image = image;
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>A 4000 × 3000 camera JPEG with a GPS position in its EXIF.</summary>
    private static byte[] CameraPhoto()
    {
        using var colour = (Image.Black(4000, 3000, bands: 3) + new double[] { 40, 120, 200 }).Cast(Enums.BandFormat.Uchar);
        using var noise = Image.Gaussnoise(4000, 3000, sigma: 20).Cast(Enums.BandFormat.Uchar);
        using var photo = (colour + noise.Bandjoin(noise, noise)).Cast(Enums.BandFormat.Uchar);
        using var tagged = photo.Mutate(m => m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "48/1 51/1 2400/100"));
        return tagged.JpegsaveBuffer(q: 85);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
