namespace TalentReview.Web.Hr;

/// <summary>HR API addresses that pages link to.</summary>
public static class HrApiPaths
{
    public const string RosterTemplate = "/api/rosters/template";

    public static string Export(string cycleId, string format) => $"/api/cycles/{Uri.EscapeDataString(cycleId)}/export?format={format}";
}

/// <summary>HR console pages that other pages link to.</summary>
public static class HrConsolePaths
{
    public const string NewCycle = Console.CycleSetupEndpoints.Path;

    public static string Cycle(string cycleId) => Console.HrConsoleEndpoints.PathOf(cycleId);

    /// <summary>Talent across cycles: profiles, career paths, indicators.</summary>
    public const string Talent = Web.Talent.HrTalentEndpoints.Path;
}
