using System.Diagnostics;

namespace Handoff.Api.Tests.Auth;

/// <summary>
/// A refused start, as an operator sees it: the real API process (the built Handoff.Api.dll) started with a bad
/// setting prints one message naming the setting and exits with code 1, with no stack trace.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class StartupRefusalProcessTests
{
    private static readonly string ApiDll = typeof(Program).Assembly.Location;

    [TestCase("Demo mode on every interface", "urls", "Auth:Mode", "ASPNETCORE_URLS=http://0.0.0.0:0")]
    [TestCase("Graph base URL", "Graph:BaseUrl", "https", "Graph__AccessToken=abc", "Graph__BaseUrl=http://graph.example.com/v1.0")]
    [TestCase("Graph with two credentials", "Graph:ClientSecret", "exactly one credential", "Graph__AccessToken=abc", "Graph__ClientSecret=s", "Graph__TenantId=t", "Graph__ClientId=c", "Graph__ScheduleMailbox=m@example.com")]
    [TestCase("LocalJwt without a key", "Auth:LocalJwt:SigningKey", "LocalJwt", "Auth__Mode=LocalJwt", "Auth__LocalJwt__Issuer=i", "Auth__LocalJwt__Audience=a")]
    [TestCase("Entra without an app registration", "AzureAd:ClientId", "Entra", "Auth__Mode=Entra")]
    [TestCase("an unknown auth mode", "Auth:Mode", "Kerberos", "Auth__Mode=Kerberos")]
    public async Task A_bad_setting_is_one_message_and_exit_code_1(string what, string setting, string alsoSays, params string[] env)
    {
        var dir = Directory.CreateTempSubdirectory("handoff-refusal-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [ApiDll])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dir.FullName,
            };
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["ConnectionStrings__Handoff"] = $"Data Source={Path.Combine(dir.FullName, "handoff.db")}";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var pair in env)
            {
                var eq = pair.IndexOf('=');
                start.Environment[pair[..eq]] = pair[(eq + 1)..];
            }
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{what}: the API started instead of refusing");
            }
            var (err, output) = (await stderr, await stdout + await stderr);
            Assert.Multiple(() =>
            {
                Assert.That(process.ExitCode, Is.EqualTo(1), $"{what}: {output}");
                Assert.That(err, Does.StartWith("Handoff cannot start: ").And.Contain(setting).And.Contain(alsoSays), what);
                Assert.That(output, Does.Not.Contain("Unhandled exception").And.Not.Match(@"\n\s+at [A-Z]"), $"{what}: no stack trace");
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
