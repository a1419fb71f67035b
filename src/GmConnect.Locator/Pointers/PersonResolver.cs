using GmConnect.Identity.Manager;

namespace GmConnect.Locator.Pointers;

/// <summary>
/// Turns one identifier into the person it belongs to and every identifier that person is known by, through the
/// Identity Manager, at the moment of the query. This is how pointers follow merges and unmerges without moving.
/// </summary>
internal sealed class PersonResolver(IIdentityManager identity)
{
    /// <summary>The prefix of the Governance key used for a subject the Identity Manager does not know.</summary>
    public const string UnresolvedPrefix = "unresolved:";

    public async Task<ResolvedPerson> ResolveAsync(SubjectIdentifier identifier, CancellationToken cancellationToken)
    {
        var person = await identity.ResolveAsync(identifier.System, identifier.Value, cancellationToken).ConfigureAwait(false);
        // A merged-away person forwards to the survivor (at most a few hops; a cycle would be the index's bug).
        for (var hops = 0; person?.MergedInto is { } survivor && hops < 8; hops++)
        {
            person = await identity.GetPersonAsync(survivor, cancellationToken).ConfigureAwait(false);
        }

        if (person is null)
        {
            // Unknown to the index: the pointers published under exactly this identifier are still found, and
            // Governance decides on a key of the identifier itself (no labels, objections or involvements apply).
            return new ResolvedPerson(UnresolvedPrefix + identifier.Key, false, [identifier.Key]);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal) { identifier.Key, new SubjectIdentifier(IdentifierSystems.Person, person.PersonId).Key };
        foreach (var known in person.Identifiers)
        {
            keys.Add(new SubjectIdentifier(known.System, known.Value).Key);
        }

        return new ResolvedPerson(person.PersonId, true, keys);
    }

    /// <summary>The person of a stored pointer: the first of its subjects the index knows.</summary>
    public async Task<ResolvedPerson> ResolveAnyAsync(IReadOnlyList<SubjectIdentifier> subjects, CancellationToken cancellationToken)
    {
        ResolvedPerson? first = null;
        foreach (var subject in subjects)
        {
            var resolved = await ResolveAsync(subject, cancellationToken).ConfigureAwait(false);
            if (resolved.Known)
            {
                return resolved;
            }

            first ??= resolved;
        }

        return first ?? throw new ArgumentException("A pointer has at least one subject.", nameof(subjects));
    }
}

/// <summary>A resolved person: the key Governance decides on, whether the index knew them, and their identifier keys.</summary>
internal sealed record ResolvedPerson(string PersonId, bool Known, IReadOnlyCollection<string> SubjectKeys);
