using TaskActors.Grains.Abstractions.Tasks;
using Xunit;

namespace TaskActors.Grains.Tests.Tasks;

public sealed class TaskScopesTests
{
    [Theory]
    [InlineData("demo", "alice", "demo|alice")]
    [InlineData("svc", null, "svc")]
    [InlineData("svc", "", "svc")]
    [InlineData("a|b", null, "a%7Cb")]
    [InlineData("a", "b|c", "a|b%7Cc")]
    [InlineData("50%", "x", "50%25|x")]
    [InlineData("anon", null, "%61non")]
    [InlineData("anon", "x", "%61non|x")]
    [InlineData("anonymous", null, "anonymous")]
    public void ForToken_KeepsOrdinaryIdsPlain_AndEscapesTheRest(string clientId, string? subject, string expected) =>
        Assert.Equal(expected, TaskScopes.ForToken(clientId, subject));

    [Theory]
    [InlineData("a|b", null, "a", "b")]
    [InlineData("a|b", "c", "a", "b|c")]
    [InlineData("a%7Cb", null, "a|b", null)]
    [InlineData("%61non", null, "anon", null)]
    [InlineData("a%25", null, "a%", null)]
    public void ForToken_NeverGivesTwoIdentitiesOneScope(string clientA, string? subjectA, string clientB, string? subjectB) =>
        Assert.NotEqual(TaskScopes.ForToken(clientA, subjectA), TaskScopes.ForToken(clientB, subjectB));

    [Theory]
    [InlineData("anon", null)]
    [InlineData("anon", "")]
    [InlineData("%61non", null)]
    [InlineData("anon", "session-1")]
    public void ForToken_NeverGivesTheAnonymousScopeOrItsRequestorKeys(string clientId, string? subject)
    {
        var scope = TaskScopes.ForToken(clientId, subject);

        Assert.NotEqual(TaskScopes.Anonymous, scope);
        Assert.NotEqual(TaskScopes.RequestorKey(TaskScopes.Anonymous, "session-1"), TaskScopes.RequestorKey(scope, "session-1"));
    }
}
