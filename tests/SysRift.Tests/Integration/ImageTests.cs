using System.Net;
using Microsoft.EntityFrameworkCore;
using NetVips;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>
/// Issue 15, part 4: an uploaded photo loses its EXIF (its GPS position above all) and stands upright, the
/// original is kept; pages show it with width, height, lazy loading and WebP copies at a phone's and a desktop's
/// widths; an animated GIF keeps its frames.
/// </summary>
public sealed class ImageTests
{
    /// <summary>A 4000 × 3000 camera JPEG, to be turned a quarter (EXIF orientation 6), with a GPS position in its EXIF.</summary>
    private static byte[] CameraPhoto()
    {
        using var colour = (Image.Black(4000, 3000, bands: 3) + new double[] { 40, 120, 200 }).Cast(Enums.BandFormat.Uchar);
        using var noise = Image.Gaussnoise(4000, 3000, sigma: 30).Cast(Enums.BandFormat.Uchar);
        using var photo = (colour + noise.Bandjoin(noise, noise)).Cast(Enums.BandFormat.Uchar);
        using var tagged = photo.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "48/1 51/1 2400/100");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
        });
        return tagged.JpegsaveBuffer(q: 85);
    }

    [Fact]
    public async Task An_uploaded_photo_loses_its_gps_stands_upright_and_pages_give_a_phone_a_small_webp()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var photo = CameraPhoto();
        using (var camera = Image.NewFromBuffer(photo)) Assert.Contains(camera.GetFields(), f => f.Contains("GPS", StringComparison.Ordinal));

        var content = new MultipartFormDataContent { { new StringContent(await admin.TokenAsync()), "__RequestVerificationToken" }, { new StringContent("A harbour at dusk"), "altText" } };
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "file", "IMG_0042.JPG");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync("/admin/media", content)).StatusCode);
        var url = (await admin.PageAsync("/admin/media")).QuerySelector(".media-grid img")!.GetAttribute("src")!;
        var visitor = site.Browser();

        // Served: no EXIF at all, the orientation applied to the pixels (3000 wide, 4000 tall).
        var served = await visitor.GetByteArrayAsync(url);
        using (var image = Image.NewFromBuffer(served))
        {
            Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif-", StringComparison.Ordinal) || f == "orientation");
            Assert.Equal((3000, 4000), (image.Width, image.Height));
        }

        // Kept: the upload as it came.
        var original = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().MediaFiles.Select(f => f.Original).SingleAsync());
        Assert.Equal(photo, original);

        // A page showing it: width and height (no layout shift), lazy, WebP copies a phone can pick.
        Assert.True((await site.EditAsync("article04", item => item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"![A harbour at dusk]({url})\n\nText.")).Succeeded);
        var page = await SiteFactory.ParseAsync(await visitor.GetAsync("/articles/common-api-security-mistakes"));
        var img = page.QuerySelector($".prose picture img[src='{url}']")!;
        Assert.Equal(("3000", "4000", "lazy", "A harbour at dusk"), (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("loading"), img.GetAttribute("alt")));
        var source = page.QuerySelector(".prose picture source[type='image/webp']")!;
        Assert.Equal($"{url}?w=480 480w, {url}?w=960 960w, {url}?w=1600 1600w, {url}?w=3000 3000w", source.GetAttribute("srcset"));
        Assert.Contains("100vw", source.GetAttribute("sizes"), StringComparison.Ordinal);

        // What a 390 px phone at 2x downloads (the 960 copy): a WebP well under 150 KB.
        var phone = await visitor.GetAsync(url + "?w=960");
        Assert.Equal("image/webp", phone.Content.Headers.ContentType!.MediaType);
        var small = await phone.Content.ReadAsByteArrayAsync();
        Assert.True(small.Length < 150 * 1024, $"{small.Length / 1024} KB");
        using (var variant = Image.NewFromBuffer(small)) Assert.Equal(960, variant.Width);
        // Only the offered widths are made: no one can make the site resize to any size.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url + "?w=961")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url + "?w=-1")).StatusCode);
    }

    [Fact]
    public async Task An_animated_gif_keeps_its_frames_and_gets_no_webp_copies()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        // Three frames of 64 × 64, stacked as libvips writes an animation.
        using var frames = (Image.Black(64, 192) + 255).Cast(Enums.BandFormat.Uchar)
            .Mutate(m => { m.Set(GValue.GIntType, "page-height", 64); m.Set(GValue.ArrayIntType, "delay", new[] { 100, 100, 100 }); });
        var gif = frames.GifsaveBuffer();
        var uploaded = await MediaLibraryTests.UploadAsync(admin, gif, "spinner.gif", "A spinner");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var url = (await admin.PageAsync("/admin/media")).QuerySelector(".media-grid img")!.GetAttribute("src")!;
        Assert.Equal(gif, await site.Browser().GetByteArrayAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync(url + "?w=480")).StatusCode);

        Assert.True((await site.EditAsync("article04", item => item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"![A spinner]({url})")).Succeeded);
        var page = await SiteFactory.ParseAsync(await site.Browser().GetAsync("/articles/common-api-security-mistakes"));
        var img = page.QuerySelector($".prose img[src='{url}']")!;
        Assert.Equal(("64", "64"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Null(page.QuerySelector(".prose picture"));
    }
}
