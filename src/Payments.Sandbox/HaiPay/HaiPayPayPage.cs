using System.Net;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// HaiPay's 3-D Secure page of a collection (<c>pay/{orderNo}</c>, the apply reply's <c>payUrl</c>): the customer
/// approves, declines, or (for tests) pays part or more; the outcome is stored and the merchant notified.
/// </summary>
public static class HaiPayPayPage
{
    public static RouteGroupBuilder MapHaiPayPayPage(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/pay/{orderNo}", PayPage);
        group.MapPost("/pay/{orderNo}", CompleteAsync).DisableAntiforgery();
        return group;
    }

    private static IResult PayPage(string orderNo, HaiPaySandbox sandbox)
    {
        var c = sandbox.ByOrderNo(orderNo);
        if (c is null)
        {
            return Results.Content("<!doctype html><p>Unknown payment.</p>", "text/html", statusCode: 404);
        }

        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>HaiPay sandbox 3-D Secure</title>
            <style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto}
            button{display:block;margin:.5rem 0}</style></head>
            <body>
              <h1>3-D Secure check</h1>
              <p>Order <strong id="order">{{WebUtility.HtmlEncode(c.OrderId)}}</strong>:
                {{WebUtility.HtmlEncode(c.Amount)}} {{c.Currency}}, card ending {{c.CardLast4}}.</p>
              <form method="post">
                <button id="approve" name="outcome" value="success">Approve</button>
                <button id="decline" name="outcome" value="failed">Decline</button>
                <button id="partial" name="outcome" value="partial">Partial collection</button>
                <button id="over" name="outcome" value="over">Over-collection</button>
              </form>
            </body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private static async Task<IResult> CompleteAsync(
        string orderNo,
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPayCompletions completions
    )
    {
        var c = sandbox.ByOrderNo(orderNo);
        var outcome = (await request.ReadFormAsync())["outcome"].ToString();
        if (c is null || !HaiPayCompletions.CollectionOutcomes.Contains(outcome, StringComparer.Ordinal))
        {
            return Results.Content("<!doctype html><p>Invalid payment.</p>", "text/html", statusCode: 400);
        }

        if (!completions.TryComplete(c, outcome, collected: null, reason: null))
        {
            return Results.Content(
                "<!doctype html><p>This payment was already completed.</p>",
                "text/html",
                statusCode: 409
            );
        }

        var result = c.Status == 2 ? "Payment approved" : "Payment completed";
        return Results.Content(
            $"<!doctype html><p id=\"result\">{result}. The merchant is being notified.</p>",
            "text/html"
        );
    }
}
