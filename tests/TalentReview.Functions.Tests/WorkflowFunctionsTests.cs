using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using TalentReview.Workflow;

namespace TalentReview.Functions.Tests;

/// <summary>Durable Functions only runs what is declared: every registered orchestrator and activity needs its function.</summary>
public sealed class WorkflowFunctionsTests
{
    [Fact]
    public void Every_workflow_orchestrator_has_an_orchestration_trigger_function_of_its_name()
        => Assert.Equal(WorkflowRegistration.Orchestrators.Select(type => type.Name).Order(), FunctionsWith<OrchestrationTriggerAttribute>().Order());

    [Fact]
    public void Every_workflow_activity_has_an_activity_trigger_function_of_its_name()
        => Assert.Equal(WorkflowRegistration.Activities.Select(type => type.Name).Order(), FunctionsWith<ActivityTriggerAttribute>().Order());

    private static IEnumerable<string> FunctionsWith<TTrigger>() where TTrigger : Attribute
        => typeof(WorkflowFunctions).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(method => method.GetParameters().Any(parameter => parameter.IsDefined(typeof(TTrigger))))
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()!.Name);
}
