using CgtAtlas.Cli;

return CgtApp.Run(args);
