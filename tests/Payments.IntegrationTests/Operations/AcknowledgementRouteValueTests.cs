using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Operations;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// The acknowledgement route follows the operator routes' rule for path values (a bad <c>orderId</c> is a
/// 400 naming it, answered before storage is asked), like resolution and replay do.
/// </summary>
public sealed class AcknowledgementRouteValueTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Body = """{"operator":"a@b.c","note":"seen"}""";

    public static TheoryData<string> BadPaths =>
        new()
        {
            "/api/ops/orders/bad%23id/acknowledgement",
            "/api/ops/orders/bad%01id/acknowledgement",
            "/api/ops/orders/%20padded/acknowledgement",
            $"/api/ops/orders/{new string('x', 49)}/acknowledgement",
        };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public async Task Acknowledge_BadOrderIdRouteValue_400NamingItNoStorageCall(string path)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        ops.Log.Clear();

        var response = await ops.PostAsync(path, Body);

        Assert.Equal(
            (HttpStatusCode.BadRequest, "application/problem+json"),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType)
        );
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("orderId", out _), $"errors: {errors}");
        Assert.Empty(ops.Log.Requests);
    }
}
