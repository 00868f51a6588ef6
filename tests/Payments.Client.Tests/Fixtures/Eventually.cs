namespace Payments.Client.Tests.Fixtures;

internal static class Eventually
{
    /// <summary>Reads until <paramref name="done"/> holds (<paramref name="seconds"/> at most).</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var value = await read();
        while (!done(value))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still {value} after {seconds} s.");
            }

            await Task.Delay(100);
            value = await read();
        }

        return value;
    }
}
