using GmConnect.Governance.Storage;

namespace GmConnect.Governance.Decisions;

/// <summary>
/// Loads a person's <see cref="SubjectPolicy"/> from the stores: at once through <see cref="ISubjectPolicyReader"/>
/// when the stores have one (SQL: one round trip), otherwise store by store.
/// </summary>
internal sealed class SubjectPolicyLoader
{
    private readonly IDirectiveStore _directives;
    private readonly ISubjectStore _subjects;
    private readonly IBreakGlassStore _breakGlass;
    private readonly ISubjectPolicyReader? _reader;

    public SubjectPolicyLoader(IDirectiveStore directives, ISubjectStore subjects, IBreakGlassStore breakGlass, ISubjectPolicyReader? reader = null)
    {
        _directives = directives;
        _subjects = subjects;
        _breakGlass = breakGlass;
        _reader = reader;
    }

    public async Task<SubjectPolicy> LoadAsync(string personId, CancellationToken cancellationToken)
    {
        if (_reader is not null)
        {
            return await _reader.LoadAsync(personId, cancellationToken).ConfigureAwait(false);
        }

        var labels = await _subjects.GetLabelsAsync(personId, cancellationToken).ConfigureAwait(false);
        var directives = await _directives.ForPersonAsync(personId, cancellationToken).ConfigureAwait(false);
        var involvements = await _subjects.InvolvementsAsync(personId, cancellationToken).ConfigureAwait(false);
        var sessions = await _breakGlass.ForPersonAsync(personId, cancellationToken).ConfigureAwait(false);
        return new SubjectPolicy(personId, labels, directives, involvements, sessions);
    }

    public async Task<Dictionary<string, SubjectPolicy>> LoadManyAsync(IEnumerable<string> personIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, SubjectPolicy>(StringComparer.Ordinal);
        foreach (var personId in personIds)
        {
            if (!result.ContainsKey(personId))
            {
                result[personId] = await LoadAsync(personId, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }
}
