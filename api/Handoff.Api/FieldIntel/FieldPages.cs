namespace Handoff.Api.FieldIntel;

/// <summary>
/// The planner and report-a-trip pages. They are built with the add-in's toolchain into the add-in's folder
/// (wwwroot/addin, or AddIn:Path) and served here at short addresses; a base element makes their relative asset
/// URLs resolve under /addin/, where the API already serves the built assets.
/// </summary>
public static class FieldPages
{
    private static readonly Dictionary<string, string> Pages = new()
    {
        ["/planner"] = "planner.html",
        ["/report-trip"] = "report-trip.html",
        ["/reports"] = "reports.html", // the handoff report (docs/outcomes.md)
    };

    public static IEndpointRouteBuilder MapFieldPages(this IEndpointRouteBuilder app)
    {
        var env = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        var config = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var root = config["AddIn:Path"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, env.ContentRootPath)
            : Path.Combine(env.ContentRootPath, "wwwroot", "addin");
        foreach (var (route, file) in Pages)
        {
            app.MapGet(route, (HttpResponse response) =>
            {
                var path = Path.Combine(root, file);
                if (!File.Exists(path))
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The pages are not built",
                        detail: "Build the API (dotnet build), which builds the add-in and these pages into wwwroot/addin, or set AddIn:Path.");
                }
                response.Headers.CacheControl = "no-cache";
                var html = File.ReadAllText(path).Replace("<head>", "<head>\n    <base href=\"/addin/\">", StringComparison.Ordinal);
                return Results.Text(html, "text/html; charset=utf-8");
            }).ExcludeFromDescription();
        }
        return app;
    }
}
