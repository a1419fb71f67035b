namespace GmConnect.Governance.Decisions;

/// <summary>
/// Why a practitioner wants to see something. Every access names exactly one purpose; sharing agreements,
/// objections and the national data opt-out are all judged against it.
/// </summary>
public enum Purpose
{
    /// <summary>Individual care of this person (FHIR v3-ActReason TREAT).</summary>
    DirectCare,

    /// <summary>Protecting a child or an adult at risk (Children Act 1989 s.47, Care Act 2014 s.42).</summary>
    Safeguarding,

    /// <summary>Prevention or detection of crime (Crime and Disorder Act 1998 s.115, DPA 2018 Part 3).</summary>
    CrimePrevention,

    /// <summary>Anything beyond individual care: planning, research, analysis. The national data opt-out applies.</summary>
    SecondaryUse,
}
