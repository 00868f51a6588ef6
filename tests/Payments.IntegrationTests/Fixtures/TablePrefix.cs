namespace Payments.IntegrationTests.Fixtures;

internal static class TablePrefix
{
    /// <summary>A fresh alphanumeric table prefix so tests never see each other's rows.</summary>
    public static string New() => "t" + Guid.NewGuid().ToString("N")[..10];
}
