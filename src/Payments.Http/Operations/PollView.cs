namespace Payments.Http.Operations;

/// <summary>What one poll cycle started by an operator did: how many due HaiPay orders it checked.</summary>
public sealed record PollView(int Checked);
