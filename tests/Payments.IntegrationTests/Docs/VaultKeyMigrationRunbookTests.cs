using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Docs;

/// <summary>
/// An environment deployed before the vault signed held the merchant private key as the exportable secret
/// <c>HaiPay-&lt;CUR&gt;-PrivateKey</c>, and the app keeps Key Vault Secrets User on the whole vault: until that secret
/// is deleted its identity (and anyone who reads secrets) can still read the private key. The "HaiPay key in Key
/// Vault" runbook says to delete it once the key signs.
/// </summary>
public sealed class VaultKeyMigrationRunbookTests
{
    [Fact]
    public void HaiPayKeyRunbook_ExistingEnvironment_DeletesTheExportablePrivateKeySecret()
    {
        var operations = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "operations.md"));
        var section = Regex.Match(operations, @"(?ms)^## HaiPay key in Key Vault$.*?(?=^## )").Value;

        Assert.NotEmpty(section);
        Assert.Matches(@"az keyvault secret delete [^\n]*HaiPay-[A-Z<>$]+-PrivateKey", section);
    }
}
