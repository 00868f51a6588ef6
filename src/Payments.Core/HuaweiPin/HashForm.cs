namespace Payments.Core.HuaweiPin;

/// <summary>Which encoding of the digest a callback's hash matched (None: it did not match).</summary>
public enum HashForm
{
    None,
    LowerHex,
    UpperHex,
    Base64,
}
