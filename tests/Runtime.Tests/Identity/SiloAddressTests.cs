using TaskActors.Runtime.Identity;
using Xunit;

namespace TaskActors.Runtime.Tests.Identity;

public sealed class SiloAddressTests
{
    [Fact]
    public void Addresses_AreEqual_WithTheSameHostPortAndGeneration()
    {
        var address = new SiloAddress("10.0.0.1", 11111, 42);
        var parsed = SiloAddress.Parse("10.0.0.1:11111@42");

        Assert.Equal(address, parsed);
        Assert.True(address == parsed);
        Assert.Equal(address.GetHashCode(), parsed.GetHashCode());
    }

    [Fact]
    public void Addresses_Differ_WhenOnlyTheHostDiffers()
    {
        var address = new SiloAddress("10.0.0.1", 11111, 42);
        var other = new SiloAddress("10.0.0.2", 11111, 42);

        Assert.NotEqual(address, other);
        Assert.NotEqual(address, new SiloAddress("10.0.0.1", 11111, 43));
        Assert.NotEqual(address, new SiloAddress("10.0.0.1", 11112, 42));
    }
}
