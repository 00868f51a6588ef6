using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Payments.Core;

namespace Payments.Azure.Tables;

/// <summary>
/// One table, over the Table service REST API on Azure.Core's <see cref="HttpPipeline"/> (its retry,
/// logging and diagnostics). Expected storage answers come back as <see cref="TableOutcome"/> values.
/// </summary>
public sealed class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");
    private readonly HttpPipeline pipeline;
    private readonly Uri endpoint;

    internal TableClient(HttpPipeline pipeline, Uri endpoint, string name)
    {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        Name = name;
    }

    public string Name { get; }

    public async Task<TableOutcome> CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        using var message = Create(RequestMethod.Post, "Tables", body);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await SendAsync(message, cancellationToken);
        return response.Outcome == TableOutcome.AlreadyExists ? TableOutcome.Success : response.Outcome;
    }

    public async Task<TableResponse> InsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = Create(RequestMethod.Post, Name, TableEntityJson.Write(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        return await SendAsync(message, cancellationToken);
    }

    public async Task<TableResponse> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        using var message = Create(RequestMethod.Get, EntityPath(partitionKey, rowKey), null);
        var response = await SendAsync(message, cancellationToken);
        if (!response.IsSuccess)
        {
            return response;
        }

        using var json = await JsonDocument.ParseAsync(message.Response.ContentStream!, cancellationToken: cancellationToken);
        var entity = TableEntityJson.Read(json.RootElement, response.ETag);
        return response with { Entity = entity };
    }

    /// <summary>Replaces the entity if its ETag still matches (<c>*</c> matches any existing entity).</summary>
    public Task<TableResponse> ReplaceAsync(TableEntity entity, string etag, CancellationToken cancellationToken) =>
        WriteAsync(RequestMethod.Put, entity, etag, cancellationToken);

    /// <summary>Merges the given properties into the entity if its ETag still matches.</summary>
    public Task<TableResponse> MergeAsync(TableEntity entity, string etag, CancellationToken cancellationToken) =>
        WriteAsync(Merge, entity, etag, cancellationToken);

    /// <summary>Inserts or replaces the entity whatever is stored.</summary>
    public Task<TableResponse> UpsertAsync(TableEntity entity, CancellationToken cancellationToken) =>
        WriteAsync(RequestMethod.Put, entity, null, cancellationToken);

    public async Task<TableOutcome> DeleteAsync(string partitionKey, string rowKey, string etag, CancellationToken cancellationToken)
    {
        using var message = Create(RequestMethod.Delete, EntityPath(partitionKey, rowKey), null);
        message.Request.Headers.SetValue("If-Match", etag);
        return (await SendAsync(message, cancellationToken)).Outcome;
    }

    /// <summary>Entities matching <paramref name="filter"/> (build it with <see cref="TableFilter"/>), following continuation tokens.</summary>
    /// <param name="filter">OData filter, or null for all entities.</param>
    /// <param name="select">Properties to return, or null for all.</param>
    /// <param name="pageSize">Entities per request (<c>$top</c>, at most 1,000).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter,
        IReadOnlyCollection<string>? select,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        (string? Partition, string? Row) next = (null, null);
        do
        {
            using var message = Create(RequestMethod.Get, $"{Name}()", null);
            var uri = message.Request.Uri;
            if (filter is not null)
            {
                uri.AppendQuery("$filter", filter, escapeValue: true);
            }

            if (select is { Count: > 0 })
            {
                uri.AppendQuery("$select", string.Join(',', select.Append("PartitionKey").Append("RowKey").Distinct()), escapeValue: true);
            }

            uri.AppendQuery("$top", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
            if (next.Partition is not null)
            {
                uri.AppendQuery("NextPartitionKey", next.Partition, escapeValue: true);
                if (next.Row is not null)
                {
                    uri.AppendQuery("NextRowKey", next.Row, escapeValue: true);
                }
            }

            var response = await SendAsync(message, cancellationToken);
            if (!response.IsSuccess)
            {
                throw new StorageUnavailableException($"Table {Name}: {response.Outcome}");
            }

            using var json = await JsonDocument.ParseAsync(message.Response.ContentStream!, cancellationToken: cancellationToken);
            foreach (var item in json.RootElement.GetProperty("value").EnumerateArray())
            {
                yield return TableEntityJson.Read(item, null);
            }

            next = (Header(message.Response, "x-ms-continuation-NextPartitionKey"), Header(message.Response, "x-ms-continuation-NextRowKey"));
        }
        while (next.Partition is not null);
    }

    private async Task<TableResponse> WriteAsync(RequestMethod method, TableEntity entity, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = Create(method, EntityPath(entity.PartitionKey, entity.RowKey), TableEntityJson.Write(entity));
        if (etag is not null)
        {
            message.Request.Headers.SetValue("If-Match", etag);
        }

        return await SendAsync(message, cancellationToken);
    }

    private string EntityPath(string partitionKey, string rowKey) =>
        $"{Name}(PartitionKey='{KeyLiteral(partitionKey)}',RowKey='{KeyLiteral(rowKey)}')";

    private static string KeyLiteral(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private HttpMessage Create(RequestMethod method, string path, byte[]? body)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(endpoint);
        request.Uri.AppendPath("/", escape: false);
        request.Uri.AppendPath(path, escape: false);
        request.Headers.SetValue("x-ms-version", TableClientOptions.ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        if (body is not null)
        {
            request.Headers.SetValue("Content-Type", "application/json;odata=nometadata");
            request.Content = RequestContent.Create(body);
        }

        return message;
    }

    private async Task<TableResponse> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            return new TableResponse(TableOutcome.Unavailable);
        }

        var response = message.Response;
        var etag = Header(response, "ETag");
        return response.Status switch
        {
            >= 200 and < 300 => new TableResponse(TableOutcome.Success, etag),
            404 => new TableResponse(TableOutcome.NotFound),
            409 => new TableResponse(TableOutcome.AlreadyExists),
            412 => new TableResponse(TableOutcome.PreconditionFailed),
            408 or 429 or >= 500 => new TableResponse(TableOutcome.Unavailable),
            _ => throw Failure(response),
        };
    }

    /// <summary>No answer at all after the pipeline's retries (Azure.Core aggregates the tries' errors).</summary>
    private static bool IsTransportFailure(Exception e) => e switch
    {
        RequestFailedException { Status: 0 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransportFailure),
        _ => false,
    };

    private static TableStorageException Failure(Response response)
    {
        string? code = null;
        var text = response.ReasonPhrase;
        try
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            var error = json.RootElement.GetProperty("odata.error");
            code = error.GetProperty("code").GetString();
            text = error.GetProperty("message").GetProperty("value").GetString() ?? text;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            code ??= Header(response, "x-ms-error-code");
        }

        if (response.Status == 403)
        {
            text = $"{text} (check the storage account key, or the identity's Storage Table Data Contributor role)";
        }

        return new TableStorageException(response.Status, code, text);
    }

    private static string? Header(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;
}
