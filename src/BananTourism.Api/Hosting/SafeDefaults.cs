namespace BananTourism.Api.Hosting;

/// <summary>Settings that only make sense in a developer's or a test's machine, refused anywhere else so a
/// deployment cannot be started configured like a test.</summary>
public static class SafeDefaults
{
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
