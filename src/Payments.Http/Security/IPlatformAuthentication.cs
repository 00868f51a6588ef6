namespace Payments.Http.Security;

/// <summary>
/// Whether the hosting platform authenticates requests before they reach the app (App Service Authentication): only
/// then does it set, and strip any client-sent copy of, the <c>X-MS-CLIENT-PRINCIPAL</c> headers.
/// </summary>
public interface IPlatformAuthentication
{
    bool IsEnabled { get; }
}
