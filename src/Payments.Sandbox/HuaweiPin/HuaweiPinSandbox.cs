using System.Collections.Concurrent;

namespace Payments.Sandbox.HuaweiPin;

/// <summary>The sandbox's state: frames by token and by merchant order id, and the current faults.</summary>
public sealed class HuaweiPinSandbox
{
    private readonly ConcurrentDictionary<string, SandboxFrame> byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxFrame> byOid = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, int> getFrameCalls = new(StringComparer.Ordinal);

    public HuaweiPinFaults Faults { get; set; } = new();

    /// <summary>Counts a GetFrame call for <paramref name="merchantOid"/>, whatever its answer.</summary>
    public void CountGetFrame(string merchantOid) => getFrameCalls.AddOrUpdate(merchantOid, 1, (_, n) => n + 1);

    public int GetFrameCalls(string merchantOid) => getFrameCalls.GetValueOrDefault(merchantOid);

    /// <summary>Creates a frame unless the merchant order id was used before.</summary>
    public SandboxFrame? TryCreate(string merchantOid, string clientUsername)
    {
        var frame = new SandboxFrame(Guid.NewGuid().ToString("N"), merchantOid, clientUsername);
        if (!byOid.TryAdd(merchantOid, frame))
        {
            return null;
        }

        byToken[frame.Token] = frame;
        return frame;
    }

    /// <summary>
    /// Records the customer's outcome on an open frame (the callback then reports it, or
    /// <see cref="HuaweiPinFaults.CallbackStatus"/> instead); false when the frame was completed before.
    /// </summary>
    public bool TryComplete(SandboxFrame frame, string outcome, string amount)
    {
        ArgumentNullException.ThrowIfNull(frame);
        lock (frame)
        {
            if (frame.Status is not null)
            {
                return false;
            }

            frame.Status = Faults.CallbackStatus ?? outcome;
            frame.Amount = amount;
            return true;
        }
    }

    /// <summary>The frame of a merchant order id, or of a payment token.</summary>
    public SandboxFrame? Find(string orderIdOrToken) => ByOid(orderIdOrToken) ?? ByToken(orderIdOrToken);

    public SandboxFrame? ByToken(string token) => byToken.GetValueOrDefault(token);

    public SandboxFrame? ByOid(string merchantOid) => byOid.GetValueOrDefault(merchantOid);
}
