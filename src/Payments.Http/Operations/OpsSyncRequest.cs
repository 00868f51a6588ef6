using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Operations;

/// <summary>The documented body of <c>POST /api/ops/sync</c>.</summary>
public sealed record OpsSyncRequest
{
    [Description(
        "The order to ask its provider about now (HaiPay; the answer is applied as the poller would). Left out ({}): "
            + "one poll cycle runs instead (202)."
    )]
    [StringLength(48)]
    public string? OrderId { get; init; }
}
