namespace TaskActors.Runtime.Messaging;

/// <summary>Calls with a deadline that <see cref="DeadlineSweeper"/> enforces, on the calling or the receiving side.</summary>
internal interface IDeadlineTracker
{
    /// <summary>Ends every call whose deadline is at or before <paramref name="now"/>; returns how many it ended.</summary>
    int ExpireOverdue(DateTimeOffset now);
}
