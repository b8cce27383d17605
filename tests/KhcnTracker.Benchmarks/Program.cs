using KhcnTracker.Benchmarks;

// Each benchmark prints its figures and its physical reference, measured in the same run on the same database.
var which = args.FirstOrDefault() ?? "import";
switch (which)
{
    case "import":
        await ImportBenchmark.RunAsync(rows: args.Length > 1 ? int.Parse(args[1]) : 50_000);
        break;
    case "dashboard":
        await DashboardBenchmark.RunAsync(runs: args.Length > 1 ? int.Parse(args[1]) : 50);
        break;
    case "circuits":
        await CircuitBenchmark.RunAsync(sessions: args.Length > 1 ? int.Parse(args[1]) : 50);
        break;
    case "api":
        await ApiThroughputBenchmark.RunAsync(clients: args.Length > 1 ? int.Parse(args[1]) : 16, seconds: args.Length > 2 ? int.Parse(args[2]) : 20);
        break;
    case "public":
        await PublicPageBenchmark.RunAsync(clients: args.Length > 1 ? int.Parse(args[1]) : 16, seconds: args.Length > 2 ? int.Parse(args[2]) : 20);
        break;
    case "load":
        await LoadDrill.RunAsync(sessions: args.Length > 1 ? int.Parse(args[1]) : 300, seconds: args.Length > 2 ? int.Parse(args[2]) : 300);
        break;
    case "generate":
        await NationalData.SeedAsync(args[1], withHistory: true);
        Console.WriteLine("National-scale data generated.");
        break;
    case "export":
        await ExportBenchmark.RunAsync();
        break;
    default:
        Console.Error.WriteLine("Benchmarks: import [rows] | dashboard [runs] | export | circuits [sessions] | api [clients] [seconds] | load [sessions] [seconds] | generate <connection string>");
        return 1;
}
return 0;
