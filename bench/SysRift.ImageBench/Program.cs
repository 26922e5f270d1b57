using System.Diagnostics;
using NetVips;
using SkiaSharp;

// What an upload of a 4000 × 3000 camera JPEG costs: decode, apply the EXIF orientation, drop the metadata,
// and write WebP copies 480, 960 and 1600 px wide. libvips (the site's choice) against SkiaSharp, each run
// several times in this process; medians, the ratio, and the peak working set each leaves behind.
var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
int[] widths = [480, 960, 1600];
var photo = CameraPhoto();
Console.WriteLine($"input: 4000 x 3000 JPEG, {photo.Length / 1024} KB, EXIF orientation 6; {runs} runs each");

var vips = Measure("libvips (NetVips)", () =>
{
    using var image = Image.NewFromBuffer(photo);
    using var upright = image.Autorot();
    var served = upright.JpegsaveBuffer(q: 92, keep: Enums.ForeignKeep.Icc);
    var total = served.Length;
    foreach (var width in widths)
    {
        using var thumbnail = Image.ThumbnailBuffer(served, width, height: 10_000_000, size: Enums.Size.Down);
        total += thumbnail.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None).Length;
    }

    return total;
});

var skia = Measure("SkiaSharp", () =>
{
    using var codec = SKCodec.Create(new SKMemoryStream(photo));
    using var decoded = SKBitmap.Decode(codec);
    // SkiaSharp reads the orientation but leaves the turning to the caller: a quarter turn for orientation 6.
    using var upright = new SKBitmap(decoded.Height, decoded.Width);
    using (var canvas = new SKCanvas(upright))
    {
        canvas.Translate(upright.Width, 0);
        canvas.RotateDegrees(90);
        canvas.DrawBitmap(decoded, 0, 0);
    }

    using var uprightImage = SKImage.FromBitmap(upright);
    var served = uprightImage.Encode(SKEncodedImageFormat.Jpeg, 92).ToArray();
    var total = served.Length;
    foreach (var width in widths)
    {
        var height = (int)Math.Round(upright.Height * (double)width / upright.Width);
        using var resized = upright.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(resized);
        total += image.Encode(SKEncodedImageFormat.Webp, 80).ToArray().Length;
    }

    return total;
});

Console.WriteLine($"SkiaSharp / libvips time: {skia.Median / vips.Median:F2} (above 1: libvips is faster)");
Console.WriteLine($"peak working set after libvips {vips.PeakMb} MB, after SkiaSharp {skia.PeakMb} MB (same process, measured in that order)");

static (double Median, long PeakMb) Measure(string name, Func<int> work)
{
    work();
    var times = new List<double>();
    var bytes = 0;
    for (var i = 0; i < Environment.GetCommandLineArgs().Length + 6; i++)
    {
        var watch = Stopwatch.StartNew();
        bytes = work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    var median = times[times.Count / 2];
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
    Console.WriteLine($"{name}: median {median:F0} ms (min {times[0]:F0}, max {times[^1]:F0}), {bytes / 1024} KB written");
    return (median, peak);
}

static byte[] CameraPhoto()
{
    using var colour = (Image.Black(4000, 3000, bands: 3) + new double[] { 40, 120, 200 }).Cast(Enums.BandFormat.Uchar);
    using var noise = Image.Gaussnoise(4000, 3000, sigma: 30).Cast(Enums.BandFormat.Uchar);
    using var photo = (colour + noise.Bandjoin(noise, noise)).Cast(Enums.BandFormat.Uchar);
    using var tagged = photo.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));
    return tagged.JpegsaveBuffer(q: 85);
}
