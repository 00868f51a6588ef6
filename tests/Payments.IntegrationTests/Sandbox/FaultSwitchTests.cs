using System.Text.Json;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Sandbox;

/// <summary>
/// Single faults switched on and off through <c>PATCH /{provider}/_sandbox/faults</c> (the others kept), all cleared
/// through <c>DELETE</c>; a switched fault changes what reaches the service.
/// </summary>
public sealed class FaultSwitchTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task WrongHashSwitchedOn_CallbackIsForgedAndTheServiceKeepsTheOrderOpen_SwitchedOffItPays()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "trg-forged");
        await FrameFlow.CreatedIframeUrlAsync(system, "trg-genuine");
        var on = await Patch(system, "huaweipin", """{"wrongHash":true,"duplicateCallbacks":1}""");

        await SandboxControl.PostAsync(system, "/huaweipin/_sandbox/frames/trg-forged/complete", "{}");
        var forged = await PaymentsSystem.FirstDeliveryAsync(() => system.SandboxFrameAsync("trg-forged"));
        var off = await Patch(system, "huaweipin", """{"WRONGHASH":null}""");
        await SandboxControl.PostAsync(system, "/huaweipin/_sandbox/frames/trg-genuine/complete", "{}");

        Assert.Equal(
            (true, 1),
            (on.GetProperty("wrongHash").GetBoolean(), on.GetProperty("duplicateCallbacks").GetInt32())
        );
        Assert.Equal(
            (false, 1),
            (off.GetProperty("wrongHash").GetBoolean(), off.GetProperty("duplicateCallbacks").GetInt32())
        );
        Assert.True(forged.GetProperty("forged").GetBoolean());
        Assert.NotEqual(200, forged.GetProperty("status").GetInt32());
        Assert.Equal(
            "Pending",
            (await SandboxControl.OrderAsync(system, "trg-forged")).GetProperty("status").GetString()
        );
        await system.WaitForStatusAsync("trg-genuine", "Succeeded");
    }

    [Fact]
    public async Task Switch_UnknownFaultOrBadValue400NamingIt_NothingSwitched_DeleteClearsAll()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await Patch(system, "haipay", """{"apply":"timeout","badNotificationSignature":true}""");

        var bad = await SandboxControl.SendAsync(
            system,
            HttpMethod.Patch,
            "/haipay/_sandbox/faults",
            """{"query":"refuse","noSuchFault":true,"failureRate":"often"}"""
        );
        var kept = await SandboxControl.SendAsync(system, HttpMethod.Get, "/haipay/_sandbox/faults");
        var cleared = await SandboxControl.SendAsync(system, HttpMethod.Delete, "/haipay/_sandbox/faults");

        Assert.Equal((400, "failureRate,noSuchFault"), (bad.Status, SandboxControl.BadFields(bad.Body)));
        var faults = kept.Body.GetProperty("faults");
        Assert.Equal(
            ("timeout", "none", true),
            (
                faults.GetProperty("apply").GetString(),
                faults.GetProperty("query").GetString(),
                faults.GetProperty("badNotificationSignature").GetBoolean()
            )
        );
        Assert.Equal(
            (200, "none", false),
            (
                cleared.Status,
                cleared.Body.GetProperty("apply").GetString(),
                cleared.Body.GetProperty("badNotificationSignature").GetBoolean()
            )
        );
    }

    private static async Task<JsonElement> Patch(PaymentsSystem system, string provider, string json)
    {
        var (status, body) = await SandboxControl.SendAsync(
            system,
            HttpMethod.Patch,
            $"/{provider}/_sandbox/faults",
            json
        );
        Assert.True(status == 200, $"{status} {body}");
        return body;
    }
}
