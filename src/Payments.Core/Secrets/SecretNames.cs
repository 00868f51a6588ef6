namespace Payments.Core.Secrets;

/// <summary>Secret names (valid Key Vault names: letters, digits, dashes).</summary>
public static class SecretNames
{
    public const string HuaweiPinApiKey = "HuaweiPin-ApiKey";
    public const string HuaweiPinSecretKey = "HuaweiPin-SecretKey";
    public const string HuaweiPinCallbackKey = "HuaweiPin-CallbackKey";
}
