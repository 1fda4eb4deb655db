using TaskActors.Runtime.Activation;
using TaskActors.Runtime.Messaging;
using Xunit;

namespace TaskActors.Runtime.Tests.Activation;

public sealed class RunningWorkItemsTests
{
    [Fact]
    public void Remove_KeepsTheOthers_FromAnyPosition()
    {
        var running = new RunningWorkItems();
        var (first, middle, last) = (new Item(), new Item(), new Item());
        running.Add(first);
        running.Add(middle);
        running.Add(last);

        running.Remove(middle);
        Assert.Equal([last, first], running.Items);
        running.Remove(last);
        Assert.Equal([first], running.Items);
        running.Remove(first);

        Assert.Empty(running.Items);
        Assert.Equal(0, running.Count);
    }

    [Fact]
    public void Item_CanRunAgain_AfterItWasRemoved()
    {
        var running = new RunningWorkItems();
        var (item, other) = (new Item(), new Item());
        running.Add(item);
        running.Add(other);
        running.Remove(item);

        running.Add(item);

        Assert.Equal([item, other], running.Items);
        Assert.Equal(2, running.Count);
    }

    private sealed class Item : ActivationWorkItem
    {
        public override bool Interleave => false;

        public override bool CountsAsActivity => false;

        public override Task ExecuteAsync(GrainActivation activation) => Task.CompletedTask;

        public override void OnCompleted()
        {
        }

        public override void Reject(GrainCallResponse response)
        {
        }

        public override void Redeliver()
        {
        }
    }
}
