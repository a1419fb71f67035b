using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Filtering;

/// <summary>One item a query found, with its governance attributes. The item itself never reaches Governance's logic.</summary>
/// <typeparam name="T">The caller's item type (a pointer, a row).</typeparam>
/// <param name="Item">The item.</param>
/// <param name="Resource">Its governance attributes.</param>
public sealed record Candidate<T>(T Item, GovernedResource Resource);
