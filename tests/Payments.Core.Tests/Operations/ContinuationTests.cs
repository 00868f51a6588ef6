using Payments.Core.Operations;

namespace Payments.Core.Tests.Operations;

public sealed class ContinuationTests
{
    [Theory]
    [InlineData("0639000000000000000-order-1")]
    [InlineData("0639000000000000000-quote!27s!0Aevt_1")]
    public void Decode_WhatEncodeHandedOut_TheKey(string key)
    {
        Assert.Equal(key, Continuation.Decode(Continuation.Encode(key)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("bm90LWEta2V5")]
    [InlineData("%%%")]
    public void Decode_AnythingElse_Null(string continuation)
    {
        Assert.Null(Continuation.Decode(continuation));
    }

    [Fact]
    public void Decode_KeyWithCharactersKeysNeverHold_Null()
    {
        Assert.Null(Continuation.Decode(Continuation.Encode("0639000000000000000-a'b")));
        Assert.Null(Continuation.Decode(Continuation.Encode("063900000000000000x-ab")));
    }
}
