using System.Text;
using System.Text.Json;
using Payments.Client.Tests.Fixtures;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.Client.Tests.Docs;

/// <summary>
/// The Node and Python verification snippets of <c>docs/webhooks.md</c>, run exactly as written against a
/// notification the Server really sent: accepted as sent and beside another signature (rotation), refused when the
/// body, the signature or the secret is not the one signed.
/// </summary>
public sealed class WebhookDocsSnippetTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string NodeHarness = """

        const input = JSON.parse(require("node:fs").readFileSync(process.argv[2], "utf8"));
        const event = verifyWebhook(input.secret, input.headers, Buffer.from(input.body, "base64"));
        console.log(`${event.type} ${event.data.orderId}`);
        """;

    private const string PythonHarness = """

        import sys
        _input = json.load(open(sys.argv[1]))
        _event = verify_webhook(_input["secret"], _input["headers"], base64.b64decode(_input["body"]))
        print(_event["type"], _event["data"]["orderId"])
        """;

    [Fact]
    public async Task NodeAndPythonSnippets_VerifyARealDelivery_AndRefuseTamperedOnes()
    {
        var secret = WebhookSettings.NewSecret();
        await using var capture = await DeliveryCapture.StartAsync();
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            WebhookSettings.SendingTo(capture.Url, secret)
        );
        var iframeUrl = await FrameFlow.CreatedIframeUrlAsync(system, "docs-1");
        await FrameFlow.PayAsync(iframeUrl, "25.00", "success");
        var delivery = (await Eventually.ReadAsync(() => Task.FromResult(capture.Deliveries), d => d.Count > 0))[0];
        var signature = delivery.Headers["webhook-signature"];
        var otherSignature = "v1," + Convert.ToBase64String(new byte[32]);
        var tamperedBody = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(delivery.Body).Replace("25", "26"));

        foreach (var run in new Func<string, Task<(int, string)>>[] { RunNodeAsync, RunPythonAsync })
        {
            Assert.Equal((0, "order.succeeded docs-1"), await run(Input(delivery, secret)));
            Assert.Equal(
                (0, "order.succeeded docs-1"),
                await run(Input(delivery with { Headers = With(delivery, otherSignature + " " + signature) }, secret))
            );
            Assert.NotEqual(0, (await run(Input(delivery with { Body = tamperedBody }, secret))).Item1);
            Assert.NotEqual(
                0,
                (await run(Input(delivery with { Headers = With(delivery, otherSignature) }, secret))).Item1
            );
            Assert.NotEqual(0, (await run(Input(delivery, WebhookSettings.NewSecret()))).Item1);
        }
    }

    private static Dictionary<string, string> With(CapturedDelivery delivery, string signature) =>
        new(delivery.Headers) { ["webhook-signature"] = signature };

    private static string Input(CapturedDelivery delivery, string secret) =>
        JsonSerializer.Serialize(
            new
            {
                secret,
                headers = delivery.Headers,
                body = Convert.ToBase64String(delivery.Body),
            }
        );

    private static Task<(int, string)> RunNodeAsync(string input) =>
        RunAsync("node", ".js", DocSnippet.Code("verify-node") + NodeHarness, input);

    private static Task<(int, string)> RunPythonAsync(string input) =>
        RunAsync("python3", ".py", DocSnippet.Code("verify-python") + PythonHarness, input);

    private static async Task<(int, string)> RunAsync(string program, string extension, string code, string input)
    {
        var folder = Directory.CreateTempSubdirectory("webhook-snippet-");
        try
        {
            var script = Path.Combine(folder.FullName, "verify" + extension);
            var inputFile = Path.Combine(folder.FullName, "input.json");
            await File.WriteAllTextAsync(script, code);
            await File.WriteAllTextAsync(inputFile, input);
            var (exitCode, output) = await DocSnippet.RunAsync(program, script, inputFile);
            return (exitCode, exitCode == 0 ? output : "");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
