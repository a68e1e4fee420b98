using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Talent.Succession;

/// <summary>
/// One person as the latest calibrated cycle left them: who they are, their final box, the manager's
/// readiness and flight risk, and the career aspiration they wrote (null when that step was not submitted).
/// </summary>
public sealed record CalibratedTalent(
    string EmployeeId,
    string Name,
    string Department,
    string JobTitle,
    string Level,
    GridBox Box,
    PromotionReadiness? Readiness,
    CareerAspiration? Aspiration,
    FlightRisk FlightRisk);
