using FluentAssertions;

namespace Doorbraak.Rules.SampleHost.Tests;

public sealed class SkipRuleTests
{
    [Theory]
    [InlineData(true, null, false)]
    [InlineData(true, "true", false)]
    [InlineData(false, "true", false)]
    [InlineData(false, "TRUE", false)]
    [InlineData(false, null, true)]
    [InlineData(false, "false", true)]
    [InlineData(false, "", true)]
    public void Browser_tests_skip_only_without_chromium_outside_ci(bool chromiumPresent, string? ci, bool skipped) =>
        (BrowserFactAttribute.SkipReason(chromiumPresent, ci) is not null).Should().Be(skipped);
}
