using System.Net.Http.Headers;
using System.Net.Http.Json;
using Payments.Client.Json;
using Payments.Client.Models;

namespace Payments.Client;

/// <summary>
/// The merchant API of the payments service. Every create sends an <c>Idempotency-Key</c>: the one you pass, else
/// one derived from the id you chose (<c>frame:{orderId}</c>, ...), else a new GUID. A repeat with the same key and
/// body gets the first answer back, so a create whose answer was lost is sent again as is. An error answer is thrown
/// as a <see cref="PaymentsApiException"/> carrying the parsed problem.
/// </summary>
/// <remarks>
/// Register it with <c>services.AddHttpClient&lt;PaymentsClient&gt;()</c> and the options as a singleton.
/// </remarks>
public sealed class PaymentsClient
{
    public const string FunctionKeyHeader = "x-functions-key";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly HttpClient http;
    private readonly PaymentsClientOptions options;

    public PaymentsClient(HttpClient http, PaymentsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.http = http;
        this.options = options;
    }

    /// <summary>Creates a HUAWEIPIN payment frame (201), or returns the same frame for a repeat (200).</summary>
    public Task<Frame> CreateFrameAsync(
        CreateFrameRequest request,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = idempotencyKey ?? KeyFor("frame", request.OrderId);
        return SendAsync<Frame>(HttpMethod.Post, "api/huaweipin/frames", request, key, cancellationToken);
    }

    /// <summary>
    /// Creates a HaiPay card collection; send the customer to its <see cref="CollectionOrder.PayUrl"/>.
    /// </summary>
    public Task<CollectionOrder> CreateCollectionAsync(
        CreateCollectionRequest request,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = idempotencyKey ?? KeyFor("collection", request.OrderId);
        return SendAsync<CollectionOrder>(HttpMethod.Post, "api/haipay/collections", request, key, cancellationToken);
    }

    /// <summary>The collection with its refund.</summary>
    public Task<CollectionOrder> GetCollectionAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendAsync<CollectionOrder>(
            HttpMethod.Get,
            $"api/haipay/collections/{Id(orderId)}",
            null,
            null,
            cancellationToken
        );

    /// <summary>Refunds a succeeded collection in full (201; 200 for a repeat).</summary>
    public Task<Refund> RefundCollectionAsync(
        string orderId,
        RefundRequest? request = null,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    )
    {
        var body = request ?? new RefundRequest();
        var key = idempotencyKey ?? KeyFor("refund", body.RefundId ?? orderId);
        var path = $"api/haipay/collections/{Id(orderId)}/refunds";
        return SendAsync<Refund>(HttpMethod.Post, path, body, key, cancellationToken);
    }

    /// <summary>Creates a HaiPay subscription; it is Pending until the customer confirms at its pay URL.</summary>
    public Task<Subscription> CreateSubscriptionAsync(
        CreateSubscriptionRequest request,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = idempotencyKey ?? KeyFor("subscription", request.SubscriptionOrderId);
        return SendAsync<Subscription>(HttpMethod.Post, "api/haipay/subscriptions", request, key, cancellationToken);
    }

    /// <summary>The subscription with every recorded charge; <paramref name="refresh"/> asks HaiPay first.</summary>
    public Task<Subscription> GetSubscriptionAsync(
        string subscriptionId,
        bool refresh = false,
        CancellationToken cancellationToken = default
    )
    {
        var path = $"api/haipay/subscriptions/{Id(subscriptionId)}" + (refresh ? "?refresh=true" : "");
        return SendAsync<Subscription>(HttpMethod.Get, path, null, null, cancellationToken);
    }

    /// <summary>Cancels the subscription at HaiPay (200 Canceled; again: 200 without asking HaiPay).</summary>
    public Task<Subscription> CancelSubscriptionAsync(
        string subscriptionId,
        CancellationToken cancellationToken = default
    )
    {
        var path = $"api/haipay/subscriptions/{Id(subscriptionId)}/cancel";
        return SendAsync<Subscription>(HttpMethod.Post, path, null, null, cancellationToken);
    }

    /// <summary>An order of any kind (a frame, collection, refund, subscription or charge).</summary>
    public Task<Order> GetOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendAsync<Order>(HttpMethod.Get, $"api/orders/{Id(orderId)}", null, null, cancellationToken);

    /// <summary>Asks the provider about the order once, now, and applies its answer (HaiPay only).</summary>
    public Task<Order> SyncOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendAsync<Order>(HttpMethod.Post, $"api/orders/{Id(orderId)}/sync", null, null, cancellationToken);

    private async Task<T> SendAsync<T>(
        HttpMethod method,
        string path,
        object? body,
        string? idempotencyKey,
        CancellationToken cancellationToken
    )
    {
        using var request = new HttpRequestMessage(method, new Uri(Root(options.BaseAddress!), path));
        request.Headers.Add(FunctionKeyHeader, options.FunctionKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: PaymentsJson.Options);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            throw new PaymentsApiException(
                response.StatusCode,
                PaymentsProblem.Parse(problem, (int)response.StatusCode),
                RetryAfter(response)
            );
        }

        return await response.Content.ReadFromJsonAsync<T>(PaymentsJson.Options, cancellationToken)
            ?? throw new PaymentsApiException($"{(int)response.StatusCode} answer without a body.");
    }

    /// <summary>
    /// <c>{operation}:{id}</c> when the id is visible ASCII (keys are shared by every route, so the operation keeps a
    /// frame and a refund under the same id apart), else a new GUID.
    /// </summary>
    private static string KeyFor(string operation, string? id) =>
        id is { Length: > 0 and <= 200 } && id.All(c => c is > ' ' and <= '~')
            ? $"{operation}:{id}"
            : Guid.NewGuid().ToString("N");

    private static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    private static Uri Root(Uri baseAddress) =>
        baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            _ => null,
        };
}
