using System.Net;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Deploy;

/// <summary>
/// <c>scripts/smoke</c> against the real Server on a free port: it reads <c>/api/health</c> and the operator route
/// <c>/api/ops/secrets</c>, and names exactly the needed secrets the host does not have (names only: no value is
/// ever answered or printed).
/// </summary>
public sealed class SmokeScriptTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string ApiKey = "smoke-huaweipin-api-key-1c7e";

    /// <summary>Every needed secret but three: the HUAWEIPIN callback key, one HaiPay secret and the webhook secret.</summary>
    private static Dictionary<string, string?> SomeSecretsMissing() =>
        new()
        {
            ["Secrets:HuaweiPin-ApiKey"] = ApiKey,
            ["Secrets:HuaweiPin-SecretKey"] = "smoke-huaweipin-secret-key-88d0",
            ["Secrets:HuaweiPin-CallbackKey"] = " ",
            ["HaiPay:Accounts:USD:AppId"] = "1054",
            ["HaiPay:NotifyUrl"] = "https://payments.example/api/haipay/notify",
            ["Secrets:HaiPay-USD-PrivateKey"] = PaymentsSystem.HaiPayKeys.MerchantPrivate,
            ["Secrets:HaiPay-USD-PlatformPublicKey"] = PaymentsSystem.HaiPayKeys.PlatformPublic,
        };

    [Fact]
    public async Task Smoke_SomeSecretsMissing_NamesExactlyThoseAndFails()
    {
        await using var server = await ServerHost.StartAsync(azurite, SomeSecretsMissing());

        var run = await SmokeAsync(server, ServerHost.OperatorKey);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ok      GET /api/health: 200", run.Lines);
        Assert.Contains("ok      GET /api/ops/secrets: 8 needed", run.Lines);
        Assert.Equal(
            [
                "MISSING secret HuaweiPin-CallbackKey",
                "MISSING secret HaiPay-USD-MerchantSecret",
                "MISSING secret Webhooks-SigningSecret",
            ],
            run.Lines.Where(l =>
                l.StartsWith("MISSING", StringComparison.Ordinal)
                || l.StartsWith("UNREADABLE", StringComparison.Ordinal)
            )
        );
        Assert.DoesNotContain(ApiKey, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smoke_EverySecretSet_Passes()
    {
        var settings = SomeSecretsMissing();
        settings["Secrets:HuaweiPin-CallbackKey"] = "smoke-callback-key-0e2d";
        settings["Secrets:HaiPay-USD-MerchantSecret"] = "smoke-merchant-secret-5b1a";
        settings["Secrets:Webhooks-SigningSecret"] = "whsec_c21va2Utd2ViaG9vay1zZWNyZXQtZm9yLXRlc3Rz";
        await using var server = await ServerHost.StartAsync(azurite, settings);

        var run = await SmokeAsync(server, ServerHost.OperatorKey);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Smoke test passed: healthy, every needed secret set.", run.Lines[^1]);
    }

    [Fact]
    public async Task Smoke_WrongOperatorKey_Fails401()
    {
        await using var server = await ServerHost.StartAsync(azurite, SomeSecretsMissing());

        var run = await SmokeAsync(server, "not-the-operator-key");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "FAILED  GET /api/ops/secrets: 401 (401: wrong key or token; 403: no Payments.Operator role)",
            run.Lines
        );
    }

    [Fact]
    public async Task SecretsRoute_NamesOnly_OperatorKeyNeeded()
    {
        await using var server = await ServerHost.StartAsync(azurite, SomeSecretsMissing());
        using var anonymous = server.CreateMerchantClient();
        using var operators = server.CreateOperatorClient();

        var refused = await anonymous.GetAsync("/api/ops/secrets");
        var answer = await operators.GetStringAsync("/api/ops/secrets");
        using var json = JsonDocument.Parse(answer);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(
            [
                "HuaweiPin-ApiKey",
                "HuaweiPin-SecretKey",
                "HuaweiPin-CallbackKey",
                "HaiPay-USD-PrivateKey",
                "HaiPay-USD-MerchantSecret",
                "HaiPay-USD-PlatformPublicKey",
                "Webhooks-SigningSecret",
                "Idempotency-FingerprintKey",
            ],
            json.RootElement.GetProperty("needed").EnumerateArray().Select(n => n.GetString())
        );
        Assert.Equal(0, json.RootElement.GetProperty("unreadable").GetArrayLength());
        Assert.DoesNotContain(ApiKey, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerHost.FingerprintKey, answer, StringComparison.Ordinal);
    }

    private static Task<ScriptRun> SmokeAsync(ServerHost server, string key) =>
        ScriptRun.BashAsync(
            "scripts/smoke",
            [server.BaseAddress.ToString()],
            new Dictionary<string, string> { ["PAYMENTS_OPERATOR_KEY"] = key }
        );
}
