using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// The operator routes' path values (<c>orderId</c>, <c>eventId</c>) follow the order-id rule: a bad one is a 400
/// naming it, answered before storage is asked anything.
/// </summary>
public sealed class OperatorRouteValueTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Resolution =
        """{"decision":"Failed","operator":"a@b.c","note":"n","evidence":"manual-override"}""";

    public static TheoryData<string, string> BadRouteValues =>
        new()
        {
            { "/api/ops/orders/bad%23id/resolution", "orderId" },
            { "/api/ops/orders/bad%3Fid/resolution", "orderId" },
            { "/api/ops/orders/bad%01id/resolution", "orderId" },
            { "/api/ops/orders/%20padded/resolution", "orderId" },
            { $"/api/ops/orders/{new string('x', 49)}/resolution", "orderId" },
            { "/api/ops/webhooks/bad%23id/evt_1/replay", "orderId" },
            { "/api/ops/webhooks/order-1/evt%23x/replay", "eventId" },
            { $"/api/ops/webhooks/order-1/{new string('e', 49)}/replay", "eventId" },
        };

    [Theory]
    [MemberData(nameof(BadRouteValues))]
    public async Task OperatorRoute_BadRouteValue_400NamingItNoStorageCall(string path, string field)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        ops.Log.Clear();

        var response = await ops.PostAsync(
            path,
            path.EndsWith("/resolution", StringComparison.Ordinal) ? Resolution : null
        );

        Assert.Equal(
            (HttpStatusCode.BadRequest, "application/problem+json"),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType)
        );
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors: {errors}");
        Assert.Empty(ops.Log.Requests);
    }

    [Fact]
    public async Task ReplayWebhook_BothRouteValuesAndTheNoteBad_400NamingEach()
    {
        await using var ops = await OpsServer.StartAsync(azurite);

        var response = await ops.PostAsync("/api/ops/webhooks/bad%23id/evt%3Fx/replay", """{"note":" "}""");

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["eventId", "note", "orderId"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)
        );
    }
}
