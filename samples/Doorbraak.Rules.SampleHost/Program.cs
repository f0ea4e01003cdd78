// Doorbraak.Rules sample host: a regisseur's web page and a JSON API on ASP.NET Core.
//   dotnet run --project samples/Doorbraak.Rules.SampleHost            -> http://127.0.0.1:5080
//   dotnet run --project samples/Doorbraak.Rules.SampleHost -- --urls http://127.0.0.1:8080
var app = Doorbraak.Rules.SampleHost.SampleHostApp.Create(args);
app.Run();

/// <summary>The entry point, public so that WebApplicationFactory&lt;Program&gt; can start the host in tests.</summary>
public partial class Program;
