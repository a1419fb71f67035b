using GmConnect.Governance.Decisions;
using GmConnect.Governance.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GmConnect.Governance.Configuration;

/// <summary>
/// At start-up: seeds empty stores from <see cref="GovernanceOptions.ConfigDirectory"/>, then loads registries
/// and agreements into the live policy. Stores that already hold data are not overwritten, so changes made
/// through the API survive a restart.
/// </summary>
internal sealed class GovernanceInitializer : IHostedService
{
    private readonly PolicyState _policy;
    private readonly IRegistryStore _registry;
    private readonly IAgreementStore _agreements;
    private readonly GovernanceOptions _options;
    private readonly ILogger<GovernanceInitializer> _logger;

    public GovernanceInitializer(
        PolicyState policy,
        IRegistryStore registry,
        IAgreementStore agreements,
        IOptions<GovernanceOptions> options,
        ILogger<GovernanceInitializer> logger)
    {
        _policy = policy;
        _registry = registry;
        _agreements = agreements;
        _options = options.Value;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(GovernanceOptions), typeof(GovernanceOptions), problems);
        }

        if (_options.ConfigDirectory is { } directory
            && (await _registry.OrganisationsAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            await SeedAsync(directory, cancellationToken).ConfigureAwait(false);
        }

        var organisations = await _registry.OrganisationsAsync(cancellationToken).ConfigureAwait(false);
        var roles = await _registry.RolesAsync(cancellationToken).ConfigureAwait(false);
        var practitioners = await _registry.PractitionersAsync(cancellationToken).ConfigureAwait(false);
        var agreements = await _agreements.ListAsync(cancellationToken).ConfigureAwait(false);
        _policy.Update(_ => new PolicySnapshot(organisations, roles, practitioners, agreements));
        Log.Loaded(_logger, organisations.Count, practitioners.Count, agreements.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(string directory, CancellationToken cancellationToken)
    {
        var seed = await GovernanceSeed.LoadAsync(directory, cancellationToken).ConfigureAwait(false);
        var problems = seed.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidDataException("Governance configuration is invalid: " + string.Join("; ", problems));
        }

        foreach (var organisation in seed.Organisations)
        {
            await _registry.SaveOrganisationAsync(organisation, cancellationToken).ConfigureAwait(false);
        }

        foreach (var role in seed.Roles)
        {
            await _registry.SaveRoleAsync(role, cancellationToken).ConfigureAwait(false);
        }

        foreach (var practitioner in seed.Practitioners)
        {
            await _registry.SavePractitionerAsync(practitioner, cancellationToken).ConfigureAwait(false);
        }

        foreach (var agreement in seed.Agreements)
        {
            await _agreements.SaveAsync(agreement, cancellationToken).ConfigureAwait(false);
        }

        Log.Seeded(_logger, seed.Organisations.Count, seed.Roles.Count, seed.Practitioners.Count, seed.Agreements.Count);
    }
}
