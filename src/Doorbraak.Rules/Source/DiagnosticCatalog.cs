using System.Reflection;

namespace Doorbraak.Rules.Source;

/// <summary>One entry of the diagnostic catalogue: a code with one meaning, its default severity and a short title.</summary>
/// <param name="Code">The stable code, such as <c>DBR1001</c>.</param>
/// <param name="Severity">The severity a report with this code has.</param>
/// <param name="Title">What the code means, in a few words; docs/diagnostics.md has an example and the fix.</param>
internal sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title)
{
    /// <summary>Builds a diagnostic with this code and severity.</summary>
    public Diagnostic At(SourceLocation location, string message, string? hint = null) =>
        new(Code, Severity, location, message, hint ?? Diagnostic.HintIn(message));
}

/// <summary>
/// Every diagnostic code the library reports, each with one meaning. Report sites name a descriptor
/// here; no other file in src/ spells out a code (a test checks this). docs/diagnostics.md documents
/// every code with an example and the fix (a test checks that both lists agree).
/// </summary>
internal static class DiagnosticCatalog
{
    private const DiagnosticSeverity E = DiagnosticSeverity.Error;
    private const DiagnosticSeverity W = DiagnosticSeverity.Warning;

    // DBR10xx: pack files, manifests and pack sets.
    public static readonly DiagnosticDescriptor InvalidYaml = new("DBR1001", E, "The file is not valid YAML");
    public static readonly DiagnosticDescriptor NotUtf8 = new("DBR1002", E, "The file is not UTF-8");
    public static readonly DiagnosticDescriptor LimitExceeded = new("DBR1003", E, "A file or pack is too large, nests too deep or has too many elements");
    public static readonly DiagnosticDescriptor YamlFeatureNotAllowed = new("DBR1004", E, "Anchors, aliases, tags, merge keys or several documents are not part of the pack format");
    public static readonly DiagnosticDescriptor DuplicateKey = new("DBR1005", E, "A key appears twice in one mapping");
    public static readonly DiagnosticDescriptor UnknownKey = new("DBR1010", E, "Unknown key");
    public static readonly DiagnosticDescriptor MissingKey = new("DBR1011", E, "A required key is missing");
    public static readonly DiagnosticDescriptor WrongValueKind = new("DBR1012", E, "A value has the wrong kind (mapping, list, text, number, boolean)");
    public static readonly DiagnosticDescriptor MalformedLiteral = new("DBR1013", E, "A number, date or duration is badly written or does not exist");
    public static readonly DiagnosticDescriptor ExpressionStyle = new("DBR1014", E, "An expression is written in a quoted or folded style");
    public static readonly DiagnosticDescriptor RuleDeterminesNothing = new("DBR1015", E, "A rule or consequence determines no fact");
    public static readonly DiagnosticDescriptor NotAnAllowedWord = new("DBR1016", E, "A value is not one of the words allowed for its key");
    public static readonly DiagnosticDescriptor UnknownFactType = new("DBR1017", E, "Unknown fact type");
    public static readonly DiagnosticDescriptor CountBelowOne = new("DBR1018", E, "A count must be a whole number of at least 1");
    public static readonly DiagnosticDescriptor ChangeKindNotOne = new("DBR1019", E, "A deviation's change names none or more than one kind of change");
    public static readonly DiagnosticDescriptor DuplicateId = new("DBR1020", E, "An id or fact is declared twice in one pack");
    public static readonly DiagnosticDescriptor UnknownDeterminedFact = new("DBR1021", E, "A rule determines a fact that is not declared");
    public static readonly DiagnosticDescriptor PeriodEndsBeforeStart = new("DBR1022", E, "A period's 'to' is before its 'from'");
    public static readonly DiagnosticDescriptor InvalidName = new("DBR1023", E, "An id or fact name is not written as the format requires");
    public static readonly DiagnosticDescriptor ChangeFlagNotTrue = new("DBR1024", E, "A 'suspend' or 'exempt' change must be written as true");

