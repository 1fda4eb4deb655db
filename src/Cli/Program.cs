using System.CommandLine;
using TaskActors.Cli.Commands;

// `dotnet run --project src/Cli -- <command>`: see `--help`.
var root = new RootCommand("TaskActors developer commands.")
{
    DevKeyCommand.Create(),
    TokenCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
