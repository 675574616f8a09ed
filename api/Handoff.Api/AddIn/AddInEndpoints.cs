// Lets Program.cs call app.MapAddIn() with a single added line.
global using Handoff.Api.AddIn;

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Handoff.Api.AddIn;

/// <summary>
/// Serves the Outlook add-in that the build puts in wwwroot/addin (the BuildAddIn target in the csproj):
/// the task pane and its assets under /addin/, the manifest and the event-handler script with this server's
/// origin in place of the placeholder, and the well-known file that lets classic Outlook run that script.
/// </summary>
public static partial class AddInEndpoints
{
    /// <summary>The origin written in manifest.xml in git and baked into the built event-handler script.</summary>
    public const string PlaceholderOrigin = "https://localhost:5001";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    public static IEndpointRouteBuilder MapAddIn(this IEndpointRouteBuilder app)
    {
        var files = new AddInFiles(app.ServiceProvider.GetRequiredService<IWebHostEnvironment>(), app.ServiceProvider.GetRequiredService<IConfiguration>());
        var group = app.MapGroup("/addin").WithTags("Add-in").ExcludeFromDescription();

        group.MapGet("/", () => TypedResults.Redirect("/addin/taskpane.html"));
        group.MapGet("/manifest.xml", (HttpRequest request) => files.Templated("manifest.template.xml", "application/xml; charset=utf-8", request));
        group.MapGet("/commands.js", (HttpRequest request) => files.Templated("commands.template.js", "text/javascript; charset=utf-8", request));
        group.MapMethods("/{**path}", ["GET", "HEAD"], (string path, HttpResponse response) => files.Static(path, response));

        // Classic Outlook on Windows runs commands.js only if this origin lists it here.
        app.MapGet("/.well-known/microsoft-officeaddins-allowed.json", (HttpRequest request) =>
            files.Origin(request) is { } origin
                ? TypedResults.Json(new { allowed = new[] { $"{origin}/addin/commands.js" } })
                : AddInOrigin.NotConfigured(request))
            .ExcludeFromDescription();
        return app;
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".map"] = "application/json";
        return provider;
    }

    [GeneratedRegex(@"-[A-Za-z0-9_-]{8}\.(js|css|map)$")]
    private static partial Regex HashedName();

    private sealed class AddInFiles(IWebHostEnvironment env, IConfiguration config)
    {
        // AddIn:Path points elsewhere for a deployment that ships the pane apart from the API.
        private readonly string _root = config["AddIn:Path"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, env.ContentRootPath)
            : Path.Combine(env.ContentRootPath, "wwwroot", "addin");

        /// <summary>The configured public origin, or the request's when configuration vouches for its host (see <see cref="AddInOrigin"/>).</summary>
        public string? Origin(HttpRequest request) => AddInOrigin.Resolve(request, config);

        public IResult Static(string path, HttpResponse response)
        {
            if (!Directory.Exists(_root))
            {
                return NotBuilt();
            }
            using var provider = new PhysicalFileProvider(_root);
            var file = provider.GetFileInfo(path);
            if (!file.Exists || file.IsDirectory || file.PhysicalPath is null || path.Contains(".template.", StringComparison.Ordinal))
            {
                return TypedResults.NotFound();
            }
            response.Headers.CacheControl = HashedName().IsMatch(path) ? "public, max-age=31536000, immutable" : "no-cache";
            var type = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            return TypedResults.PhysicalFile(file.PhysicalPath, type, lastModified: file.LastModified);
        }

        public IResult Templated(string template, string contentType, HttpRequest request)
        {
            var path = Path.Combine(_root, template);
            if (!File.Exists(path))
            {
                return NotBuilt();
            }
            if (Origin(request) is not { } origin)
            {
                return AddInOrigin.NotConfigured(request);
            }
            var text = File.ReadAllText(path).Replace(PlaceholderOrigin, origin, StringComparison.Ordinal);
            return TypedResults.Text(text, contentType);
        }

        private static IResult NotBuilt() => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "The add-in is not built",
            detail: "Build the API (dotnet build), which builds the add-in into wwwroot/addin, or set AddIn:Path.");
    }
}
