namespace Payments.Http.Security;

/// <summary>
/// App Service Authentication as the platform reports it: App Service sets <c>WEBSITE_AUTH_ENABLED=True</c> in the
/// process environment when its authentication module runs in front of the app. Anywhere else (the Server, a
/// developer's machine, a host without it) the variable is absent and no principal header is trusted.
/// </summary>
public sealed class AppServiceAuthentication(Func<string, string?> environment) : IPlatformAuthentication
{
    public const string Variable = "WEBSITE_AUTH_ENABLED";

    /// <summary>Reads the real process environment.</summary>
    public AppServiceAuthentication()
        : this(Environment.GetEnvironmentVariable) { }

    public bool IsEnabled => string.Equals(environment(Variable), "True", StringComparison.OrdinalIgnoreCase);
}
