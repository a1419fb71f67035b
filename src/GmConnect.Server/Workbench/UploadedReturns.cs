using System.Collections.Concurrent;
using System.Security.Cryptography;
using GmConnect.Integration.Ssda903;
using GmConnect.Workbench.Validation;
using Microsoft.Extensions.Options;

namespace GmConnect.Server.Workbench;

/// <summary>
/// Uploaded returns' reports, in memory only (the most recent <see cref="WorkbenchOptions.UploadsKept"/>; a restart
/// forgets them). Each is visible to the practitioner who uploaded it and nobody else; ids are random, not counters.
/// </summary>
public sealed class UploadedReturns(IOptions<WorkbenchOptions> options)
{
    private readonly ConcurrentDictionary<string, UploadedReturn> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public UploadedReturn Add(string owner, DateTimeOffset at, IReadOnlyList<string> files, ValidationReport report, IReadOnlyList<ImportMessage> messages)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var upload = new UploadedReturn(id, owner, at, files, report, messages);
        _byId[id] = upload;
        _order.Enqueue(id);
        while (_order.Count > options.Value.UploadsKept && _order.TryDequeue(out var oldest))
        {
            _byId.TryRemove(oldest, out _);
        }

        return upload;
    }

    /// <summary>The upload, when it exists and <paramref name="owner"/> made it.</summary>
    public UploadedReturn? Find(string id, string owner) =>
        _byId.TryGetValue(id, out var upload) && string.Equals(upload.Owner, owner, StringComparison.Ordinal) ? upload : null;
}
