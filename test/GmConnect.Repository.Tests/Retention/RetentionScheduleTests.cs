using FsCheck;
using FsCheck.Fluent;
using GmConnect.Repository.Retention;

namespace GmConnect.Repository.Tests.Retention;

public sealed class RetentionScheduleTests
{
    private static readonly string[] BirthdayClasses = [RetentionClasses.Until25thBirthday, RetentionClasses.DobPlus31Years, RetentionClasses.LookedAfter75Years];

    [Theory]
    [InlineData(RetentionClasses.Until25thBirthday, "2001-03-15", "2010-01-01", "2026-03-15")]
    [InlineData(RetentionClasses.DobPlus31Years, "2001-03-15", "2010-01-01", "2032-03-15")]
    [InlineData(RetentionClasses.LookedAfter75Years, "2001-03-15", "2010-01-01", "2076-03-15")]
    [InlineData(RetentionClasses.ClosurePlus8Years, "1970-05-05", "2020-07-31", "2028-07-31")]
    [InlineData(RetentionClasses.ClosurePlus6Years, "1970-05-05", "2020-07-31", "2026-07-31")]
    public void Compute_EachClass_GivesItsDate(string retentionClass, string dob, string lastActivity, string expected)
    {
        var date = RetentionSchedule.Compute(retentionClass, DateOnly.Parse(dob), DateOnly.Parse(lastActivity));

        Assert.Equal(DateOnly.Parse(expected), date.RetainUntil);
    }

    [Theory]
    [InlineData(RetentionClasses.Until25thBirthday, "2033-03-01")]
    [InlineData(RetentionClasses.DobPlus31Years, "2039-03-01")]
    [InlineData(RetentionClasses.LookedAfter75Years, "2083-03-01")]
    public void Compute_BornOn29FebruaryBirthdayInACommonYear_FallsOn1March(string retentionClass, string expected)
    {
        var date = RetentionSchedule.Compute(retentionClass, new DateOnly(2008, 2, 29), new DateOnly(2010, 1, 1));

        Assert.Equal(DateOnly.Parse(expected), date.RetainUntil);
    }

    [Theory]
    [InlineData("2020-02-29", RetentionClasses.ClosurePlus8Years, "2028-02-29")]
    [InlineData("2020-02-29", RetentionClasses.ClosurePlus6Years, "2026-03-01")]
    public void Compute_ClosedOn29February_KeepsTheDayInALeapYearAndMovesTo1MarchOtherwise(string closed, string retentionClass, string expected)
    {
        var date = RetentionSchedule.Compute(retentionClass, new DateOnly(1980, 1, 1), DateOnly.Parse(closed));

        Assert.Equal(DateOnly.Parse(expected), date.RetainUntil);
    }

    [Fact]
    public void Compute_Until25thBirthdayWhenAged17AtLastActivity_KeepsToThe26thBirthday()
    {
        var dob = new DateOnly(2000, 9, 10);

        var at16 = RetentionSchedule.Compute(RetentionClasses.Until25thBirthday, dob, new DateOnly(2017, 9, 9));
        var at17 = RetentionSchedule.Compute(RetentionClasses.Until25thBirthday, dob, new DateOnly(2017, 9, 10));
        var at18 = RetentionSchedule.Compute(RetentionClasses.Until25thBirthday, dob, new DateOnly(2018, 9, 10));

        Assert.Equal([new DateOnly(2025, 9, 10), new DateOnly(2026, 9, 10), new DateOnly(2025, 9, 10)], new[] { at16.RetainUntil, at17.RetainUntil, at18.RetainUntil });
    }

    [Fact]
    public void Compute_ActivityAfterTheBirthdayRule_NeverExpiresBeforeTheLastActivity()
    {
        var date = RetentionSchedule.Compute(RetentionClasses.Until25thBirthday, new DateOnly(1990, 1, 1), new DateOnly(2026, 11, 28));

        Assert.Equal(new DateOnly(2026, 11, 28), date.RetainUntil);
        Assert.False(date.IsExpiredOn(new DateOnly(2026, 11, 28)));
        Assert.True(date.IsExpiredOn(new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void Compute_PoliceReview_HasNoDeletionDateButAReviewDate()
    {
        var date = RetentionSchedule.Compute(RetentionClasses.PoliceReview, new DateOnly(1980, 1, 1), new DateOnly(2020, 5, 1));

        Assert.Equal((null, new DateOnly(2026, 5, 1)), (date.RetainUntil, date.ReviewBy));
        Assert.False(date.IsExpiredOn(new DateOnly(2200, 1, 1)));
    }

    [Fact]
    public void Compute_UnknownClassOrActivityBeforeBirth_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => RetentionSchedule.Compute("forever", new DateOnly(2000, 1, 1), new DateOnly(2001, 1, 1)));
        Assert.Throws<ArgumentException>(() => RetentionSchedule.Compute(RetentionClasses.DobPlus31Years, new DateOnly(2000, 1, 1), new DateOnly(1999, 12, 31)));
    }

    [Fact]
    public void Birthday_AnyDateOfBirth_IsTheFirstDayOfThatAge()
    {
        var property = Prop.ForAll(
            Dates(new DateOnly(1900, 1, 1), new DateOnly(2030, 12, 31)).SelectMany(dob => Gen.Choose(1, 100).Select(years => (dob, years))).ToArbitrary(),
            ((DateOnly Dob, int Years) t) =>
            {
                var birthday = RetentionSchedule.Birthday(t.Dob, t.Years);
                return RetentionSchedule.AgeOn(t.Dob, birthday) == t.Years
                    && RetentionSchedule.AgeOn(t.Dob, birthday.AddDays(-1)) == t.Years - 1
                    && birthday >= t.Dob.AddYears(t.Years)
                    && birthday <= t.Dob.AddYears(t.Years).AddDays(1);
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void Compute_AnyBirthdayClass_KeepsAtLeastToTheBirthdayAndTheLastActivity_AndLaterActivityNeverShortensIt()
    {
        var property = Prop.ForAll(
            Dates(new DateOnly(1920, 1, 1), new DateOnly(2025, 12, 31))
                .SelectMany(dob => Gen.Choose(0, 40_000).SelectMany(a => Gen.Choose(0, 5_000).SelectMany(b => Gen.Elements(BirthdayClasses).Select(c => (dob, a, b, c))))).ToArbitrary(),
            ((DateOnly Dob, int ActivityDays, int MoreDays, string Class) t) =>
            {
                var activity = t.Dob.AddDays(t.ActivityDays);
                var later = activity.AddDays(t.MoreDays);
                var years = t.Class switch { RetentionClasses.Until25thBirthday => 25, RetentionClasses.DobPlus31Years => 31, _ => 75 };
                var date = RetentionSchedule.Compute(t.Class, t.Dob, activity).RetainUntil!.Value;
                var dateLater = RetentionSchedule.Compute(t.Class, t.Dob, later).RetainUntil!.Value;
                return date >= RetentionSchedule.Birthday(t.Dob, years) && date >= activity
                    && (t.Class == RetentionClasses.Until25thBirthday || dateLater >= date);
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    private static Gen<DateOnly> Dates(DateOnly from, DateOnly to) =>
        Gen.Choose(0, to.DayNumber - from.DayNumber).Select(d => from.AddDays(d));
}
