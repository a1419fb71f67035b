using GmConnect.Cli;

return await Commands.Root().Parse(args).InvokeAsync();
