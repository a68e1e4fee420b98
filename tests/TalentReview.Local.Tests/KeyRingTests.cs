using System.Net;
using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

/// <summary>The data-protection keys are kept in the data folder: a restart breaks no open form and signs nobody out.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task A_form_opened_before_a_restart_is_accepted_after_it_and_HR_stays_signed_in()
    {
        using var data = new TemporaryFolder();
        Browser? hr = null;
        Browser? employee = null;
        try
        {
            HtmlForm form;
            int port;
            await using (var first = await LocalHostProcess.StartAsync(data.Path, PinnedClock.MondayMorning))
            {
                port = first.BaseAddress.Port;
                hr = new Browser(first.BaseAddress);
                await hr.SignInAsync("hr");
                await hr.LaunchDemoCycleAsync();
                var link = (await hr.WaitForEmailsAsync("SelfAssessmentInvitation", count: 50))[0].Links[0];
                employee = new Browser(first.BaseAddress);
                var (html, address) = await employee.OpenAsync(link);
                form = HtmlForm.FindAll(html, address).First(f => f.HasButton("action", "submit"));
                Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(data.Path, "keys"), "key-*.xml"));
                await first.KillAsync();
            }

            await using var second = await LocalHostProcess.StartAsync(data.Path, PinnedClock.MondayMorning, port);
            var (page, status) = await employee.SubmitAsync(form, form.Filled("action", "submit"));
            var (_, hrPage) = await hr.OpenAsync("/hr/cycles/new");

            Assert.True(status == HttpStatusCode.OK, $"The form opened before the restart answered {(int)status}: {page}");
            Assert.Equal("/hr/cycles/new", hrPage.AbsolutePath);
        }
        finally
        {
            hr?.Dispose();
            employee?.Dispose();
        }
    }
}
