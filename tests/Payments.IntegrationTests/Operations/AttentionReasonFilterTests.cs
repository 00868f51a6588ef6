using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// The operator <c>reason</c> filter takes the documented names only. A reason spelled any other way (the C# member
/// name <c>AmountMismatch</c>, a typo) names no partition and answers 200 with an empty list: an operator filtering
/// for amount mismatches is told there are none while one waits.
/// </summary>
public sealed class AttentionReasonFilterTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Theory]
    [InlineData("AmountMismatch")]
    [InlineData("amount_mismatch")]
    public async Task ListAttention_ReasonNotADocumentedName_400NamingReason(string reason)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.NeedsReviewAsync("filter-mismatch", ReviewReason.AmountMismatch);
        using var client = ops.Host.CreateOperatorClient();

        var response = await client.GetAsync("/api/ops/attention?category=needs-review&reason=" + reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out var named), $"errors: {errors}");
        Assert.Contains("amount-mismatch", named.ToString(), StringComparison.Ordinal);
    }
}
