using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// <c>POST api/ops/orders/{orderId}/acknowledgement</c>: a final order flagged for a person (a late or contradicted
/// success) is listed under needs-review until an operator acknowledges it; it keeps its status, the acknowledgement is
/// a compare-and-swap through the aggregate and is audited.
/// </summary>
public sealed class AcknowledgementTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Body = """{"operator":"alice@shop.example","note":"refunded the second charge at HaiPay"}""";

    [Fact]
    public async Task Acknowledge_LateSuccess_200StatusKeptAuditedAndNoLongerListed()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await LateSuccessAsync(ops, "ack-late");
        Assert.Contains(
            "ack-late",
            OpsServer.OrderIds(await ops.AllItemsAsync("/api/ops/attention?category=needs-review"))
        );
        ops.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await ops.PostAsync("/api/ops/orders/ack-late/acknowledgement", Body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("Succeeded", ReviewReason.SucceededAfterExpiry.Name(), ops.Clock.GetUtcNow()),
            (
                view.GetProperty("status").GetString(),
                view.GetProperty("reviewReason").GetString(),
                view.GetProperty("reviewAcknowledgedAt").GetDateTimeOffset()
            )
        );
        var stored = (await ops.Orders.FindAsync("ack-late", default))!.Value;
        Assert.Equal((OrderStatus.Succeeded, "alice@shop.example"), (stored.Status, stored.ReviewAcknowledgedBy));
        Assert.Empty(await ops.AllItemsAsync("/api/ops/attention?category=needs-review"));
        Assert.Empty(
            await ops.AllItemsAsync(
                $"/api/ops/attention?category=needs-review&reason={ReviewReason.SucceededAfterExpiry.Name()}"
            )
        );
        var record = (
            await ops.Services.GetRequiredService<IAuditLog>().ListAsync("ack-late", default, default).ToListAsync()
        ).Single(r => r.Kind == AuditKinds.OperatorAcknowledgement);
        using var payload = JsonDocument.Parse(record.Payload);
        Assert.Equal(
            ("alice@shop.example", "refunded the second charge at HaiPay", ReviewReason.SucceededAfterExpiry.Name()),
            (
                payload.RootElement.GetProperty("operator").GetString(),
                payload.RootElement.GetProperty("note").GetString(),
                payload.RootElement.GetProperty("reviewReason").GetString()
            )
        );
    }

    [Fact]
    public async Task Acknowledge_NothingToAcknowledge_409AndUnknownOrder404()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("ack-pending");
        await ops.NeedsReviewAsync("ack-review");
        await LateSuccessAsync(ops, "ack-twice");
        Assert.Equal(
            HttpStatusCode.OK,
            (await ops.PostAsync("/api/ops/orders/ack-twice/acknowledgement", Body)).StatusCode
        );
        var before = await ops.Orders.FindAsync("ack-twice", default);

        var twice = await ops.PostAsync("/api/ops/orders/ack-twice/acknowledgement", Body);
        var pending = await ops.PostAsync("/api/ops/orders/ack-pending/acknowledgement", Body);
        var review = await ops.PostAsync("/api/ops/orders/ack-review/acknowledgement", Body);
        var unknown = await ops.PostAsync("/api/ops/orders/ack-missing/acknowledgement", Body);

        Assert.Equal(
            (HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.NotFound),
            (twice.StatusCode, pending.StatusCode, review.StatusCode, unknown.StatusCode)
        );
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await ops.Orders.FindAsync("ack-twice", default));
        Assert.Equal(OrderStatus.NeedsReview, (await ops.Orders.FindAsync("ack-review", default))!.Value.Status);
    }

    [Theory]
    [InlineData("""{"note":"seen"}""", "operator")]
    [InlineData("""{"operator":"a@b.c"}""", "note")]
    [InlineData("""{"operator":"a@b.c","note":7}""", "note")]
    [InlineData("""["seen"]""", "body")]
    [InlineData("""{"operator":"a@b.c","note":"card 4111 1111 1111 1111 seen"}""", "note")]
    public async Task Acknowledge_BadBody_400NamingTheFieldNothingWritten(string body, string field)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await LateSuccessAsync(ops, "ack-bad");
        var before = await ops.Orders.FindAsync("ack-bad", default);
        ops.Log.Clear();

        var response = await ops.PostAsync("/api/ops/orders/ack-bad/acknowledgement", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors: {errors}");
        Assert.Empty(ops.Log.Requests);
        Assert.Equal(before, await ops.Orders.FindAsync("ack-bad", default));
    }

    [Fact]
    public async Task Acknowledge_EveryFieldBad_400NamingEach()
    {
        await using var ops = await OpsServer.StartAsync(azurite);

        var response = await ops.PostAsync(
            "/api/ops/orders/ack-any/acknowledgement",
            """{"operator":"","note":null}"""
        );

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["note", "operator"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A contradiction of a final order that arrives after its flag was acknowledged flags it again (listed again).
    /// </summary>
    [Fact]
    public async Task ListAttention_ContradictedAfterAcknowledgement_ListedAgainUnderItsFirstReason()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await LateSuccessAsync(ops, "ack-again");
        Assert.Equal(
            HttpStatusCode.OK,
            (await ops.PostAsync("/api/ops/orders/ack-again/acknowledgement", Body)).StatusCode
        );

        var contradicted = await ops.Updater.UpdateAsync(
            "ack-again",
            (o, now) => o.Apply(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 12.50m), now),
            default
        );

        Assert.Equal(
            (TransitionKind.Conflict, OrderStatus.Succeeded, ReviewReason.SucceededAfterExpiry),
            (contradicted.Kind, contradicted.Order!.Status, contradicted.Order.ReviewReason)
        );
        Assert.StartsWith("provider says Failed", contradicted.Order.LastError?.Value, StringComparison.Ordinal);
        var listed = await ops.AllItemsAsync(
            $"/api/ops/attention?category=needs-review&reason={ReviewReason.SucceededAfterExpiry.Name()}"
        );
        Assert.Equal(["ack-again"], OpsServer.OrderIds(listed));
        Assert.Equal("Succeeded", listed[0].GetProperty("status").GetString());
    }

    private static async Task LateSuccessAsync(OpsServer ops, string id)
    {
        await ops.PendingAsync(id);
        await ops.Updater.UpdateAsync(id, (o, now) => o.Expire(now), default);
        ops.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await ops.Updater.UpdateAsync(
            id,
            (o, now) => o.Apply(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m), now),
            default
        );
        Assert.Equal(ReviewReason.SucceededAfterExpiry, late.Order!.ReviewReason);
    }
}
