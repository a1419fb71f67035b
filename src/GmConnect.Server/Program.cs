using GmConnect.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGmConnect();

var app = builder.Build();
await app.PrepareStoreAsync();
app.MapGmConnect();
await app.RunAsync();

/// <summary>The host's entry point, visible to the end-to-end tests.</summary>
public partial class Program;
