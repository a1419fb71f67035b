namespace GmConnect.Workbench.Discussion;

/// <summary>
/// The people the sign-in knows, for resolving <c>@mentions</c> and showing authors' names. The host implements it
/// over Governance's practitioner registry (the Workbench may not reference Governance).
/// </summary>
public interface IDiscussionDirectory
{
    /// <summary>The active practitioner with this id (compared without regard to case), or null.</summary>
    DiscussionPerson? Find(string practitionerId);
}
