using Doorbraak.Rules.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>POST /wat-als: what one or more deviations would resolve, leave and create. Nothing is decided.</summary>
public sealed class WatAlsModel(IDoorbraakEvaluator evaluator, SampleHostSettings settings, TimeProvider time, IDataProtectionProvider protection)
    : CasePageModel(evaluator, settings, time, protection)
{
    /// <summary>The what-if, when it could be computed.</summary>
    public WhatIfResult? WhatIf { get; private set; }

    /// <summary>The state, to go back with.</summary>
    public CaseState? State { get; private set; }

    /// <summary>The state's decisions, protected.</summary>
    public string ProtectedDecisions { get; private set; } = "";

    /// <summary>Computes the what-if.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var form = await ReadFormAsync();
        if (form is null) return TooLarge();
        var (state, problem) = ReadState(form);
        if (state is null) return problem!;
        var ids = form["afwijking"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = form["titel"].ToString().Trim() is { Length: > 0 } t ? t : string.Join(" + ", ids);
        try
        {
            WhatIf = Evaluator.WhatIf(state.Household, state.Date, ids);
            State = state;
            ProtectedDecisions = ProtectDecisions(state.Decisions);
            Title = "Wat als: " + title;
            return Page();
        }
        catch (ArgumentException ex)
        {
            return ShowError(422, "Wat als", ex.Message, state);
        }
    }
}
