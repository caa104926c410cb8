using System.Globalization;

namespace Verivius.Domain.Challenges;

/// <summary>
/// Working days in England and Wales: Monday to Friday, less the bank holidays held in
/// <c>bank-holidays-england-and-wales.txt</c>.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> _bankHolidays;

    public WorkingDays(IEnumerable<DateOnly> bankHolidays) => _bankHolidays = [.. bankHolidays];

    public static WorkingDays EnglandAndWales { get; } = new(ReadBankHolidays());

    public IReadOnlyCollection<DateOnly> BankHolidays => _bankHolidays;

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(day);

    /// <summary>The day that is <paramref name="count"/> working days after <paramref name="from"/>.</summary>
    public DateOnly After(DateOnly from, int count)
    {
        var day = from;
        for (var counted = 0; counted < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    private static List<DateOnly> ReadBankHolidays()
    {
        using var stream = typeof(WorkingDays).Assembly.GetManifestResourceStream("bank-holidays-england-and-wales.txt")
            ?? throw new InvalidOperationException("The bank-holiday list is not embedded in the domain assembly.");
        using var reader = new StreamReader(stream);
        var days = new List<DateOnly>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                days.Add(DateOnly.ParseExact(line.Split('\t')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        return days;
    }
}
