using TaskActors.Runtime.Directory;
using TaskActors.TestKit.Conformance;

namespace TaskActors.Runtime.Tests.Directory;

public sealed class InMemoryGrainDirectoryTests : GrainDirectoryConformanceTests
{
    protected override Task<IGrainDirectory> CreateDirectoryAsync() => Task.FromResult<IGrainDirectory>(new InMemoryGrainDirectory());
}
