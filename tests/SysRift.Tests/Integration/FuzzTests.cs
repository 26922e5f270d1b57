using System.Diagnostics;
using System.Text;
using SysRift.Contents.Markdown;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>
/// Seeded, reproducible fuzzing: thousands of generated and mutated recipes and Markdown documents. Each
/// must end in a result or a clear validation error: never an unhandled exception, never a hang.
/// A failure prints the seed and the case number, so it can be replayed.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261122;

    [Fact]
    public async Task Mutated_recipes_end_in_a_report_never_an_exception()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        // Real Orchard recipes join the seeds where ../shared is beside the clone (always under CI).
        var orchard = SharedFixtures.Available || PostgresServer.IsCi ? [TestRecipes.Fixture("blog"), TestRecipes.Fixture("agency")] : Array.Empty<string>();
        string[] seeds = [TestRecipes.Blank, """{ "name": "x", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "a", "ContentType": "Principle", "TitlePart": { "Title": "t" }, "Principle": { "Statement": { "Text": "s" }, "Order": { "Value": 1 } } } ] } ] }""", .. orchard];
        var random = new Random(Seed);
        var slowest = TimeSpan.Zero;
        await site.InScopeAsync(async services =>
        {
            var executor = services.GetRequiredService<RecipeExecutor>();
            for (var i = 0; i < 1500; i++)
            {
                var input = Mutate(seeds[random.Next(seeds.Length)], random);
                var watch = Stopwatch.StartNew();
                RecipeReport report;
                try
                {
                    report = await executor.ValidateAsync(input, new RecipeOptions { SkipUnsupported = random.Next(2) == 0 });
                }
                catch (Exception exception)
                {
                    Assert.Fail($"seed {Seed}, case {i}: {exception.GetType().Name}: {exception.Message}\n{Clip(input)}");
                    return;
                }

                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                Assert.False(report.Applied);
                foreach (var problem in report.Problems) Assert.False(string.IsNullOrWhiteSpace(problem.Message), $"case {i}: a problem without a message");
            }
        });
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"the slowest validation took {slowest}");
    }

    [Fact]
    public void Generated_markdown_renders_without_exceptions_and_stays_inert()
    {
        var renderer = new MarkdownRenderer();
        var random = new Random(Seed);
        string[] pieces =
        [
            "#", "## ", "*", "**", "_", "`", "```", "~~~", "> ", "- ", "1. ", "|", "---", "[", "]", "(", ")", "!", "<", ">", "&", "\\", "\n", "\n\n", " ",
            "<script>alert(1)</script>", "javascript:alert(1)", "JaVaScRiPt:", "data:text/html,<b>", "vbscript:", "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>", "[a](javascript:alert(1))", "![i](javascript:alert(1))", "<a href=\"javascript:x\">", "[x]: javascript:y",
            "<http://example.com>", "<javascript:alert(1)>", "\u0000", "\u202e", "😀", "word", "https://example.com", "{.class}", "$$", "^^", "++",
        ];
        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 60);
            for (var j = 0; j < length; j++) builder.Append(pieces[random.Next(pieces.Length)]);
            if (random.Next(20) == 0) builder.Append(new string('>', random.Next(100, 2000)));
            if (random.Next(20) == 0) builder.Append(new string('[', random.Next(100, 2000)));
            var input = builder.ToString();
            string html;
            try
            {
                html = renderer.ToHtml(input);
                renderer.ToPlainText(input);
            }
            catch (Exception exception)
            {
                Assert.Fail($"seed {Seed}, case {i}: {exception.GetType().Name}: {exception.Message}\n{Clip(input)}");
                return;
            }

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x onerror", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>One of several mutations: flip, delete, duplicate or insert bytes; truncate; swap JSON values for others.</summary>
    private static string Mutate(string json, Random random)
    {
        var text = new StringBuilder(json);
        var rounds = random.Next(1, 6);
        string[] values = ["null", "true", "0", "-1", "1e309", "\"\"", "[]", "{}", "\"[js: uuid()]\"", "\"[js: nope(\"", "\"../../etc/passwd\"", "\"\\u0000\"", new string('9', 400), "[[[[[[[[[[]]]]]]]]]]"];
        for (var r = 0; r < rounds && text.Length > 0; r++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(7))
            {
                case 0: text[at] = (char)random.Next(32, 127); break;
                case 1: text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)); break;
                case 2: text.Insert(at, text.ToString(at, Math.Min(random.Next(1, 200), text.Length - at))); break;
                case 3: text.Length = at; break;
                case 4:
                    var colon = text.ToString().IndexOf(':', at);
                    if (colon > 0) text.Insert(colon + 1, " " + values[random.Next(values.Length)] + ",");
                    break;
                case 5: text.Insert(at, values[random.Next(values.Length)]); break;
                default:
                    // Replace a whole value after a key with another JSON value, keeping the document parseable more often.
                    var key = text.ToString().IndexOf("\": ", at, StringComparison.Ordinal);
                    if (key > 0)
                    {
                        var end = text.ToString().IndexOfAny([',', '}', ']'], key + 3);
                        if (end > key) text.Remove(key + 3, end - key - 3).Insert(key + 3, values[random.Next(values.Length)]);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static string Clip(string input) => input.Length > 400 ? input[..400] + "…" : input;
}
