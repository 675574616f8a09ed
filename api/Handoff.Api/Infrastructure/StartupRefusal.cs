using Microsoft.Extensions.Options;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// A setting the API cannot start with (Demo mode on a public address, an unknown mode, a half-configured Graph or
/// sign-in section). Thrown while the app is composed; <see cref="StartupRefusals"/> turns it into one line and exit
/// code 1.
/// </summary>
public sealed class StartupRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// A refused start is an operator's mistake, not a crash: print one message that names the setting and exit with 1,
/// instead of .NET's "Unhandled exception" with a stack trace and exit code 134. Anything else still crashes loudly.
/// </summary>
public static class StartupRefusals
{
    public const string Prefix = "Handoff cannot start: ";

    /// <summary>Installs the handler (the first line of Program.cs). The test host runs Program on its own thread and
    /// catches what it throws, so this never fires there.</summary>
    public static void ExitCleanly()
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (Describe(e.ExceptionObject as Exception) is { } message)
            {
                Console.Error.WriteLine(Prefix + message);
                Console.Error.Flush();
                Environment.Exit(1);
            }
        };
    }

    /// <summary>
    /// Runs the ValidateOnStart checks before the host starts: the host logs a failed start with its stack trace before
    /// rethrowing, so checking first keeps a bad setting to the one message.
    /// </summary>
    public static WebApplication ValidateSettings(this WebApplication app)
    {
        app.Services.GetService<IStartupValidator>()?.Validate();
        return app;
    }

    /// <summary>The message for a refusal (every failure of an options validation, one per line), or null for a bug.</summary>
    public static string? Describe(Exception? error) => error switch
    {
        StartupRefusedException refused => refused.Message,
        OptionsValidationException invalid => string.Join(Environment.NewLine + "  ", invalid.Failures.Distinct()),
        AggregateException { InnerExceptions.Count: > 0 } all when all.InnerExceptions.All(i => Describe(i) is not null) =>
            string.Join(Environment.NewLine + "  ", all.InnerExceptions.Select(Describe)),
        _ => null,
    };
}
