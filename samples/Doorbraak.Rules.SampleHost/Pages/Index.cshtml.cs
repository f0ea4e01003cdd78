using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>The entry page: a household and a peildatum (today by default).</summary>
public sealed class IndexModel(TimeProvider time) : PageModel
{
    /// <summary>The empty form.</summary>
    public EntryView Entry { get; private set; } = new();

    /// <summary>Shows the form.</summary>
    public void OnGet() => Entry = new EntryView { Today = DateOnly.FromDateTime(time.GetLocalNow().Date) };
}
