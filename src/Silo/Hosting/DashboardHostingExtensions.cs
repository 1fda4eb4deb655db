using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using TaskActors.Silo.Dashboard;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds the Orleans Dashboard to a TaskActors silo when configuration asks for it.</summary>
public static class DashboardHostingExtensions
{
    /// <summary>
    /// Reads <c>TaskActors:Dashboard</c> (<see cref="SiloDashboardOptions"/>, validated at start). When
    /// <c>Enabled</c>, the silo collects the dashboard's statistics (Orleans' <c>AddDashboard</c>) and serves the
    /// dashboard under <c>Path</c> on its HTTP port, to loopback clients only unless credentials are configured. Every
    /// silo of a cluster should have the same setting: the dashboard reads its statistics from each silo.
    /// </summary>
    public static IHostApplicationBuilder AddTaskActorsDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection("TaskActors").GetSection(SiloDashboardOptions.SectionName);
        builder.Services.AddOptions<SiloDashboardOptions>().Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloDashboardOptions>, SiloDashboardOptionsValidator>());
        if (!section.GetValue<bool>(nameof(SiloDashboardOptions.Enabled)))
        {
            return builder;
        }

        // UseOrleans again configures the same silo that AddTaskActorsSilo made.
        builder.UseOrleans(silo => silo.AddDashboard());
        builder.Services.AddTransient<IStartupFilter, DashboardStartupFilter>();
        return builder;
    }
}
