using GmConnect.Workbench.Explore;

namespace GmConnect.Server.Workbench;

/// <summary>The explorer's filter form (a GET form, so the chosen filters land in the address): which page it serves and which fields it offers.</summary>
internal sealed record FilterForm(string Action, ExploreQuery Query, ExploreDataset Data, bool ShowMeasure, bool ShowYear, bool ShowCategories);
