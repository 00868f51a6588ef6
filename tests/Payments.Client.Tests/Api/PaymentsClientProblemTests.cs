using System.Net;
using Payments.Client.Models;
using Payments.Client.Tests.Fixtures;
using Payments.IntegrationTests.Fixtures;

namespace Payments.Client.Tests.Api;

/// <summary>Problem answers of the real Server, thrown as <see cref="PaymentsApiException"/> and read whole.</summary>
public sealed class PaymentsClientProblemTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task BadRequest_EachBadFieldParsed_NothingWritten()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var http = new HttpClient(new ContractCheckingHandler());
        var client = Requests.ClientFor(system.Server, http);

        var bad = await Assert.ThrowsAsync<PaymentsApiException>(() =>
            client.CreateCollectionAsync(Requests.Collection("pc-bad", 12.345m) with { Email = "x" })
        );
        var missing = await Assert.ThrowsAsync<PaymentsApiException>(() => client.GetOrderAsync("pc-bad"));

        Assert.Equal((HttpStatusCode.BadRequest, 400), (bad.StatusCode, bad.Problem.Status));
        Assert.Equal(PaymentsProblemCodes.InvalidRequest, bad.Problem.Code);
        Assert.Contains("amount", bad.Problem.Errors.Keys);
        Assert.Contains("email", bad.Problem.Errors.Keys);
        Assert.All(bad.Problem.Errors.Values, messages => Assert.NotEmpty(messages));
        Assert.False(bad.IsRetryable);
        Assert.Equal((HttpStatusCode.NotFound, 404), (missing.StatusCode, missing.Problem.Status));
        Assert.Equal(PaymentsProblemCodes.OrderNotFound, missing.Problem.Code);
    }

    [Fact]
    public async Task OtherContentForAnOrder_409WithTheOrdersStatus_OrWith422UnderTheSameKey()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var http = new HttpClient(new ContractCheckingHandler());
        var client = Requests.ClientFor(system.Server, http);
        await client.CreateFrameAsync(Requests.Frame("pc-conflict"));
        var other = Requests.Frame("pc-conflict") with { Username = "someone-else" };

        var conflict = await Assert.ThrowsAsync<PaymentsApiException>(() =>
            client.CreateFrameAsync(other, idempotencyKey: "another-key")
        );
        var keyReused = await Assert.ThrowsAsync<PaymentsApiException>(() => client.CreateFrameAsync(other));

        Assert.Equal((HttpStatusCode.Conflict, 409), (conflict.StatusCode, conflict.Problem.Status));
        Assert.Equal(("pc-conflict", OrderStatuses.Pending), (conflict.Problem.OrderId, conflict.Problem.OrderStatus));
        Assert.Equal(PaymentsProblemCodes.OrderIdConflict, conflict.Problem.Code);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, keyReused.StatusCode);
        Assert.Equal(PaymentsProblemCodes.IdempotencyKeyReused, keyReused.Problem.Code);
    }

    [Fact]
    public async Task ProviderDown_502Unknown_RetryableAndTheSameRequestLaterSucceeds()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var http = new HttpClient(new ContractCheckingHandler());
        var client = Requests.ClientFor(system.Server, http);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "error" });

        var down = await Assert.ThrowsAsync<PaymentsApiException>(() =>
            client.CreateFrameAsync(Requests.Frame("pc-down"))
        );
        await system.SetHuaweiPinFaultsAsync(new { });
        var retried = await client.CreateFrameAsync(Requests.Frame("pc-down"));

        Assert.Equal((HttpStatusCode.BadGateway, 502), (down.StatusCode, down.Problem.Status));
        Assert.Equal(("pc-down", OrderStatuses.Unknown), (down.Problem.OrderId, down.Problem.OrderStatus));
        Assert.Equal(PaymentsProblemCodes.ProviderUnavailable, down.Problem.Code);
        Assert.True(down.IsRetryable);
        Assert.Equal(("pc-down", OrderStatuses.Pending), (retried.OrderId, retried.Status));
        Assert.NotNull(retried.IframeUrl);
    }
}
