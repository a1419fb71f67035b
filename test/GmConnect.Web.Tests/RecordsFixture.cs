using GmConnect.Identity.Manager;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Web.Tests;

/// <summary>
/// A second exchange for the records journeys (<see cref="PersonRecordsTests"/>), on its own store, sharing the
/// browser of <see cref="WebFixture"/>. Its own Identity Manager keeps the children these journeys add out of the
/// main exchange's population: term frequencies there are shares of all records, so extra records would tip the
/// stewards' deliberately uncertain review pairs into automatic links. No demo population is loaded: every journey
/// sets up the person it needs.
/// </summary>
public sealed class RecordsFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _demo = Directory.CreateTempSubdirectory("gmc-web-records-");
    private WebFixture.Exchange? _exchange;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _exchange?.Services ?? throw new InvalidOperationException("The exchange is not running.");

    public IIdentityManager Identity => Services.GetRequiredService<IIdentityManager>();

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(WebFixture.ChromiumPath))
        {
            return; // the tests skip through WebFixture.NewPageAsync
        }

        var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        _exchange = new WebFixture.Exchange(store, _demo.FullName, seedDemo: false);
        _exchange.UseKestrel(0);
        _exchange.StartServer();
        var addresses = _exchange.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_exchange is not null)
        {
            await _exchange.DisposeAsync();
        }

        _demo.Delete(recursive: true);
    }
}
