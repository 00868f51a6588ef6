using Payments.Core.Webhooks;

namespace Payments.Core.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<TimeSpan> Schedule = WebhookOptions.DefaultSchedule;

    [Fact]
    public void Claim_EachAttempt_NextDueAfterTheScheduledWait()
    {
        var delivery = WebhookDelivery.Start("evt_1", Now);
        var at = Now;
        foreach (var wait in Schedule)
        {
            delivery = delivery.Claim(Schedule, at)!.Fail(500, "HTTP 500", Schedule, at);
            Assert.Equal((WebhookDeliveryState.Pending, at + wait), (delivery.State, delivery.NextAttemptAt));
            at = delivery.NextAttemptAt;
        }

        Assert.Equal(Schedule.Count, delivery.Attempts);
    }

    [Fact]
    public void Fail_LastAttempt_Abandoned()
    {
        var delivery = WebhookDelivery.Start("evt_1", Now);
        for (var i = 0; i <= Schedule.Count; i++)
        {
            delivery = delivery.Claim(Schedule, Now)!.Fail(503, "HTTP 503", Schedule, Now);
        }

        Assert.Equal(
            (WebhookDeliveryState.Abandoned, 8, 503),
            (delivery.State, delivery.Attempts, delivery.LastStatusCode)
        );
        Assert.Null(delivery.Claim(Schedule, Now));
    }

    [Fact]
    public void Claim_LastAttempt_LeasedSoADeadDispatcherIsNoticed()
    {
        var delivery = WebhookDelivery.Start("evt_1", Now) with { Attempts = Schedule.Count };

        var claimed = delivery.Claim(Schedule, Now)!;

        Assert.Equal(Now + WebhookDelivery.LastAttemptLease, claimed.NextAttemptAt);
        Assert.Null(claimed.Claim(Schedule, Now.AddHours(1)));
    }

    [Fact]
    public void Succeed_Finished_NoFurtherClaim()
    {
        var delivered = WebhookDelivery.Start("evt_1", Now).Claim(Schedule, Now)!.Succeed(204, Now);

        Assert.True(delivered.IsFinished);
        Assert.Null(delivered.Claim(Schedule, Now.AddDays(1)));
    }

    [Fact]
    public void Schedule_Unset_DefaultSevenRetries()
    {
        var options = new WebhookOptions();

        Assert.Equal([60, 300, 1800, 7200, 21600, 43200, 86400], options.Schedule.Select(w => (int)w.TotalSeconds));
        options.RetrySchedule.Add(TimeSpan.FromSeconds(2));
        Assert.Equal([TimeSpan.FromSeconds(2)], options.Schedule);
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://user:pw@example.com/hook")]
    [InlineData("/relative/hook")]
    public void Validate_BadUrl_Fails(string url) =>
        Assert.True(
            new WebhookOptionsValidator()
                .Validate(null, new WebhookOptions { Url = new Uri(url, UriKind.RelativeOrAbsolute) })
                .Failed
        );

    [Fact]
    public void Validate_EmptyUrl_MeansNone()
    {
        var options = new WebhookOptions { Url = new Uri(string.Empty, UriKind.RelativeOrAbsolute) };

        Assert.Null(options.Endpoint);
        Assert.True(new WebhookOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Replay_Abandoned_PendingDueNowWithEveryAttemptAhead()
    {
        var abandoned = WebhookDelivery.Start("evt_1", Now) with { Attempts = 8, LastStatusCode = 500 };
        abandoned = abandoned.Abandon("HTTP 500", Now.AddDays(2));

        var replayed = abandoned.Replay(Now.AddDays(3));

        Assert.Equal(
            (WebhookDeliveryState.Pending, 0, Now.AddDays(3), (DateTimeOffset?)null),
            (replayed.State, replayed.Attempts, replayed.NextAttemptAt, replayed.FinishedAt)
        );
        Assert.False(replayed.IsFinished);
        Assert.NotNull(replayed.Claim(Schedule, Now.AddDays(3)));
    }
}
