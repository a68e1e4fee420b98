using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Workflow.Storage;

namespace TalentReview.Local.Seeding;

/// <summary>
/// The HR and leadership people of the demo organisation. Their ids match the development sign-in
/// users in appsettings.json and the default plan's HR calibrator ("hr").
/// </summary>
public static class DemoContacts
{
    public static Contact Hr { get; } = new("hr", "Hanne Claes (HR)", $"hr@{DemoOrganisation.MailDomain}", Language.Nl);

    public static Contact Leadership { get; } = new("leadership", "Directiecomité / Comité de direction", $"leadership@{DemoOrganisation.MailDomain}", Language.En);
}
