namespace Payments.Testing;

/// <summary>
/// HaiPay signature known answers, produced by openssl with the test key <c>HaiPay/Keys/merchant-pkcs8.pem</c>
/// (RSASSA-PKCS1-v1_5 is deterministic), for every signer to meet:
///   printf '%s' "$canonical" | openssl dgst -sha256 -sign merchant-pkcs8.pem | base64 -w0
/// </summary>
public static class HaiPayKnownAnswers
{
    public const string Secret = "merchant-secret-1";

    public const string Canonical1 =
        "amount=9.99&appId=2027&currency=USD&orderId=A1&subject=Test&key=merchant-secret-1";

    public const string Signature1 =
        "PAc/1uTQPUCoql2vphbUJHLZCR25FDBh3WXViCnExW565dzwmfwCDiHxr7e+A9kCmYWe4egszN6hu3cd9DdpblfUfLK9h70Bz8cwjFPT7APGHiutttWbG3jpCAteqoGvvG1pCa1yq8OkL4bjQAXnBXx38fM2mpbfyloB4eLHFGbZ0XpfDq66rzPfR5aRDCmYnhyMYGaGPTCxi6w1+kDCwNvNVrP8OFYKrskIkdbnmucj8cCLRFcxISqVCOOhaSCfee7o9a5hQj8qZTvtJpFQKOe3cXk91DKGduWeDVJG2HCVxWS1EeTRvjl22xWoCJFdUx4AKaFQSBbfo2BSuTlE+g==";

    public const string Canonical2 =
        "amount=0.50000000&appId=1724&recurringIntervalCount=1&status=2&subscriptionNo=4025011311423010028&key=merchant-secret-1";

    public const string Signature2 =
        "hMS/ouBYtEHXioGquUFwcG0gSUj05yNrIiNoFFz8GFKiKyoiJXwC7veaDRhsaAL+aTPPLSxIT61n7nCsBKum88tRah8odEGdauJM8WL1Hqvgj5SKSMQHzDkv+BQjJOChkeOPtDbEMcofdrzwdKaFPyk+2NZOYLVMZJ7Y1EoXf/Wxn4QJF6aboq8AJB+gXXUblqo9K6Y0nuua39jf368ixo7O3CAJapvVkffnEwpDt9FqEeDO5fQ12tYwYCa4LS01OE7H7pH82jXR6ZizZ4uycdkhqOiy69p9LQu5j1tx+gy319/i6+iJFqImDBwxVBFfTbdxT/QNMTujH3/fN1HpbA==";

    /// <summary>The test key file's text (copied beside the test assembly under <c>HaiPay/Keys</c>).</summary>
    public static string Pem(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HaiPay", "Keys", name));
}
