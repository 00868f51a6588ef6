using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Reconciliation;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Reconciliation;

/// <summary>
/// Reconciling a day with the HaiPay sandbox after HaiPay changed its mind: a final answer changed, an order lost,
/// another amount received, a fee reported. Each ends as a reconciliation row with both sides, the contradicted order
/// is flagged and never changed, the summary counts them, and a run resumes after its checkpoint without asking twice.
/// </summary>
public sealed class HaiPayReconciliationTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static string Today =>
        DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Reconcile_ProviderChangedItsAnswers_EachADifferenceWithBothSides()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        string[] ids = ["rec-same", "rec-now-failed", "rec-lost", "rec-other-amount", "rec-fee"];
        foreach (var id in ids)
        {
            await PaidAsync(system, id);
        }

        await RestateAsync(system, "rec-now-failed", new { status = "3" });
        await RestateAsync(system, "rec-lost", new { forget = "true" });
        await RestateAsync(system, "rec-other-amount", new { actualAmount = "12.00" });
        await RestateAsync(system, "rec-fee", new { fee = "0.30" });

        using var ops = system.Server.CreateOperatorClient();
        var response = await ops.PostAsync($"/api/ops/reconciliation/haipay/{Today}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("done", 5, 1, 4, 0, 5),
            (
                run.GetProperty("phase").GetString(),
                run.GetProperty("checked").GetInt32(),
                run.GetProperty("matched").GetInt32(),
                run.GetProperty("different").GetInt32(),
                run.GetProperty("unanswered").GetInt32(),
                run.GetProperty("queries").GetInt32()
            )
        );
        var rows = (await ops.GetFromJsonAsync<JsonElement>("/api/ops/attention?category=reconciliation&limit=50"))
            .GetProperty("items")
            .EnumerateArray()
            .ToDictionary(i => i.GetProperty("orderId").GetString()!, i => i);
        Assert.Equal(["rec-fee", "rec-lost", "rec-now-failed", "rec-other-amount"], rows.Keys.Order());
        Assert.Equal("status", rows["rec-now-failed"].GetProperty("reason").GetString());
        Assert.Equal("presence", rows["rec-lost"].GetProperty("reason").GetString());
        Assert.Equal("receivedAmount", rows["rec-other-amount"].GetProperty("reason").GetString());
        Assert.Equal("fee", rows["rec-fee"].GetProperty("reason").GetString());
        var detail = rows["rec-now-failed"].GetProperty("detail").GetString();
        Assert.Contains("ours Succeeded 12.50", detail, StringComparison.Ordinal);
        Assert.Contains("provider Failed", detail, StringComparison.Ordinal);
        Assert.Contains("provider none", rows["rec-lost"].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("fee 0.30", rows["rec-fee"].GetProperty("detail").GetString(), StringComparison.Ordinal);

        var contradicted = (await Orders(system).FindAsync("rec-now-failed", default))!.Value;
        Assert.Equal(
            (OrderStatus.Succeeded, ReviewReason.ProviderContradictsFinal),
            (contradicted.Status, contradicted.ReviewReason)
        );
        var record = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(null, DateTimeOffset.UtcNow, default)
            .SingleAsync(r => r.Kind == AuditKinds.OperatorReconciliation);
        Assert.Contains("\"authentication\":\"operator-key\"", record.Payload, StringComparison.Ordinal);
        Assert.Contains($"\"day\":\"{Today}\"", record.Payload, StringComparison.Ordinal);
        var close = await ops.GetFromJsonAsync<JsonElement>($"/api/ops/close/{Today}");
        var summary = Assert.Single(close.GetProperty("reconciliation").EnumerateArray());
        Assert.Equal(
            ("haipay-query", 4),
            (summary.GetProperty("source").GetString(), summary.GetProperty("different").GetInt32())
        );
    }

    [Fact]
    public async Task Reconcile_RunAgain_SameRowsNoMoreQueries_AndAgainStartsOver()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await PaidAsync(system, "again-a");
        await RestateAsync(system, "again-a", new { fee = "0.10" });
        using var ops = system.Server.CreateOperatorClient();

        await ops.PostAsync($"/api/ops/reconciliation/haipay/{Today}", null);
        var repeated = await ops.PostAsync($"/api/ops/reconciliation/haipay/{Today}", null);
        var queriesAfterRepeat = (await system.SandboxPaymentAsync("again-a"))!.Value.GetProperty("queries").GetInt32();
        var again = await (
            await ops.PostAsync($"/api/ops/reconciliation/haipay/{Today}?again=true", null)
        ).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, (await repeated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queries").GetInt32());
        Assert.Equal(1, queriesAfterRepeat);
        Assert.Equal(1, again.GetProperty("queries").GetInt32());
        Assert.Equal(2, (await system.SandboxPaymentAsync("again-a"))!.Value.GetProperty("queries").GetInt32());
        var rows = (await ops.GetFromJsonAsync<JsonElement>("/api/ops/attention?category=reconciliation&limit=50"))
            .GetProperty("items")
            .GetArrayLength();
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task Reconcile_CrashedRun_ResumesAfterItsCheckpoint()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await PaidAsync(system, "resume-a");
        await PaidAsync(system, "resume-b");
        var log = system.Server.Services.GetRequiredService<IReconciliationLog>();
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = await Orders(system)
            .FindChangedAsync(PaymentProvider.HaiPay, day, null, default)
            .FirstAsync(c => c.OrderId == "resume-a");
        var crashed = new ReconciliationRun
        {
            Source = HaiPayReconciler.Source,
            Day = day,
            StartedAt = DateTimeOffset.UtcNow,
            Phase = HaiPayReconciler.ChangedPhase,
            Cursor = first.Key,
            Checked = 1,
            Matched = 1,
            Queries = 1,
        };
        Assert.NotNull(await log.TrySaveRunAsync(crashed, null, default));

        using var ops = system.Server.CreateOperatorClient();
        var run = await (
            await ops.PostAsync($"/api/ops/reconciliation/haipay/{Today}", null)
        ).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((2, 2), (run.GetProperty("checked").GetInt32(), run.GetProperty("queries").GetInt32()));
        Assert.Equal(0, (await system.SandboxPaymentAsync("resume-a"))!.Value.GetProperty("queries").GetInt32());
        Assert.Equal(1, (await system.SandboxPaymentAsync("resume-b"))!.Value.GetProperty("queries").GetInt32());
    }

    [Theory]
    [InlineData("2999-01-01")]
    [InlineData("yesterday")]
    public async Task Reconcile_BadDay_400NothingAsked(string day)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var ops = system.Server.CreateOperatorClient();

        var response = await ops.PostAsync($"/api/ops/reconciliation/haipay/{day}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await ops.GetAsync($"/api/ops/reconciliation/haipay/{Today}")).StatusCode
        );
    }

    private static IOrderRepository Orders(PaymentsSystem system) =>
        system.Server.Services.GetRequiredService<IOrderRepository>();

    private static async Task PaidAsync(PaymentsSystem system, string orderId)
    {
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, orderId);
        await CollectionFlow.CompleteAsync(payUrl, "success");
        await system.WaitForStatusAsync(orderId, "Succeeded");
    }

    private static async Task RestateAsync(PaymentsSystem system, string orderId, object body)
    {
        using var client = system.Sandbox.CreateClient();
        var response = await client.PostAsJsonAsync($"/haipay/_sandbox/orders/{orderId}/restate", body);
        response.EnsureSuccessStatusCode();
    }
}
