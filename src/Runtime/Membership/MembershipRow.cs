namespace TaskActors.Runtime.Membership;

/// <summary>A membership entry with the ETag that the next update of it must present.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="ETag">The row's current ETag.</param>
public sealed record MembershipRow(MembershipEntry Entry, string ETag);
