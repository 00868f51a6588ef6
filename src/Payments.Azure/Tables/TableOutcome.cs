namespace Payments.Azure.Tables;

/// <summary>How a table operation ended, as a value rather than an exception.</summary>
public enum TableOutcome
{
    Success,

    /// <summary>The table exists but the entity does not.</summary>
    NotFound,

    /// <summary>The table itself is missing (deleted, or never created): not an answer about the entity.</summary>
    TableNotFound,

    AlreadyExists,

    /// <summary>The entity's ETag no longer matches: someone else changed it first.</summary>
    PreconditionFailed,

    /// <summary>Throttled, busy or unreachable after the pipeline's retries.</summary>
    Unavailable,
}
