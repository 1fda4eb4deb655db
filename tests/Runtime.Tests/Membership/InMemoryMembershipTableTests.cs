using TaskActors.Runtime.Membership;
using TaskActors.TestKit.Conformance;

namespace TaskActors.Runtime.Tests.Membership;

public sealed class InMemoryMembershipTableTests : MembershipTableConformanceTests
{
    protected override Task<IMembershipTable> CreateTableAsync() => Task.FromResult<IMembershipTable>(new InMemoryMembershipTable());
}
