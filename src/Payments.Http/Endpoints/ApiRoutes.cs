namespace Payments.Http.Endpoints;

/// <summary>Every HTTP endpoint. The Server maps these; the Functions app has one function per entry (a test checks).</summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public static readonly ApiRoute Health = new("Health", "GET", "health", AccessLevel.Anonymous);
    public static readonly ApiRoute GetOrder = new("GetOrder", "GET", "orders/{id}", AccessLevel.Function);

    public static readonly ApiRoute CreateFrame = new("CreateHuaweiPinFrame", "POST", "huaweipin/frames", AccessLevel.Function);
    public static readonly ApiRoute HuaweiPinCallback = new("HuaweiPinCallback", "POST", "huaweipin/callback", AccessLevel.Anonymous);

    public static IReadOnlyList<ApiRoute> All { get; } = [Health, GetOrder, CreateFrame, HuaweiPinCallback];
}
