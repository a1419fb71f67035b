using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace GmConnect.Server.Pages;

/// <summary>Sets a page's title and breadcrumbs for the layout.</summary>
internal static class PageTitles
{
    public static void Set(ViewDataDictionary viewData, string title, params (string Text, string Href)[] breadcrumbs)
    {
        viewData["Title"] = title;
        viewData["Breadcrumbs"] = breadcrumbs;
    }
}
