namespace Payments.Http.Problems;

/// <summary>
/// A stable, machine-readable kind of problem answer: its <c>code</c> member, its HTTP status and what a caller does
/// about it. The <c>type</c> member is <see cref="Type"/>, one URI per code. Listed in <see cref="ProblemCodes"/>.
/// </summary>
public sealed record ProblemCode(string Name, int Status, string Meaning)
{
    /// <summary>The URI every problem of this code carries as its <c>type</c>.</summary>
    public string Type => ProblemCodes.TypePrefix + Name;
}
