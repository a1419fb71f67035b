namespace GmConnect.Repository.Retention;

/// <summary>
/// Turns a retention class, the person's date of birth and the record's last activity into a date. Pure: the
/// caller supplies every input (the Repository stores the result, not the date of birth).
/// </summary>
/// <remarks>
/// Two rules of ours apply to every class. A birthday on 29 February falls on 1 March in a common year (the later
/// of the two candidate days: deleting a day late is recoverable, a day early is not). And nothing expires before
/// its last activity: content still being written to is never swept, whatever the person's age.
/// </remarks>
public static class RetentionSchedule
{
    /// <summary>Computes the retention date.</summary>
    /// <param name="retentionClass">One of <see cref="RetentionClasses.Known"/>.</param>
    /// <param name="dateOfBirth">The person's date of birth, supplied by the publisher.</param>
    /// <param name="lastActivity">The last day the record was active (its closure, or the day of the latest version).</param>
    /// <exception cref="ArgumentException">An unknown class, or a last activity before the date of birth.</exception>
    public static RetentionDate Compute(string retentionClass, DateOnly dateOfBirth, DateOnly lastActivity)
    {
        if (!RetentionClasses.IsKnown(retentionClass))
        {
            throw new ArgumentException($"Unknown retention class '{retentionClass}'. Known: {string.Join(", ", RetentionClasses.Known)}.", nameof(retentionClass));
        }

        if (lastActivity < dateOfBirth)
        {
            throw new ArgumentException("The last activity is before the date of birth.", nameof(lastActivity));
        }

        var until = retentionClass switch
        {
            // "until the 25th birthday, or the 26th if the young person was 17 when treatment ended"
            RetentionClasses.Until25thBirthday => Birthday(dateOfBirth, AgeOn(dateOfBirth, lastActivity) == 17 ? 26 : 25),
            RetentionClasses.DobPlus31Years => Birthday(dateOfBirth, 31),
            RetentionClasses.LookedAfter75Years => Birthday(dateOfBirth, 75),
            RetentionClasses.ClosurePlus8Years => Anniversary(lastActivity, 8),
            RetentionClasses.ClosurePlus6Years => Anniversary(lastActivity, 6),
            _ => (DateOnly?)null,
        };

        if (until is null)
        {
            return new RetentionDate(null, Anniversary(lastActivity, 6));
        }

        return new RetentionDate(until.Value < lastActivity ? lastActivity : until.Value);
    }

    /// <summary>The day of the person's <paramref name="years"/>th birthday; 29 February falls on 1 March in a common year.</summary>
    public static DateOnly Birthday(DateOnly dateOfBirth, int years) => Anniversary(dateOfBirth, years);

    /// <summary>The person's age in whole years on a day.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return day < Anniversary(dateOfBirth, age) ? age - 1 : age;
    }

    private static DateOnly Anniversary(DateOnly day, int years)
    {
        // DateOnly.AddYears moves 29 February to 28 February; we move it to 1 March (see remarks).
        var moved = day.AddYears(years);
        return day.Month == 2 && day.Day == 29 && moved.Day == 28 ? moved.AddDays(1) : moved;
    }
}
