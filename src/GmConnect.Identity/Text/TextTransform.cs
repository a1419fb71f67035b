namespace GmConnect.Identity.Text;

/// <summary>A column transform applied before comparison or blocking. Transforms run in the order listed.</summary>
public enum TextTransform
{
    /// <summary>Remove leading and trailing white space.</summary>
    Trim,

    /// <summary>Lower-case (invariant).</summary>
    Lower,

    /// <summary>Upper-case (invariant).</summary>
    Upper,

    /// <summary>Remove accents and other combining marks (é → e).</summary>
    RemoveAccents,

    /// <summary>Replace punctuation with a space (O'Brien → O Brien); hyphens too.</summary>
    StripPunctuation,

    /// <summary>Remove punctuation without leaving a space (O'Brien → OBrien).</summary>
    RemovePunctuation,

    /// <summary>Collapse runs of white space to one space and trim.</summary>
    CollapseWhitespace,

    /// <summary>Remove every space.</summary>
    RemoveSpaces,

    /// <summary>Keep digits only.</summary>
    DigitsOnly,

    /// <summary>Keep the first space-separated token (first of several given names).</summary>
    FirstToken,

    /// <summary>Keep the last space-separated token.</summary>
    LastToken,

    /// <summary>Sort the space-separated tokens (so that "Mary Jane" and "Jane Mary" agree).</summary>
    SortTokens,
}
