using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.Core.Webhooks;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.Operations;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// What operators decide never regresses or hides money: late and contradicted successes stay listed until
/// acknowledged, provider-answer resolutions agree with HaiPay's signed answer and the order version checked, notes
/// carry no card number, and every decision is recorded before it is applied.
/// </summary>
public sealed class OperatorDecisionTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    /// <summary>
    /// a signed success after Expired/Failed leaves the order Succeeded with reviewReason succeeded-after-expiry /
    /// succeeded-after-failure ("money may have moved twice"), but the attention index only has rows for NeedsReview:
    /// the order is listed nowhere, although the console even offers these reasons as filters.
    /// </summary>
    [Theory]
    [InlineData("expired", ReviewReason.SucceededAfterExpiry)]
    [InlineData("failed", ReviewReason.SucceededAfterFailure)]
    public async Task ListAttention_LateSignedSuccessFlaggedForAPerson_Listed(string before, ReviewReason reason)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var id = "rv-late-" + before;
        if (before == "expired")
        {
            await ops.PendingAsync(id);
            await ops.Updater.UpdateAsync(id, (o, now) => o.Expire(now), default);
        }
        else
        {
            await ops.NeedsReviewAsync(id);
            Assert.Equal(
                HttpStatusCode.OK,
                (
                    await ops.PostAsync(
                        $"/api/ops/orders/{id}/resolution",
                        """{"decision":"Failed","operator":"alice@shop.example","note":"customer says unpaid","evidence":"manual-override"}"""
                    )
                ).StatusCode
            );
        }

        ops.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await ops.Updater.UpdateAsync(
            id,
            (o, now) => o.Apply(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m), now),
            default
        );
        Assert.Equal((OrderStatus.Succeeded, reason), (late.Order!.Status, late.Order.ReviewReason));

        var byReason = await ops.AllItemsAsync($"/api/ops/attention?category=needs-review&reason={reason.Name()}");
        var all = await ops.AllItemsAsync("/api/ops/attention?category=needs-review");

        Assert.Contains(id, OpsServer.OrderIds(byReason));
        Assert.Contains(id, OpsServer.OrderIds(all));
    }

    /// <summary>
    /// an operator's manual-override Succeeded that HaiPay later contradicts with a signed failure is only a
    /// callback-conflict audit row: the merchant was told succeeded, HaiPay says no money, and no listing shows it.
    /// </summary>
    [Fact]
    public async Task ListAttention_OverrideSucceededThenSignedFailure_OrderListedForAPerson()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CreatedPayUrlAsync(system, "rv-contradicted");
        await GiveUpAsync(system, "rv-contradicted");
        using var ops = system.Server.CreateOperatorClient();
        var resolved = await ops.PostAsync(
            "/api/ops/orders/rv-contradicted/resolution",
            Json(
                """{"decision":"Succeeded","operator":"bob@shop.example","note":"customer sent a screenshot","evidence":"manual-override"}"""
            )
        );
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        using var anonymous = system.Server.CreateAnonymousClient();
        var notified = await anonymous.PostAsync(
            "/api/haipay/notify",
            SignedNotification("rv-contradicted", 3, "12.50")
        );
        Assert.Equal("SUCCESS", await notified.Content.ReadAsStringAsync());
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("rv-contradicted", DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Contains(audit, a => a.Kind == AuditKinds.CallbackConflict);

        var listed = new List<string?>();
        foreach (var category in new[] { "needs-review", "unmatched-callbacks", "unverified-callbacks" })
        {
            var page = await ops.GetFromJsonAsync<JsonElement>($"/api/ops/attention?category={category}&limit=200");
            listed.AddRange(
                page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("orderId").GetString())
            );
        }

        Assert.Contains("rv-contradicted", listed);
    }

    /// <summary>
    /// evidence provider-answer accepts Succeeded when HaiPay's signed answer is a success with ANOTHER amount
    /// (verdict Succeeded with review reason amount-mismatch): the decision "agrees" on the outcome only, the review
    /// reason the provider's own answer carries is waived, and the order becomes Succeeded at our amount without the
    /// received one.
    /// </summary>
    [Fact]
    public async Task Resolve_ProviderAnswerIsASuccessWithAnotherAmount_409()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, services: s =>
            s.AddHttpClient<HaiPayClient>().AddHttpMessageHandler(() => new QueryAmountRewriter("99.00"))
        );
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "rv-mismatch"), "success");
        await GiveUpAsync(system, "rv-mismatch");
        using var ops = system.Server.CreateOperatorClient();

        var response = await ops.PostAsync(
            "/api/ops/orders/rv-mismatch/resolution",
            Json(
                """{"decision":"Succeeded","operator":"bob@shop.example","note":"HaiPay says paid","evidence":"provider-answer"}"""
            )
        );

        var order = (
            await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync("rv-mismatch", default)
        )!.Value;
        Assert.True(
            response.StatusCode == HttpStatusCode.Conflict,
            $"{(int)response.StatusCode}: order now {order.Status}, amount {order.Amount}, received "
                + $"{order.ReceivedAmount?.ToString() ?? "none"}; HaiPay's signed answer said 99.00"
        );
        Assert.Equal(OrderStatus.NeedsReview, order.Status);
    }

    /// <summary>
    /// an abandoned delivery of an event the order has since moved on from stays in the abandoned listing for ever:
    /// replay answers 409 ("the order has moved on") and nothing else removes the row.
    /// </summary>
    [Fact]
    public async Task ListWebhooks_AbandonedEventTheOrderMovedOnFrom_NotListed()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var order = await ops.NeedsReviewAsync("rv-wh-moved");
        var outbox = ops.Services.GetRequiredService<IWebhookOutbox>();
        var delivery = WebhookDelivery.Start(order.LastEvent!.Id, ops.Clock.GetUtcNow()) with
        {
            Attempts = 8,
            LastStatusCode = 500,
        };
        Assert.NotNull(
            await outbox.TrySaveAsync("rv-wh-moved", delivery.Abandon("HTTP 500", ops.Clock.GetUtcNow()), null, default)
        );
        await ops.Updater.UpdateAsync("rv-wh-moved", (o, now) => o.Resolve(OrderStatus.Failed, null, now), default);
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await ops.PostAsync($"/api/ops/webhooks/rv-wh-moved/{order.LastEvent.Id}/replay", null)).StatusCode
        );

        var listed = await ops.AllItemsAsync("/api/ops/webhooks?state=abandoned");

        Assert.DoesNotContain("rv-wh-moved", OpsServer.OrderIds(listed));
    }

    /// <summary>
    /// the operator's free-text note goes into the audit table as typed: a card number pasted into it is stored
    /// (the rule is: never store a card number). Expected: refused (400 naming note) or stored redacted.
    /// </summary>
    [Fact]
    public async Task Resolve_NoteWithACardNumber_CardNumberNotStored()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.NeedsReviewAsync("rv-pan");

        var response = await ops.PostAsync(
            "/api/ops/orders/rv-pan/resolution",
            """{"decision":"Failed","operator":"a@b.c","note":"customer card 4111 1111 1111 1111 exp 12/29 declined","evidence":"manual-override"}"""
        );

        var audit = await ops
            .Services.GetRequiredService<IAuditLog>()
            .ListAsync("rv-pan", default, default)
            .ToListAsync();
        Assert.DoesNotContain(audit, a => a.Payload.Contains("4111 1111 1111 1111", StringComparison.Ordinal));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// a body sent without Content-Length and without Content-Type (chunked) is taken for "no body": POST
    /// api/ops/sync {"orderId": ...} then runs a whole poll cycle (202) instead of checking the order or answering
    /// 400/415.
    /// </summary>
    [Fact]
    public async Task Sync_ChunkedBodyWithoutContentType_NotTakenForNoBody()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        using var client = ops.Host.CreateOperatorClient();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("""{"orderId":"bad#id"}""")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ops/sync") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(
            response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType,
            $"{(int)response.StatusCode}"
        );
    }

    /// <summary>
    /// provider-answer checks HaiPay's answer against the order as read before the query, but writes through the
    /// updater, which on a lost race re-reads and applies Resolve to whatever NeedsReview order it finds: a signed
    /// partial collection that arrived while HaiPay was being asked is overwritten by a decision made on the older
    /// state.
    /// </summary>
    [Fact]
    public async Task Resolve_ProviderAnswerWhileTheOrderChanged_409AndTheNewerStateKept()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, services: s =>
            s.AddHttpClient<HaiPayClient>().AddHttpMessageHandler(sp => new ChangeDuringQuery(sp, "rv-race"))
        );
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "rv-race"), "success");
        await GiveUpAsync(system, "rv-race");
        using var ops = system.Server.CreateOperatorClient();

        var response = await ops.PostAsync(
            "/api/ops/orders/rv-race/resolution",
            Json(
                """{"decision":"Succeeded","operator":"bob@shop.example","note":"HaiPay says paid","evidence":"provider-answer"}"""
            )
        );

        var order = (
            await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync("rv-race", default)
        )!.Value;
        Assert.True(
            response.StatusCode == HttpStatusCode.Conflict,
            $"{(int)response.StatusCode}: order now {order.Status} ({order.ProviderStatus}, "
                + $"{order.ReviewReason?.Name() ?? "no reason"}, received {order.ReceivedAmount})"
        );
        Assert.Equal((OrderStatus.NeedsReview, ReviewReason.PartialCollection), (order.Status, order.ReviewReason));
    }

    /// <summary>
    /// attention rows of provider messages (written per anonymous unverified message, up to
    /// Audit:UnverifiedPerPartition a day) are never deleted: the audit month tables they summarize are purged after
    /// Audit:Retention, the listing hides older rows, but the rows stay in the attention table for ever.
    /// </summary>
    [Fact]
    public async Task PurgeAudit_PastRetention_AttentionRowsOfMessagesGoToo()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var audit = ops.Services.GetRequiredService<IAuditLog>();
        var summary = UnverifiedSummary.Of(JsonDocument.Parse("{}").RootElement, "203.0.113.7", "signature");
        for (var i = 0; i < 3; i++)
        {
            await audit.RecordUnverifiedAsync(
                new AuditRecord(null, AuditKinds.CallbackUnverified, summary.ToJson(), ops.Clock.GetUtcNow()),
                default
            );
        }

        var tables = ops.Services.GetRequiredService<Payments.Azure.Tables.PaymentTables>();
        Assert.Equal(3, await CountAsync(tables, "unverified-callbacks"));
        ops.Clock.Advance(TimeSpan.FromDays(500));
        await audit.PurgeAsync(ops.Clock.GetUtcNow() - TimeSpan.FromDays(400), default);

        Assert.Empty(
            (await ops.GetJsonAsync("/api/ops/attention?category=unverified-callbacks"))
                .GetProperty("items")
                .EnumerateArray()
        );
        Assert.Equal(0, await CountAsync(tables, "unverified-callbacks"));
    }

    private static async Task<int> CountAsync(Payments.Azure.Tables.PaymentTables tables, string partition)
    {
        var filter = global::Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        return await tables.Attention.QueryAsync(filter, null, 1000, default).CountAsync();
    }

    /// <summary>
    /// While HaiPay is asked about <paramref name="orderId"/>, a signed partial collection for it is applied (once).
    /// </summary>
    private sealed class ChangeDuringQuery(IServiceProvider services, string orderId) : DelegatingHandler
    {
        private static int done;

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken
        )
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (
                request.RequestUri?.AbsolutePath.EndsWith("/collect/query", StringComparison.Ordinal) == true
                && Interlocked.Exchange(ref done, 1) == 0
            )
            {
                var verdict = new ProviderVerdict(
                    OrderStatus.Pending,
                    ProviderText.Of("4"),
                    null,
                    ReviewReason.PartialCollection,
                    6.25m
                );
                var changed = await services
                    .GetRequiredService<OrderUpdater>()
                    .UpdateAsync(orderId, (o, now) => o.Apply(verdict, now), cancellationToken);
                Assert.Equal(TransitionKind.Changed, changed.Kind);
            }

            return response;
        }
    }

    /// <summary>
    /// the resolution is written first and audited after: when the audit write fails (storage refuses it) the
    /// operator gets a 5xx, the order stays decided (merchant notified) and no record says who decided it or why; a
    /// retry answers 409. Expected: no decision without its audit record (record the intent first, or fail before the
    /// change).
    /// </summary>
    [Fact]
    public async Task Resolve_AuditWriteFails_NoDecisionWithoutItsRecord()
    {
        await using var server = await ServerHost.StartAsync(azurite, services: s =>
        {
            s.AddSingleton<Payments.Azure.Audit.TableAuditLog>();
            s.AddSingleton<IAuditLog>(sp => new OperatorAuditOutage(
                sp.GetRequiredService<Payments.Azure.Audit.TableAuditLog>()
            ));
        });
        var orders = server.Services.GetRequiredService<IOrderRepository>();
        var updater = server.Services.GetRequiredService<OrderUpdater>();
        await orders.AddAsync(
            TestOrders.New("rv-audit") with
            {
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            },
            default
        );
        await updater.UpdateAsync(
            "rv-audit",
            (o, now) => o.Accept("ref", TestLinks.Of("https://pay.example/x"), null, now),
            default
        );
        await updater.UpdateAsync("rv-audit", (o, now) => o.GiveUpChecking(ReviewReason.ChecksExhausted, now), default);
        using var ops = server.CreateOperatorClient();

        var response = await ops.PostAsync(
            "/api/ops/orders/rv-audit/resolution",
            Json(
                """{"decision":"Succeeded","operator":"mallory@shop.example","note":"trust me","evidence":"manual-override"}"""
            )
        );

        var order = (await orders.FindAsync("rv-audit", default))!.Value;
        var records = await server
            .Services.GetRequiredService<Payments.Azure.Audit.TableAuditLog>()
            .ListAsync("rv-audit", default, default)
            .ToListAsync();
        Assert.True(
            order.Status == OrderStatus.NeedsReview || records.Any(r => r.Kind == AuditKinds.OperatorResolution),
            $"{(int)response.StatusCode}: order {order.Status}, audit kinds "
                + $"[{string.Join(", ", records.Select(r => r.Kind))}]"
        );
    }

    /// <summary>Storage refuses the operator's audit write (and only that one).</summary>
    private sealed class OperatorAuditOutage(IAuditLog inner) : IAuditLog
    {
        public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken) =>
            record.Kind == AuditKinds.OperatorResolution
                ? throw new Payments.Core.StorageUnavailableException("Audit table: Unavailable")
                : inner.RecordAsync(record, cancellationToken);

        public Task RecordUnverifiedAsync(AuditRecord summary, CancellationToken cancellationToken) =>
            inner.RecordUnverifiedAsync(summary, cancellationToken);

        public IAsyncEnumerable<AuditRecord> ListAsync(
            string? orderId,
            DateTimeOffset day,
            CancellationToken cancellationToken
        ) => inner.ListAsync(orderId, day, cancellationToken);

        public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
            inner.PurgeAsync(before, cancellationToken);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

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

    private static StringContent SignedNotification(string orderId, int status, string amount)
    {
        var fields = new JsonObject
        {
            ["appId"] = PaymentsSystem.HaiPayAppId,
            ["currency"] = "USD",
            ["orderId"] = orderId,
            ["orderNo"] = "6023071013539999",
            ["amount"] = amount,
            ["fee"] = "0.00",
            ["status"] = status,
            ["payTime"] = "2026-11-22 10:00:00",
        };
        using var document = JsonDocument.Parse(fields.ToJsonString());
        fields["sign"] = HaiPaySignature.SignObject(
            document.RootElement,
            PaymentsSystem.HaiPayMerchantSecret,
            HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate)
        );
        return new StringContent(fields.ToJsonString(), Encoding.UTF8, "application/json");
    }

    /// <summary>
    /// Stands for HaiPay answering a status query with a success of another amount: the sandbox's genuine reply with
    /// <c>amount</c>/<c>actualAmount</c> replaced, signed again with the platform key (so it verifies like HaiPay's
    /// own).
    /// </summary>
    private sealed class QueryAmountRewriter(string amount) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken
        )
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (
                request.RequestUri?.AbsolutePath.EndsWith("/collect/query", StringComparison.Ordinal) != true
                || !response.IsSuccessStatusCode
            )
            {
                return response;
            }

            var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            if (envelope["data"] is not JsonObject data)
            {
                return response;
            }

            data.Remove("sign");
            data["amount"] = amount;
            if (data.ContainsKey("actualAmount"))
            {
                data["actualAmount"] = amount;
            }

            using (var document = JsonDocument.Parse(data.ToJsonString()))
            {
                data["sign"] = HaiPaySignature.SignObject(
                    document.RootElement,
                    PaymentsSystem.HaiPayMerchantSecret,
                    HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate)
                );
            }

            response.Content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
