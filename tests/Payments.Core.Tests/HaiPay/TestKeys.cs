namespace Payments.Core.Tests.HaiPay;

internal static class TestKeys
{
    public static string Pem(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HaiPay", "Keys", name));

    /// <summary>The key as HaiPay issues it: the Base64 body without armour or line breaks.</summary>
    public static string Bare(string name) =>
        string.Concat(
            Pem(name)
                .Split('\n')
                .Where(line => !line.StartsWith("-----", StringComparison.Ordinal))
                .Select(l => l.Trim())
        );
}
