using System.Text.Json;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Core.Validation;

namespace Payments.Core.Tests.Validation;

/// <summary>
/// A request record is read by its JSON contract: camelCase names, a wrong JSON type reported on its property (never
/// thrown), absent and null left unset, whole numbers from a JSON number or a string of digits.
/// </summary>
public sealed class JsonRequestTests
{
    [Fact]
    public void Read_ByCamelCaseNames_AsSent()
    {
        var (request, errors) = Read<CreateFrameRequest>(
            """{"orderId":"f-1","username":"alice","customerIp":"203.0.113.7"}"""
        );

        Assert.True(errors.IsEmpty);
        Assert.Equal(("f-1", "alice", "203.0.113.7"), (request!.OrderId, request.Username, request.CustomerIp));
    }

    [Fact]
    public void Read_WrongTypes_EachReportedOnItsPropertyNothingThrown()
    {
        var (request, errors) = Read<CreateFrameRequest>(
            """{"orderId":42,"username":["u"],"customerIp":"203.0.113.7"}"""
        );

        Assert.Equal(["orderId", "username"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Equal("must be a string", errors.ToDictionary()["orderId"].Single());
        Assert.Equal((null, null, "203.0.113.7"), (request!.OrderId, (string?)request.Username, request.CustomerIp));
    }

    [Fact]
    public void Read_AbsentAndNull_LeftUnset()
    {
        var (request, errors) = Read<CreateFrameRequest>("""{"orderId":null}""");

        Assert.True(errors.IsEmpty);
        Assert.Null(request!.OrderId);
        Assert.Null((string?)request.Username);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void Read_NotAnObject_ReportedOnBody(string json)
    {
        var (request, errors) = Read<RefundRequest>(json);

        Assert.Null(request);
        Assert.Equal("must be a JSON object", errors.ToDictionary()["body"].Single());
    }

    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("\"12.50\"", "12.50")]
    public void Read_StringOrNumberProperty_NumberReadAsItsLiteralText(string json, string expected)
    {
        var (request, errors) = Read<CreateCollectionRequest>($$"""{"amount":{{json}}}""");

        Assert.True(errors.IsEmpty);
        Assert.Equal(expected, request!.Amount);
    }

    [Fact]
    public void Read_NumberForAPlainStringProperty_Refused()
    {
        var (_, errors) = Read<CreateCollectionRequest>("""{"accountNo":4000056655665556}""");

        Assert.Equal("must be a string", errors.ToDictionary()["accountNo"].Single());
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("\"7\"", 7)]
    [InlineData("\"007\"", 7)]
    public void Read_WholeNumber_FromANumberOrDigits(string json, int expected)
    {
        var (request, errors) = Read<CreateSubscriptionRequest>($$"""{"recurringIntervalCount":{{json}}}""");

        Assert.True(errors.IsEmpty);
        Assert.Equal(expected, request!.RecurringIntervalCount);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-2")]
    [InlineData("\"1e2\"")]
    [InlineData("\"1234567\"")]
    [InlineData("\"three\"")]
    public void Read_NotAWholeNumber_RefusedWithItsDeclaredRange(string json)
    {
        var (_, errors) = Read<CreateSubscriptionRequest>($$"""{"retryTimes":{{json}}}""");

        Assert.Equal("must be a whole number from 0 to 10", errors.ToDictionary()["retryTimes"].Single());
    }

    private static (T? Request, FieldErrors Errors) Read<T>(string json)
        where T : class
    {
        using var document = JsonDocument.Parse(json);
        var errors = new FieldErrors();
        return (JsonRequest.Read<T>(document.RootElement, errors), errors);
    }
}
