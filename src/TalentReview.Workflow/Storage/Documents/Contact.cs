using TalentReview.Domain;
using TalentReview.Domain.Rosters;

namespace TalentReview.Workflow.Storage;

/// <summary>Whom to email: an employee, a manager, an HR user or a leader.</summary>
public sealed record Contact(string Id, string Name, string Email, Language Language)
{
    public static Contact Of(Employee employee)
    {
        ArgumentNullException.ThrowIfNull(employee);
        return new(employee.Id, employee.Name, employee.Email, employee.Language);
    }
}