    // DBR14xx: monitoring sections (indicators, scales, norms, budget, council meetings).
    public static readonly DiagnosticDescriptor ScaleRangeEmpty = new("DBR1400", E, "A scale's max is not above its min, or its improved_by is not above 0");
    public static readonly DiagnosticDescriptor MonitoringItemTwice = new("DBR1401", E, "A monitoring figure, domain, budget year or council meeting is given twice");
    public static readonly DiagnosticDescriptor BuiltInFactName = new("DBR1025", E, "A pack declares a fact that is built in");
    public static readonly DiagnosticDescriptor PackLoadedTwice = new("DBR1026", E, "The same pack is loaded twice");
    public static readonly DiagnosticDescriptor UndefinedReference = new("DBR1027", E, "A collision or deviation names a rule, goal or parameter no loaded pack defines");
    public static readonly DiagnosticDescriptor OverlappingPeriods = new("DBR1028", E, "Two periods of a parameter overlap");
    public static readonly DiagnosticDescriptor InvalidVersion = new("DBR1029", E, "A version or version range is not valid SemVer");
    public static readonly DiagnosticDescriptor RequiredPackMissing = new("DBR1030", E, "A required pack is not loaded");
    public static readonly DiagnosticDescriptor RequiredVersionMismatch = new("DBR1031", E, "A required pack's version is outside the range");
    public static readonly DiagnosticDescriptor RequirementCycle = new("DBR1032", E, "Packs require each other in a cycle");
    public static readonly DiagnosticDescriptor DefinedByEarlierPack = new("DBR1033", E, "An id or fact is already defined by another pack, without 'overrides'");
    public static readonly DiagnosticDescriptor OverrideNotOpen = new("DBR1034", E, "An override of an item the earlier pack did not leave open");
    public static readonly DiagnosticDescriptor PackSourceEmpty = new("DBR1035", E, "The pack source is missing or holds no pack files");
    public static readonly DiagnosticDescriptor OverrideTargetNotFound = new("DBR1036", E, "An override names a pack that does not define the item");
    public static readonly DiagnosticDescriptor OverrideKindMismatch = new("DBR1037", E, "An override is of another kind than the item it replaces");
    public static readonly DiagnosticDescriptor ManifestMissing = new("DBR1038", E, "The pack has no pack.yaml");
    public static readonly DiagnosticDescriptor PackWithoutSections = new("DBR1039", E, "The pack has a manifest but no sections");
    public static readonly DiagnosticDescriptor RuleCycle = new("DBR1040", E, "Rules depend on each other in a cycle");
    public static readonly DiagnosticDescriptor SetNamesNoFact = new("DBR1041", E, "A deviation's 'set' names no fact");
    public static readonly DiagnosticDescriptor ChangeDoesNotFitFact = new("DBR1042", E, "A waive, spread or postpone change does not fit the type of what it changes");
    public static readonly DiagnosticDescriptor DerivedFactDetermined = new("DBR1043", E, "A rule determines a fact that is derived from another");
    public static readonly DiagnosticDescriptor ChangeOutsideRule = new("DBR1044", E, "A deviation changes a parameter or fact its rule does not use or determine");
    public static readonly DiagnosticDescriptor OverrideWithoutBasis = new("DBR1045", E, "An override has no legal basis");
    public static readonly DiagnosticDescriptor PackWithoutValidity = new("DBR1046", E, "The pack does not say from when it is valid");

