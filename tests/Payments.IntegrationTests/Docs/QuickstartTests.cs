using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Docs;

/// <summary>
/// The README's quickstart, run with bash exactly as printed (only its first line, which names the Server and
/// sandbox addresses, points at this test's own), against a Server and sandbox with the local development keys.
/// </summary>
public sealed partial class QuickstartTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string LocalFunctionKey = "local-dev-function-key";

    [Fact]
    public async Task Quickstart_RunAsPrinted_EveryCommandSucceedsAndEachOrderEndsAsItSays()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["FunctionKeys:Keys:1"] = LocalFunctionKey }
        );
        await system.RestartServerWithAsync(
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = $"{system.Sandbox.BaseAddress}merchant/webhooks",
                ["Secrets:Webhooks-SigningSecret"] = "whsec_c2FuZGJveC13ZWJob29rLXNpZ25pbmctc2VjcmV0LTAx",
                ["DeliverWebhooksSchedule"] = "*/1 * * * * *",
            }
        );
        var commands = Commands();
        var first = commands.Split('\n')[0];
        Assert.StartsWith("export PAYMENTS=", first, StringComparison.Ordinal);
        var script =
            "set -euo pipefail\n"
            + $"export PAYMENTS={system.Server.BaseAddress.ToString().TrimEnd('/')} "
            + $"SANDBOX_URL={system.Sandbox.BaseAddress.ToString().TrimEnd('/')}\n"
            + commands[(first.Length + 1)..];

        var (code, output, error) = await RunAsync(script);

        Assert.True(code == 0, $"the quickstart failed ({code}):\n{error}\n{output}");
        using var client = system.Server.CreateMerchantClient();
        var frame = await client.GetFromJsonAsync<JsonElement>("/api/orders/qs-frame-1");
        Assert.Equal(("Succeeded", "25.50"), (Text(frame, "status"), Text(frame, "amount")));
        var card = await client.GetFromJsonAsync<JsonElement>("/api/haipay/collections/qs-card-1");
        Assert.Equal(("Succeeded", "Succeeded"), (Text(card, "status"), Text(card.GetProperty("refund"), "status")));
        var declined = await client.GetFromJsonAsync<JsonElement>("/api/orders/qs-card-2");
        Assert.Equal(("Failed", "insufficient funds"), (Text(declined, "status"), Text(declined, "declineReason")));
        var subscription = await client.GetFromJsonAsync<JsonElement>("/api/haipay/subscriptions/qs-sub-1");
        Assert.Equal("Canceled", Text(subscription, "status"));
        Assert.True(subscription.GetProperty("charges").GetArrayLength() >= 2, subscription.ToString());
        Assert.Contains("\"signatureValid\":true", output, StringComparison.Ordinal);
    }

    private static string Commands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var block = Quickstart().Match(readme);
        Assert.True(block.Success, "README.md has no quickstart block between its markers");
        return block.Groups[1].Value.Trim();
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    private static async Task<(int Code, string Out, string Error)> RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(
        @"<!-- quickstart:begin -->\s*```bash\n(.*?)```\s*<!-- quickstart:end -->",
        RegexOptions.Singleline
    )]
    private static partial Regex Quickstart();
}
