using TaskActors.Runtime.Reminders;
using TaskActors.TestKit.Conformance;

namespace TaskActors.Runtime.Tests.Reminders;

public sealed class InMemoryReminderTableTests : ReminderTableConformanceTests
{
    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new InMemoryReminderTable());
}
