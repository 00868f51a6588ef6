using System.Text.Json;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Validation;

namespace Payments.Core.Tests.HaiPay;

public sealed class SubscriptionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static (CreateSubscriptionCommand?, FieldErrors) Validate(string recurrence)
    {
        var options = new HaiPayOptions();
        options.Accounts["USD"] = new HaiPayAccount { AppId = 1054 };
        var json =
            """
                {"subscriptionOrderId":"S1","amount":"9.99","name":"Jon Smith","email":"jon@example.com","clientType":"WEB",
                 "accountNo":"4000056655665556","expiryMonth":"11","expiryYear":"2028","cvv":"234","referer":"https://shop.example",
                 "callBackUrl":"https://shop.example/done","userAgent":"Mozilla/5.0","customerIp":"142.250.191.174","subject":"Plan",
                 "partnerUserId":"9527",
                """
            + recurrence
            + "}";
        var errors = new FieldErrors();
        return (
            SubscriptionValidator.Validate(JsonDocument.Parse(json).RootElement, options, Now, null, errors),
            errors
        );
    }

    [Fact]
    public void Validate_SampleShapeWithNumberCount_DefaultsRetryTimesToThree()
    {
        var (command, errors) = Validate("\"recurringInterval\":\"D\",\"recurringIntervalCount\":2");

        Assert.True(errors.IsEmpty);
        Assert.Equal(
            (new Recurrence(RecurrenceUnit.Day, 2, 3), "S1", 9.99m),
            (command!.Recurrence, command.SubscriptionId, command.Payment.Amount)
        );
    }

    [Theory]
    [InlineData("Y", 3, true)]
    [InlineData("Y", 4, false)]
    [InlineData("M", 36, true)]
    [InlineData("M", 37, false)]
    [InlineData("W", 156, true)]
    [InlineData("D", 1096, true)]
    [InlineData("D", 1097, false)]
    public void Validate_Period_AtMostThreeYears(string unit, int count, bool accepted)
    {
        var (command, errors) = Validate($"\"recurringInterval\":\"{unit}\",\"recurringIntervalCount\":\"{count}\"");

        Assert.Equal(accepted, command is not null);
        Assert.Equal(accepted ? [] : ["recurringIntervalCount"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Fingerprint_DifferentRecurrence_Differs()
    {
        var daily = Validate("\"recurringInterval\":\"D\",\"recurringIntervalCount\":1").Item1!;
        var weekly = Validate("\"recurringInterval\":\"W\",\"recurringIntervalCount\":1").Item1!;

        Assert.NotEqual(daily.Fingerprint, weekly.Fingerprint);
        Assert.DoesNotContain("4000056655665556", daily.Fingerprint, StringComparison.Ordinal);
    }
}