    // DBR11xx: pack format 2 (legal force and which basis fits).
    public static readonly DiagnosticDescriptor FormatOne = new("DBR1100", W, "The pack is in format 1: its rules carry no legal force");
    public static readonly DiagnosticDescriptor UnknownFormat = new("DBR1101", E, "The pack's format is not one this library reads");
    public static readonly DiagnosticDescriptor ForceMissing = new("DBR1102", E, "A rule in a format 2 pack does not say its legal force");
    public static readonly DiagnosticDescriptor BasisDoesNotFitForce = new("DBR1103", E, "A deviation's basis does not fit the legal force of the rule it departs from");
    public static readonly DiagnosticDescriptor Awb484AgainstNonPolicyRule = new("DBR1104", E, "Awb 4:84 is used to depart from a rule that is not a beleidsregel");
    public static readonly DiagnosticDescriptor BasisKindMissing = new("DBR1105", E, "A deviation's basis in a format 2 pack does not say its kind");
    public static readonly DiagnosticDescriptor ClauseKindNotAClause = new("DBR1106", E, "A rule's clause has no kind, or a kind that is not a clause");
    // DBR12xx: pack format v2: parameter updates, ages, blockades (issue #15).
    public static readonly DiagnosticDescriptor DecimalComma = new("DBR1200", E, "A number is written with a decimal comma");
    public static readonly DiagnosticDescriptor AddedPeriodWithoutSource = new("DBR1201", E, "A period added to an earlier pack's parameter has no source");
    public static readonly DiagnosticDescriptor AddedPeriodOverlaps = new("DBR1202", E, "A period added to an earlier pack's parameter overlaps a period it already has");
    public static readonly DiagnosticDescriptor AddedPeriodChangesExisting = new("DBR1203", E, "A parameter update changes a period the earlier pack already gives");
    public static readonly DiagnosticDescriptor AddsToInvalid = new("DBR1204", E, "'adds_to' names a pack or parameter that cannot be updated");
    public static readonly DiagnosticDescriptor WaitsForInvalid = new("DBR1205", E, "A rule's 'waits_for' does not name a yes/no fact another rule determines");
    // DBR1150-1199: who decides, interventions and money (pack format v2).
    public static readonly DiagnosticDescriptor UnknownRole = new("DBR1150", E, "A mandate names a role no loaded pack declares");
    public static readonly DiagnosticDescriptor UnknownAuthority = new("DBR1151", E, "A decider names an authority no loaded pack declares");
    public static readonly DiagnosticDescriptor MandateLadderShape = new("DBR1152", E, "A mandate ladder does not end with an open-ended step, or its steps do not go up");
    public static readonly DiagnosticDescriptor CostNotOnceOrMonthly = new("DBR1153", E, "A cost gives both or neither of 'once' and 'monthly'");
    public static readonly DiagnosticDescriptor MandateTargetUnknown = new("DBR1154", E, "A mandaatbesluit sets the mandate of a deviation or intervention no earlier pack defines");
    public static readonly DiagnosticDescriptor UntilWithoutMax = new("DBR1155", E, "A limit 'until' an event has no maximum duration");
    public static readonly DiagnosticDescriptor RequestWithoutDeliver = new("DBR1156", W, "A request to another authority does not say what the regisseur must send ('deliver')");
    public static readonly DiagnosticDescriptor ElementChangeShape = new("DBR1160", E, "An intervention's element change does not say which elements it changes, or names their facts with a prefix");
    public static readonly DiagnosticDescriptor ElementCollectionUnknown = new("DBR1161", E, "An intervention's element change names a collection the household does not have");
    public static readonly DiagnosticDescriptor ElementIdWithoutIdFact = new("DBR1162", E, "An intervention's element change picks by 'id', but the collection's elements have no 'id' fact");
    public static readonly DiagnosticDescriptor MandateSetTwice = new("DBR1165", E, "Two mandaatbesluiten of the same level set one item's mandate differently");
    // DBR13xx: reading pack folders and hardening limits.
    public static readonly DiagnosticDescriptor PackFileNotRegular = new("DBR1300", E, "A pack file is not a regular file inside the pack folder");
    public static readonly DiagnosticDescriptor PackUnsigned = new("DBR1301", E, "Signed packs are required and the pack has no signature");
    public static readonly DiagnosticDescriptor PackSignatureInvalid = new("DBR1302", E, "The pack's signature is not valid or not by a trusted key");
    public static readonly DiagnosticDescriptor PackFileChanged = new("DBR1303", E, "A pack file was changed, added or removed after the pack was signed");
    public static readonly DiagnosticDescriptor OverrideWithoutRequires = new("DBR1304", E, "An override names a pack its own pack does not require");
    public static readonly DiagnosticDescriptor LinkSchemeNotAllowed = new("DBR1305", E, "A link is not an http or https address");
    public static readonly DiagnosticDescriptor RuleCostExceeded = new("DBR1310", E, "A rule's estimated work per household is over the cost budget");
    public static readonly DiagnosticDescriptor PackSetCostExceeded = new("DBR1311", E, "The pack set's estimated work per household is over the cost budget");
    public static readonly DiagnosticDescriptor PackTooLarge = new("DBR1312", E, "A pack's files together are larger than the limit");
    public static readonly DiagnosticDescriptor PackTooManyFiles = new("DBR1313", E, "A pack has more files than the limit");
    public static readonly DiagnosticDescriptor TooManyItems = new("DBR1314", E, "A pack set has more rules and other items than the limit");

