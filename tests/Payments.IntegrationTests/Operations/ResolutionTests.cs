using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// <c>POST api/ops/orders/{orderId}/resolution</c>: an operator decides an order in NeedsReview, on the provider's
/// signed answer or as a named override; the change is a compare-and-swap through the aggregate, raises the webhook
/// event and is audited.
/// </summary>
public sealed class ResolutionTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Override =
        """{"decision":"Succeeded","operator":"alice@shop.example","note":"bank statement shows the money","evidence":"manual-override"}""";

    [Fact]
    public async Task Resolve_ManualOverride_SucceededEventRaisedAndAudited()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.NeedsReviewAsync("res-override", ReviewReason.ProviderHasNoRecord);
        ops.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await ops.PostAsync("/api/ops/orders/res-override/resolution", Override);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("res-override", "Succeeded", JsonValueKind.Null),
            (
                view.GetProperty("orderId").GetString(),
                view.GetProperty("status").GetString(),
                view.GetProperty("reviewReason").ValueKind
            )
        );
        var stored = (await ops.Orders.FindAsync("res-override", default))!.Value;
        Assert.Equal(
            (OrderStatus.Succeeded, "order.succeeded", ops.Clock.GetUtcNow()),
            (stored.Status, stored.LastEvent!.Type, stored.LastEvent.OccurredAt)
        );
        Assert.True(stored.HasNewEvent);
        var record = (
            await ops.Services.GetRequiredService<IAuditLog>().ListAsync("res-override", default, default).ToListAsync()
        ).Single(r => r.Kind == AuditKinds.OperatorResolution);
        using var payload = JsonDocument.Parse(record.Payload);
        Assert.Equal(ops.Clock.GetUtcNow(), record.At);
        Assert.Equal("alice@shop.example", payload.RootElement.GetProperty("operator").GetString());
        Assert.Equal("bank statement shows the money", payload.RootElement.GetProperty("note").GetString());
        Assert.Equal("manual-override", payload.RootElement.GetProperty("evidence").GetString());
        Assert.Equal("provider-has-no-record", payload.RootElement.GetProperty("reviewReason").GetString());
    }

    [Fact]
    public async Task Resolve_OrderNotInNeedsReview_409AndNothingChanged()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.NeedsReviewAsync("res-twice");
        await ops.PendingAsync("res-pending");
        Assert.Equal(
            HttpStatusCode.OK,
            (await ops.PostAsync("/api/ops/orders/res-twice/resolution", Override)).StatusCode
        );
        var before = (await ops.Orders.FindAsync("res-twice", default))!;

        var again = await ops.PostAsync(
            "/api/ops/orders/res-twice/resolution",
            Override.Replace("Succeeded", "Failed", StringComparison.Ordinal)
        );
        var pending = await ops.PostAsync("/api/ops/orders/res-pending/resolution", Override);

        Assert.Equal(
            (HttpStatusCode.Conflict, "application/problem+json"),
            (again.StatusCode, again.Content.Headers.ContentType!.MediaType)
        );
        Assert.Contains(
            "Succeeded",
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal(before, await ops.Orders.FindAsync("res-twice", default));
        Assert.Equal(OrderStatus.Pending, (await ops.Orders.FindAsync("res-pending", default))!.Value.Status);
    }

    [Fact]
    public async Task Resolve_UnknownOrder_404()
    {
        await using var ops = await OpsServer.StartAsync(azurite);

        var response = await ops.PostAsync("/api/ops/orders/res-nobody/resolution", Override);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"operator":"a@b.c","note":"n","evidence":"manual-override"}""", "decision")]
    [InlineData("""{"decision":"succeeded","operator":"a@b.c","note":"n","evidence":"manual-override"}""", "decision")]
    [InlineData("""{"decision":"Expired","operator":"a@b.c","note":"n","evidence":"manual-override"}""", "decision")]
    [InlineData("""{"decision":"Failed","note":"n","evidence":"manual-override"}""", "operator")]
    [InlineData("""{"decision":"Failed","operator":" ","note":"n","evidence":"manual-override"}""", "operator")]
    [InlineData("""{"decision":"Failed","operator":"a@b.c","evidence":"manual-override"}""", "note")]
    [InlineData("""{"decision":"Failed","operator":"a@b.c","note":7,"evidence":"manual-override"}""", "note")]
    [InlineData("""{"decision":"Failed","operator":"a@b.c","note":"n"}""", "evidence")]
    [InlineData("""{"decision":"Failed","operator":"a@b.c","note":"n","evidence":"hunch"}""", "evidence")]
    [InlineData(
        """{"decision":"Failed","decision":"Succeeded","operator":"a@b.c","note":"n","evidence":"manual-override"}""",
        "decision"
    )]
    [InlineData("""["Failed"]""", "body")]
    public async Task Resolve_BadBody_400NamingTheFieldNothingWritten(string body, string field)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var before = (await ops.Orders.AddAsync(TestOrders.New("res-bad"), default)).Order;
        await ops.Updater.UpdateAsync(before, (o, now) => o.GiveUpChecking(ReviewReason.ChecksExhausted, now), default);
        before = (await ops.Orders.FindAsync("res-bad", default))!;
        ops.Log.Clear();

        var response = await ops.PostAsync("/api/ops/orders/res-bad/resolution", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors: {errors}");
        Assert.Empty(ops.Log.Requests);
        Assert.Equal(before, await ops.Orders.FindAsync("res-bad", default));
    }

    [Fact]
    public async Task Resolve_EveryFieldBad_400NamingEach()
    {
        await using var ops = await OpsServer.StartAsync(azurite);

        var response = await ops.PostAsync(
            "/api/ops/orders/res-any/resolution",
            """{"decision":1,"operator":"","note":"","evidence":null}"""
        );

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["decision", "evidence", "note", "operator"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task Resolve_ProviderAnswerAgrees_AppliedWithTheProvidersStatus()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "res-paid"), "success");
        await GiveUpAsync(system, "res-paid");
        using var ops = system.Server.CreateOperatorClient();

        var disagreeing = await ops.PostAsJsonAsync(
            "/api/ops/orders/res-paid/resolution",
            Body("Failed", "provider-answer")
        );
        var agreeing = await ops.PostAsJsonAsync(
            "/api/ops/orders/res-paid/resolution",
            Body("Succeeded", "provider-answer")
        );

        Assert.Equal(HttpStatusCode.Conflict, disagreeing.StatusCode);
        var detail = (await disagreeing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("status '2' (Succeeded)", detail, StringComparison.Ordinal);
        Assert.Contains("Failed disagrees", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, agreeing.StatusCode);
        var view = await agreeing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("Succeeded", "2"),
            (view.GetProperty("status").GetString(), view.GetProperty("providerStatus").GetString())
        );
    }

    [Fact]
    public async Task Resolve_ProviderAnswerOnAPartialCollection_409NamingWhatHaiPaySays()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "res-partial"), "partial");
        await system.WaitForStatusAsync("res-partial", "NeedsReview");
        using var ops = system.Server.CreateOperatorClient();

        var response = await ops.PostAsJsonAsync(
            "/api/ops/orders/res-partial/resolution",
            Body("Succeeded", "provider-answer")
        );

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(
            "partial-collection",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            StringComparison.Ordinal
        );
        await system.WaitForStatusAsync("res-partial", "NeedsReview", seconds: 1);
    }

    [Fact]
    public async Task Resolve_ProviderAnswerForHuaweiPin_409AskingForAnOverride()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.NeedsReviewAsync("res-hwp", ReviewReason.UnknownCallbackStatus, PaymentProvider.HuaweiPin);

        var response = await ops.PostAsync(
            "/api/ops/orders/res-hwp/resolution",
            JsonSerializer.Serialize(Body("Succeeded", "provider-answer"))
        );

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(
            "manual-override",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            StringComparison.Ordinal
        );
    }

    private static Dictionary<string, string> Body(string decision, string evidence) =>
        new()
        {
            ["decision"] = decision,
            ["operator"] = "bob@shop.example",
            ["note"] = "checked with HaiPay",
            ["evidence"] = evidence,
        };

    /// <summary>The order's checks ran out before anyone heard HaiPay's answer: it waits for a person.</summary>
    private static async Task GiveUpAsync(PaymentsSystem system, string orderId)
    {
        var updater = system.Server.Services.GetRequiredService<OrderUpdater>();
        var result = await updater.UpdateAsync(
            orderId,
            (o, now) => o.GiveUpChecking(ReviewReason.ChecksExhausted, now),
            default
        );
        Assert.Equal(OrderStatus.NeedsReview, result.Order!.Status);
    }
}
