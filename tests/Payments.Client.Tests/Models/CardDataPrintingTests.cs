using Payments.Client.Tests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.Client.Tests.Models;

/// <summary>A request carrying card data never prints it (a logged request leaks nothing).</summary>
public sealed class CardDataPrintingTests
{
    [Fact]
    public void CollectionAndSubscriptionRequests_ToString_NoCardNumberExpiryOrCvv()
    {
        var printed = new[] { Requests.Collection("ord-1").ToString(), Requests.Subscription("sub-1").ToString() };

        Assert.All(printed, text =>
        {
            Assert.DoesNotContain(CollectionFlow.CardNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain(CollectionFlow.Cvv, text, StringComparison.Ordinal);
            Assert.DoesNotContain(CollectionFlow.ExpiryYear, text, StringComparison.Ordinal);
            Assert.Contains("12.50", printed[0], StringComparison.Ordinal);
        });
    }
}
