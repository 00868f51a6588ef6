namespace Payments.Sandbox.HuaweiPin;

/// <summary>The one merchant the HUAWEIPIN sandbox knows (section <c>Sandbox:HuaweiPin</c>).</summary>
public sealed class HuaweiPinSandboxOptions
{
    public const string Section = "Sandbox:HuaweiPin";

    public string ApiKey { get; set; } = "sandbox-api-key";
    public string SecretKey { get; set; } = "sandbox-secret-key";
    public string CallbackKey { get; set; } = "sandbox-callback-key";

    /// <summary>The merchant's callback URL, as configured in the provider's store panel.</summary>
    public Uri CallbackUrl { get; set; } = new("http://127.0.0.1:7071/api/huaweipin/callback");

    /// <summary>Wait between callback attempts until one is answered OK. The real provider waits 10 minutes.</summary>
    public TimeSpan CallbackRetryInterval { get; set; } = TimeSpan.FromMinutes(10);
}
