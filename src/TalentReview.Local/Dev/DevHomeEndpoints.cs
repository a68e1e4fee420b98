using TalentReview.Local.Hr;
using TalentReview.Local.Mailbox;
using TalentReview.Local.TimeControl;
using TalentReview.Web.Html;

namespace TalentReview.Local.Dev;

/// <summary>The local host's start page: what to do, in order.</summary>
public static class DevHomeEndpoints
{
    public static IEndpointRouteBuilder MapDevHome(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(DevPage.Home, (TimeProvider time) => DevPage.Render("TalentReview on this machine", time.GetUtcNow(), H.Html($"""
            <p class="lead">Everything runs here: the durable workflow, the store, and email into the dev mailbox.
            Time is virtual: it runs with the clock and jumps ahead when you ask, so a six-week cycle takes minutes.</p>
            <ol>
            <li><a href="/dev/sign-in">Sign in</a> as HR (Hanne Claes).</li>
            <li>On <a href="{HrPageEndpoints.PagePath}">HR: cycles</a>, launch the demo cycle.</li>
            <li>Open the <a href="{DevMailboxEndpoints.Path}">mailbox</a>: every employee got an invitation. Follow a link to fill in a self-assessment.</li>
            <li>With the <a href="{TimeControlEndpoints.PagePath}">time control</a>, advance to the next deadline: managers get their digest, reminders and escalations follow.</li>
            <li>Calibrators get a link to their board; after approval and decisions, leadership gets the summary and results are released.</li>
            </ol>
            <p>The HR API is described at <a href="/openapi/v1.json">/openapi/v1.json</a>.</p>
            """))).ExcludeFromDescription();
        return routes;
    }
}
