namespace RapidResponse.Statements;

/// <summary>Ends a sentence without doubling the full stop of an abbreviation ("Zhanar S." stays "Zhanar S.").</summary>
public static class Sentences
{
    public static string End(string text) => text.EndsWith('.') ? text : text + ".";
}
