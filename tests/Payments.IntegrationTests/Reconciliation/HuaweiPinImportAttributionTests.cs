using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Http.Security;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Security;

namespace Payments.IntegrationTests.Reconciliation;

/// <summary>
/// A HUAWEIPIN export imported by an operator is what hands an unpaid order to a person as "the provider reports a
/// payment", with the row as evidence for the one who resolves it. Like every operator action, the audit record of that
/// evidence names who imported it (the signed-in principal's object id and how they signed in), so evidence cannot be
/// put into an order's trail by nobody.
/// </summary>
public sealed class HuaweiPinImportAttributionTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Import_SignedInOperator_EvidenceRecordNamesWhoImported()
    {
        var clock = new FakeTimeProvider(TestOrders.Now);
        await using var server = await ServerHost.StartAsync(
            azurite,
            HandDrivenJobs.Settings(clock, new Dictionary<string, string?>(OperatorSignInTests.EntraId)),
            s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<IPlatformAuthentication>(OperatorSignInTests.Platform(enabled: true));
            }
        );
        var orders = server.Services.GetRequiredService<IOrderRepository>();
        await orders.AddAsync(TestOrders.New("hp-who", PaymentProvider.HuaweiPin), default);
        await server
            .Services.GetRequiredService<OrderUpdater>()
            .UpdateAsync(
                "hp-who",
                (o, now) => o.Accept("ref-hp-who", TestLinks.Of("https://pay.example/hp-who"), null, now),
                default
            );
        using var client = server.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(
            ClientPrincipal.Header,
            OperatorSignInTests.Principal(OperatorsOptions.OperatorRole)
        );

        using var response = await client.PostAsync(
            "/api/ops/reconciliation/huaweipin/2026-11-22",
            new StringContent(
                "merchant_oid,amount,status,date\nhp-who,12.50,success,2026-11-22 10:15:00\n",
                new UTF8Encoding(false),
                "text/csv"
            )
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ReviewReason.ProviderReportsPayment,
            (await orders.FindAsync("hp-who", default))!.Value.ReviewReason
        );
        var evidence = Assert.Single(
            await server
                .Services.GetRequiredService<IAuditLog>()
                .ListAsync("hp-who", TestOrders.Now, default)
                .Where(r => r.Kind == AuditKinds.ReconciliationEvidence)
                .ToListAsync()
        );
        using var payload = JsonDocument.Parse(evidence.Payload);
        Assert.Equal(
            (OperatorSignInTests.ObjectId, "entra-id"),
            (Text(payload.RootElement, "operatorObjectId"), Text(payload.RootElement, "authentication"))
        );
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;
}
