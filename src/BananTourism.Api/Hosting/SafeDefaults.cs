namespace BananTourism.Api.Hosting;

/// <summary>Settings that only make sense in a developer's or a test's machine, refused anywhere else so a
/// deployment cannot be started configured like a test.</summary>
public static partial class SafeDefaults
{
    /// <summary>Settings that are legitimate outside Development but worth a line in the log every start.</summary>
    public static void WarnOfRiskySettings(WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !string.IsNullOrWhiteSpace(app.Configuration["Notifications:PickupDirectory"]))
        {
            LogPickupOutsideDevelopment(app.Logger, app.Configuration["Notifications:PickupDirectory"]!);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifications:PickupDirectory ({Folder}) is set outside Development: every message, verification codes included, is written there in plain text")]
    private static partial void LogPickupOutsideDevelopment(ILogger logger, string folder);

    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        var testing = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        if (!testing && !string.IsNullOrWhiteSpace(configuration["Stripe:ApiBase"]))
        {
            throw new InvalidOperationException(
                $"Stripe:ApiBase sends payments to a server other than Stripe's; it is for tests only and refused in {environment.EnvironmentName}.");
        }
    }
}