    // DBR20xx: expressions.
    public static readonly DiagnosticDescriptor ExpressionTooLong = new("DBR2001", E, "An expression is longer than the limit");
    public static readonly DiagnosticDescriptor ExpressionTooDeep = new("DBR2002", E, "An expression nests deeper than the limit");
    public static readonly DiagnosticDescriptor InvalidNumber = new("DBR2003", E, "A number in an expression is badly written");
    public static readonly DiagnosticDescriptor InvalidDate = new("DBR2004", E, "A date in an expression is badly written or does not exist");
    public static readonly DiagnosticDescriptor InvalidDuration = new("DBR2005", E, "A duration in an expression is badly written");
    public static readonly DiagnosticDescriptor InvalidText = new("DBR2006", E, "A text in an expression is not closed or has an unknown escape");
    public static readonly DiagnosticDescriptor UnexpectedCharacter = new("DBR2007", E, "An expression has a character the language does not use");
    public static readonly DiagnosticDescriptor SyntaxError = new("DBR2008", E, "An expression does not follow the grammar");
    public static readonly DiagnosticDescriptor EmptyExpression = new("DBR2009", E, "An expression is empty");
    public static readonly DiagnosticDescriptor UnknownName = new("DBR2010", E, "Unknown name in an expression");
    public static readonly DiagnosticDescriptor UnknownMember = new("DBR2011", E, "A household, member or value has no such fact or part");
    public static readonly DiagnosticDescriptor UnknownFunction = new("DBR2012", E, "Unknown function");
    public static readonly DiagnosticDescriptor WrongArgumentCount = new("DBR2013", E, "A function gets the wrong number of arguments");
    public static readonly DiagnosticDescriptor TypeMismatch = new("DBR2014", E, "A value has the wrong type for where it is used");
    public static readonly DiagnosticDescriptor WrongResultType = new("DBR2015", E, "An expression gives another type than its key expects");
    public static readonly DiagnosticDescriptor NotAValue = new("DBR2016", E, "A household, member or collection is used as a single value");
    public static readonly DiagnosticDescriptor NotACollection = new("DBR2017", E, "any/all/no or an aggregate is used on something that is not a collection");
    public static readonly DiagnosticDescriptor HostFunctionNotScalar = new("DBR2019", E, "A host function is registered with a non-scalar type");
    public static readonly DiagnosticDescriptor DuplicateHostFunction = new("DBR2900", E, "Two host functions have the same name");

