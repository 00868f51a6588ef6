using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Deploy;

/// <summary>
/// <c>infra/hooks/postprovision.sh</c> run against a stub <c>az</c> on PATH that records every call (and the value a
/// <c>secret set</c> reads from stdin) and answers <c>secret list</c> with a given set of names: the hook creates the
/// webhook signing secret and the fingerprint key only when absent, never prints a value, and names exactly the needed
/// secrets still missing.
/// </summary>
public sealed partial class PostprovisionHookTests : IDisposable
{
    private const string Vault = "kv-pay-test";

    private static readonly string[] Required =
    [
        "HuaweiPin-ApiKey",
        "HuaweiPin-SecretKey",
        "HuaweiPin-CallbackKey",
        "Webhooks-SigningSecret",
        "Idempotency-FingerprintKey",
        "HaiPay-USD-PrivateKey",
        "HaiPay-USD-MerchantSecret",
        "HaiPay-USD-PlatformPublicKey",
    ];

    private readonly string stub = Directory.CreateTempSubdirectory("az-stub-").FullName;

    public PostprovisionHookTests()
    {
        var az = Path.Combine(stub, "az");
        File.WriteAllText(
            az,
            """
            #!/usr/bin/env bash
            # Stub az: records its arguments; `keyvault secret list` answers the names in $STUB/present (or fails when
            # $STUB/unreachable exists); `keyvault secret set` keeps what it reads from stdin in $STUB/value-<name>.
            printf '%s\n' "$*" >> "$STUB/calls"
            if [[ "$1 $2 $3" == "keyvault secret list" ]]; then
              [[ ! -e "$STUB/unreachable" ]] || { echo "Public network access is disabled" >&2; exit 1; }
              cat "$STUB/present"
            elif [[ "$1 $2 $3" == "keyvault secret set" ]]; then
              while (($#)); do [[ "$1" == --name ]] && name="$2"; shift; done
              cat > "$STUB/value-$name"
            fi
            """.ReplaceLineEndings("\n")
        );
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Hook_SigningSecretAbsent_CreatesItOnStdinAndNamesExactlyTheMissing()
    {
        var run = await HookAsync("HuaweiPin-ApiKey", "HaiPay-USD-PrivateKey", "Idempotency-FingerprintKey");

        var value = File.ReadAllText(Path.Combine(stub, "value-Webhooks-SigningSecret"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Webhooks-SigningSecret"], SetCalls());
        Assert.Matches(SigningSecret(), value);
        Assert.DoesNotContain(
            value[6..],
            run.Output + run.Error + string.Join('\n', Calls()),
            StringComparison.Ordinal
        );
        Assert.Contains("Created Webhooks-SigningSecret (random; its value is in the vault only).", run.Lines);
        Assert.Equal(
            [
                "HuaweiPin-SecretKey",
                "HuaweiPin-CallbackKey",
                "HaiPay-USD-MerchantSecret",
                "HaiPay-USD-PlatformPublicKey",
            ],
            Missing(run)
        );
        Assert.Contains(
            $"    az keyvault secret set --vault-name {Vault} --name HuaweiPin-CallbackKey --file <file holding its value>",
            run.Lines
        );
        Assert.Contains(run.Lines, l =>
            l.Contains("--name Webhooks-SigningSecret --query value -o tsv >", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Hook_EverySecretPresent_SetsNothingAndSaysSo()
    {
        var run = await HookAsync(Required);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(SetCalls());
        Assert.Empty(Missing(run));
        Assert.Contains($"Every needed secret is in {Vault}.", run.Lines);
    }

    [Fact]
    public async Task Hook_BothOfOursAbsent_CreatesBothOnce()
    {
        var run = await HookAsync("HuaweiPin-ApiKey");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Webhooks-SigningSecret", "Idempotency-FingerprintKey"], SetCalls());
        Assert.Matches(FingerprintKey(), File.ReadAllText(Path.Combine(stub, "value-Idempotency-FingerprintKey")));
        Assert.DoesNotContain("Webhooks-SigningSecret", Missing(run));
        Assert.DoesNotContain("Idempotency-FingerprintKey", Missing(run));
    }

    [Fact]
    public async Task Hook_VaultUnreachable_FailsNamingPrivateNetworking()
    {
        File.WriteAllText(Path.Combine(stub, "unreachable"), string.Empty);

        var run = await HookAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(SetCalls());
        Assert.Contains("With privateNetworking on", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_OutputsTheRequiredNamesTheHookReads()
    {
        var outputs = ArmTemplate.Main.Root.GetProperty("outputs");

        Assert.Equal("array", outputs.GetProperty("KEY_VAULT_REQUIRED_SECRET_NAMES").GetProperty("type").GetString());
        Assert.Contains(
            "requiredSecretNames",
            outputs.GetProperty("KEY_VAULT_REQUIRED_SECRET_NAMES").GetProperty("value").GetString(),
            StringComparison.Ordinal
        );
    }

    public void Dispose() => Directory.Delete(stub, recursive: true);

    private async Task<ScriptRun> HookAsync(params string[] present)
    {
        File.WriteAllLines(Path.Combine(stub, "present"), present);
        return await ScriptRun.BashAsync(
            "infra/hooks/postprovision.sh",
            [],
            new Dictionary<string, string>
            {
                ["STUB"] = stub,
                ["AZURE_KEY_VAULT_NAME"] = Vault,
                ["KEY_VAULT_REQUIRED_SECRET_NAMES"] = "[\"" + string.Join("\",\"", Required) + "\"]",
                ["FUNCTION_APP_URL"] = "https://func-payments-test.azurewebsites.net",
            },
            stub
        );
    }

    private string[] Calls()
    {
        var calls = Path.Combine(stub, "calls");
        return File.Exists(calls) ? File.ReadAllLines(calls) : [];
    }

    private string[] SetCalls() =>
        [
            .. Calls()
                .Where(c => c.StartsWith("keyvault secret set ", StringComparison.Ordinal))
                .Select(c => SetName().Match(c).Groups[1].Value),
        ];

    /// <summary>The names the hook lists as missing (the indented lines under "Missing from").</summary>
    private static string[] Missing(ScriptRun run) =>
        [.. run.Lines.Select(l => MissingLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^  ([A-Za-z0-9-]+)$")]
    private static partial Regex MissingLine();

    [GeneratedRegex(@"--name (\S+)")]
    private static partial Regex SetName();

    [GeneratedRegex(@"^whsec_[A-Za-z0-9+/]{43}=$")]
    private static partial Regex SigningSecret();

    [GeneratedRegex(@"^[A-Za-z0-9+/]{43}=$")]
    private static partial Regex FingerprintKey();
}
