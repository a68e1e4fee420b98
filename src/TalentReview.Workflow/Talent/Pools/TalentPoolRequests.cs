using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;

namespace TalentReview.Workflow.Talent.Pools;

/// <summary>Name a pool and say whom it takes after a calibration (empty lists: any).</summary>
public sealed record CreateTalentPool(string? Name, string? Description, IReadOnlyList<GridBox>? Boxes, IReadOnlyList<CareerAspiration>? Aspirations, IReadOnlyList<PromotionReadiness>? Readiness);

/// <summary>Add someone to a pool, or take them out, with the reason (kept in the pool's history).</summary>
public sealed record ChangePoolMember(string? EmployeeId, string? Reason);