    // DBR30xx: households.
    public static readonly DiagnosticDescriptor UnknownHouseholdFact = new("DBR3001", E, "A household gives a fact the packs do not declare, or a derived fact");
    public static readonly DiagnosticDescriptor MemberWithoutId = new("DBR3002", E, "A household member has no id");
    public static readonly DiagnosticDescriptor HouseholdNotAMapping = new("DBR3003", E, "A household is not a mapping of facts and lists");
    public static readonly DiagnosticDescriptor DuplicateMemberId = new("DBR3004", E, "Two household members have the same id");
    public static readonly DiagnosticDescriptor HouseholdListWrongShape = new("DBR3005", E, "A list in a household ('doelen', 'leden', 'schulden', 'voorzieningen') or one of its items has the wrong shape");
    public static readonly DiagnosticDescriptor HouseholdFactWrongType = new("DBR3006", E, "A household fact given through the API has another type than the packs declare");
    public static readonly DiagnosticDescriptor UnknownHouseholdGoal = new("DBR3007", E, "A household states a goal no loaded pack defines");
    public static readonly DiagnosticDescriptor HouseholdEmpty = new("DBR3008", E, "The household document is empty");
    public static readonly DiagnosticDescriptor HouseholdNotJson = new("DBR3009", E, "A household that starts as JSON is not valid JSON");
    public static readonly DiagnosticDescriptor HouseholdTooLarge = new("DBR3010", E, "The household document is larger than the limit");
    public static readonly DiagnosticDescriptor HouseholdValueImpossible = new("DBR3160", E, "A household value cannot be: a negative amount, an unknown role, a birth date after the reference date");
    public static readonly DiagnosticDescriptor HouseholdNotUtf8 = new("DBR3011", E, "The household document is not UTF-8");
    public static readonly DiagnosticDescriptor UnknownHouseholdSituation = new("DBR3012", E, "A household names a situation no loaded pack declares");

    // DBR40xx: decisions.
    public static readonly DiagnosticDescriptor UnknownProposal = new("DBR4001", E, "The decision names a proposal the evaluation does not have");
    public static readonly DiagnosticDescriptor DeviationNotAllowed = new("DBR4002", E, "The deviation is not allowed for this household");
    public static readonly DiagnosticDescriptor MotivationMissing = new("DBR4003", E, "The decision has no motivation");
    public static readonly DiagnosticDescriptor UnknownMandate = new("DBR4004", E, "Unknown mandate level");
    public static readonly DiagnosticDescriptor MandateTooLow = new("DBR4005", E, "The decider's mandate is below what the proposal needs");
    public static readonly DiagnosticDescriptor DurationBelowOneMonth = new("DBR4006", E, "The decided duration is shorter than one month");
    public static readonly DiagnosticDescriptor BeyondLimits = new("DBR4007", E, "The decision goes beyond the deviation's limits");
    public static readonly DiagnosticDescriptor DiffersFromPrecedent = new("DBR4008", E, "The decision differs from an equal precedent without a reason");
    public static readonly DiagnosticDescriptor EvaluatedWithOtherPacks = new("DBR4009", E, "The evaluation was made with other packs than the planner's");
    public static readonly DiagnosticDescriptor OtherHousehold = new("DBR4010", E, "The household is not the one evaluated, or changed since");
    public static readonly DiagnosticDescriptor IncompleteNotAcknowledged = new("DBR4011", E, "A decision on an incomplete result without acknowledging its gaps");
    public static readonly DiagnosticDescriptor MandateNotDelegated = new("DBR4012", E, "A decision on a mandate no mandaatbesluit delegated, by someone other than the competent body");
    public static readonly DiagnosticDescriptor RequestIsNotADecision = new("DBR4100", E, "A request to another authority cannot be recorded as a decision taken");

    /// <summary>Codes that mean a document could not be read at all (rather than read and found wrong).</summary>
    public static bool IsUnreadableDocument(string code) =>
        code == InvalidYaml.Code || code == NotUtf8.Code || code == LimitExceeded.Code || code == YamlFeatureNotAllowed.Code
        || code == HouseholdEmpty.Code || code == HouseholdNotJson.Code || code == HouseholdTooLarge.Code || code == HouseholdNotUtf8.Code;

    /// <summary>Every descriptor, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToList();
}
