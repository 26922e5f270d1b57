// With --exit the process ends before building a host: the floor for a command-line run.
if (args.Contains("--exit")) return;

var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/", () => Results.Content("<!doctype html><title>floor</title><p>floor</p>", "text/html"));
app.Run();
