using Microsoft.Extensions.DependencyInjection;
using TaskActors.Runtime.Lifecycle;
using Xunit;

namespace TaskActors.Runtime.Tests.Lifecycle;

public sealed class RuntimeStatusTests : ClusterTest
{
    [Fact]
    public async Task SiloAndClient_AreReadyOnceStarted_AndTheSiloIsNotOnceItStops()
    {
        await using var cluster = await StartClusterAsync(silos: 1);
        var silo = cluster.Silos[0];
        var siloStatus = silo.Services.GetRequiredService<IRuntimeStatus>();
        var clientStatus = cluster.ClientServices.GetRequiredService<IRuntimeStatus>();

        Assert.True(siloStatus.IsReady, siloStatus.Description);
        Assert.Contains("is active", siloStatus.Description, StringComparison.Ordinal);
        Assert.True(clientStatus.IsReady, clientStatus.Description);

        await cluster.StopSiloAsync(silo, TestCancellation);

        Assert.False(siloStatus.IsReady);
        Assert.Contains("shutting down", siloStatus.Description, StringComparison.Ordinal);
    }
}
