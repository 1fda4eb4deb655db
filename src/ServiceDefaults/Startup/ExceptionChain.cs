namespace TaskActors.ServiceDefaults.Startup;

/// <summary>An exception with every exception it wraps (inner exceptions, and each of an aggregate's), outermost first.</summary>
internal static class ExceptionChain
{
    /// <summary>Walks <paramref name="exception"/> and what it wraps, depth first.</summary>
    public static IEnumerable<Exception> Of(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            var inner = current is AggregateException aggregate ? aggregate.InnerExceptions : current.InnerException is { } one ? [one] : [];
            foreach (var wrapped in inner.Reverse())
            {
                pending.Push(wrapped);
            }
        }
    }
}
