using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TaskActors.ServiceDefaults.Startup;

/// <summary>
/// Creates every options instance that is bound from configuration or has a validator, once, before the host starts,
/// and collects every validator's failures. Orleans' and the host's own start-up validation stop at the first options
/// type whose binding throws; this runs them all, so one start reports every problem.
/// </summary>
internal static class OptionsCheck
{
    private static readonly MethodInfo ValidateMethod = typeof(OptionsCheck).GetMethod(nameof(Validate), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The options (type and name) that <paramref name="services"/> bind from configuration or validate.</summary>
    public static IReadOnlyList<(Type Type, string Name)> OptionsOf(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return [.. services.Where(d => !d.IsKeyedService && d.ServiceType.IsGenericType).Select(OptionsOf).OfType<(Type, string)>().Distinct()];
    }

    /// <summary>
    /// Every validation failure of <paramref name="options"/>. A value the binder cannot convert throws (see
    /// <see cref="UnconvertibleSetting"/>): it hides the rest of its options type until it is set aside.
    /// </summary>
    public static IReadOnlyList<string> Failures(IServiceProvider services, IEnumerable<(Type Type, string Name)> options) =>
        [.. options.SelectMany(o => (IEnumerable<string>)ValidateMethod.MakeGenericMethod(o.Type).Invoke(null, BindingFlags.DoNotWrapExceptions, null, [services, o.Name], null)!)];

    private static (Type, string)? OptionsOf(ServiceDescriptor descriptor)
    {
        var service = descriptor.ServiceType.GetGenericTypeDefinition();
        if (service == typeof(IValidateOptions<>))
        {
            return (descriptor.ServiceType.GenericTypeArguments[0], Options.DefaultName);
        }

        // Bind(section) registers a NamedConfigureFromConfigurationOptions<T> instance; its Name is null for every name.
        if (service != typeof(IConfigureOptions<>)
            || descriptor.ImplementationInstance is not { } configure
            || configure.GetType() is not { IsGenericType: true } type
            || type.GetGenericTypeDefinition() != typeof(NamedConfigureFromConfigurationOptions<>))
        {
            return null;
        }

        var name = (string?)type.GetProperty(nameof(ConfigureNamedOptions<object>.Name))!.GetValue(configure);
        return (descriptor.ServiceType.GenericTypeArguments[0], name ?? Options.DefaultName);
    }

    private static IEnumerable<string> Validate<TOptions>(IServiceProvider services, string name)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptionsFactory<TOptions>>().Create(name);
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures;
        }
    }
}
