using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GmConnect.Notifications.Tests;

/// <summary>
/// A real rest-hook receiver: Kestrel on a free loopback port. It records every POST it is sent, and answers 503 to
/// the first <see cref="FailFirst"/> requests.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private Receiver(WebApplication app) => _app = app;

    /// <summary>How many requests to refuse before accepting.</summary>
    public int FailFirst { get; set; }

    /// <summary>Every request received (accepted or refused), in order: path and JSON body.</summary>
    public ConcurrentQueue<(string Path, JsonElement Body, int Status)> Received { get; } = new();

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            var status = Interlocked.Increment(ref receiver._requests) <= receiver.FailFirst ? 503 : 200;
            receiver.Received.Enqueue((http.Request.Path.Value ?? "", body, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
