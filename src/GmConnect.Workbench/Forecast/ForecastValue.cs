namespace GmConnect.Workbench.Forecast;

/// <summary>Projected children in care in a placement category ("All" for the total) at a date, with a ±2 s.d. band, and the cost of the year to that date.</summary>
public sealed record ForecastValue(string Scenario, int YearAhead, DateOnly Date, string Category, double Mean, double Lower, double Upper, decimal CostOfYear);
