using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Deploy;

/// <summary>
/// <c>infra/hooks/operator-app.sh</c> against stub <c>az</c> and <c>azd</c> on PATH that record every call: with no
/// <c>OPERATOR_CLIENT_ID</c> it creates the app registration with the <c>Payments.Operator</c> role and id-token
/// issuance and stores its client id with azd; with one it only checks that registration; after provision it adds the
/// sign-in redirect URI once, keeping the ones there.
/// </summary>
public sealed class OperatorAppHookTests : IDisposable
{
    private const string CreatedId = "11111111-2222-3333-4444-555555555555";

    private readonly string stub = Directory.CreateTempSubdirectory("az-stub-").FullName;

    public OperatorAppHookTests()
    {
        Stub(
            "az",
            """
            #!/usr/bin/env bash
            # Stub az: records its arguments; answers what the hook reads.
            printf '%s\n' "$*" >> "$STUB/calls"
            case "$1 $2 $3" in
              "ad app list") cat "$STUB/existing" 2>/dev/null ;;
              "ad app create") echo "11111111-2222-3333-4444-555555555555" ;;
              "ad app show") [[ "$*" == *redirectUris* ]] && cat "$STUB/redirects" 2>/dev/null; true ;;
              "ad sp show") exit 3 ;;
            esac
            exit 0
            """
        );
        Stub(
            "azd",
            """
            #!/usr/bin/env bash
            printf 'azd %s\n' "$*" >> "$STUB/calls"
            """
        );
    }

    [Fact]
    public async Task Register_NoClientId_CreatesTheRegistrationWithTheRoleAndStoresItsId()
    {
        var run = await HookAsync("register", new Dictionary<string, string>());

        Assert.Equal(0, run.ExitCode);
        var calls = Calls();
        var create = Assert.Single(calls, c => c.StartsWith("ad app create", StringComparison.Ordinal));
        Assert.Contains("--display-name payments-operators-test", create, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Payments.Operator\"", create, StringComparison.Ordinal);
        Assert.Contains("\"allowedMemberTypes\":[\"User\",\"Application\"]", create, StringComparison.Ordinal);
        Assert.Contains("--enable-id-token-issuance true", create, StringComparison.Ordinal);
        Assert.Contains(calls, c => c.Contains($"api://{CreatedId}", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Contains("appRoleAssignmentRequired=true", StringComparison.Ordinal));
        Assert.Contains($"azd env set OPERATOR_CLIENT_ID {CreatedId}", calls);
    }

    [Fact]
    public async Task Register_ClientIdGiven_UsedAsItIsNothingCreated()
    {
        var run = await HookAsync(
            "register",
            new Dictionary<string, string> { ["OPERATOR_CLIENT_ID"] = "99999999-0000-0000-0000-000000000000" }
        );

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ad app show --id 99999999-0000-0000-0000-000000000000 --query appId -o tsv"], Calls());
    }

    [Fact]
    public async Task Redirect_AddsTheCallbackOnceKeepingTheOthers()
    {
        File.WriteAllText(Path.Combine(stub, "redirects"), "https://other.example/cb\n");
        var environment = new Dictionary<string, string>
        {
            ["OPERATOR_CLIENT_ID"] = CreatedId,
            ["FUNCTION_APP_URL"] = "https://func-payments-x.azurewebsites.net",
        };

        var first = await HookAsync("redirect", environment);
        File.AppendAllText(
            Path.Combine(stub, "redirects"),
            "https://func-payments-x.azurewebsites.net/.auth/login/aad/callback\n"
        );
        var second = await HookAsync("redirect", environment);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(
            $"ad app update --id {CreatedId} --web-redirect-uris https://other.example/cb "
                + "https://func-payments-x.azurewebsites.net/.auth/login/aad/callback",
            Assert.Single(Calls(), c => c.StartsWith("ad app update", StringComparison.Ordinal))
        );
    }

    public void Dispose() => Directory.Delete(stub, recursive: true);

    private void Stub(string name, string script)
    {
        var path = Path.Combine(stub, name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private Task<ScriptRun> HookAsync(string step, Dictionary<string, string> environment)
    {
        environment["STUB"] = stub;
        environment["AZURE_ENV_NAME"] = "test";
        return ScriptRun.BashAsync("infra/hooks/operator-app.sh", [step], environment, stub);
    }

    private string[] Calls()
    {
        var path = Path.Combine(stub, "calls");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }
}
