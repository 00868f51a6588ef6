using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Payments.Bench.Reporting;

/// <summary>One results page: a title, the machine it ran on, notes and tables.</summary>
public sealed class MarkdownReport(string title)
{
    private readonly StringBuilder text = new StringBuilder()
        .AppendLine(CultureInfo.InvariantCulture, $"# {title}")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} CPU(s), {RuntimeInformation.OSDescription}, .NET {Environment.Version}; Azurite (in memory), the provider sandbox, the load tool and the service all on this one machine.")
        .AppendLine();

    public MarkdownReport Note(string line)
    {
        text.AppendLine(line).AppendLine();
        return this;
    }

    public MarkdownReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        text.AppendLine();
        return this;
    }

    public async Task WriteAsync(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, text.ToString());
        Console.WriteLine($"wrote {path}");
    }

    public static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
