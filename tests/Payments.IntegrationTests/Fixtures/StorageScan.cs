using Microsoft.Extensions.DependencyInjection;
using Payments.Azure.Tables;

namespace Payments.IntegrationTests.Fixtures;

internal static class StorageScan
{
    /// <summary>
    /// Every property value of every row in every table the server uses (audit month tables included), as text.
    /// </summary>
    /// <param name="server">The server whose tables are read.</param>
    /// <param name="skip">Rows left out (e.g. the bounded summaries a refused message is allowed to leave).</param>
    public static async Task<List<string>> AllValuesAsync(
        ServerHost server,
        Func<global::Azure.Data.Tables.TableEntity, bool>? skip = null
    )
    {
        var tables = server.Services.GetRequiredService<PaymentTables>();
        var values = new List<string>();
        foreach (var table in tables.All.Concat((await tables.AuditMonthsAsync(default)).Select(m => m.Table)))
        {
            await foreach (var row in table.QueryAsync(null, null, 1000, default))
            {
                if (skip?.Invoke(row) == true)
                {
                    continue;
                }

                values.Add(row.PartitionKey);
                values.Add(row.RowKey);
                values.AddRange(
                    row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                        .Select(p =>
                            Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty
                        )
                );
            }
        }

        return values;
    }

    public static async Task<int> RowCountAsync(ServerHost server) => (await AllValuesAsync(server)).Count;
}
