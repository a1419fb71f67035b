using System.Collections.Concurrent;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GmConnect.Server.Tests.Logging;

/// <summary>
/// The exchange's logs carry no personal data: a PDQm search by name and date of birth, a PIXm look-up by NHS number and
/// a person page are answered, and nothing the caller sent appears in any log line at any level the host writes.
/// </summary>
public sealed class NoPersonalDataInLogsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_WithNamesDatesAndNumbersInTheAddress_NoneOfThemLogged()
    {
        var logs = new CapturingLoggerProvider();
        await using var exchange = await ExchangeFactory.CreateAsync(StoreProvider.Sqlite, services => services.AddSingleton<ILoggerProvider>(logs));
        var client = exchange.CreateClientAs();

        await client.GetAsync("/fhir/Patient?family=Zebedee&given=Quentin&birthdate=1984-03-07&address-postalcode=M1%201AA", Ct);
        await client.GetAsync("/fhir/Patient/$ihe-pix?sourceIdentifier=https://fhir.nhs.uk/Id/nhs-number|9434765919", Ct);
        await client.GetAsync("/persons?by=demographics&familyName=Zebedee&givenName=Quentin&dateOfBirth=1984-03-07", Ct);

        Assert.NotEmpty(logs.Lines);
        foreach (var secret in new[] { "Zebedee", "Quentin", "1984-03-07", "9434765919", "M1 1AA", "M1%201AA" })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
