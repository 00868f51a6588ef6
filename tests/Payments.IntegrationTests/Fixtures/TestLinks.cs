using Payments.Core.Text;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>Links for tests that need an order with a customer page: made the only way there is.</summary>
internal static class TestLinks
{
    public static CustomerLink Of(string url) =>
        CustomerLink.From(url, new CustomerLinkOptions())
        ?? throw new ArgumentException($"{url} is no usable link.", nameof(url));
}
