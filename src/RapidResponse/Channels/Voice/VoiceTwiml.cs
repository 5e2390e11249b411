using System.Xml.Linq;
using RapidResponse.Statements;

namespace RapidResponse.Channels.Voice;

/// <summary>
/// The TwiML a call runs: the alert read twice inside a one-digit <c>&lt;Gather&gt;</c> (a press may come at any
/// moment), then the prompt; with no press, a goodbye. Built with <see cref="XElement"/>, so the alert's text is
/// always escaped.
/// </summary>
public static class VoiceTwiml
{
    public const string ContentType = "application/xml";

    /// <summary>Seconds <c>&lt;Gather&gt;</c> waits for a key after the prompt.</summary>
    public const int GatherSeconds = 8;

    public static string Alert(CallTexts texts, string alertText, Uri gatherAction) =>
        Render(
            new XElement(
                "Gather",
                new XAttribute("numDigits", 1),
                new XAttribute("timeout", GatherSeconds),
                new XAttribute("action", gatherAction.AbsoluteUri),
                new XAttribute("method", "POST"),
                Say(texts, alertText),
                new XElement("Pause", new XAttribute("length", 1)),
                Say(texts, texts.Again + " " + alertText),
                Say(texts, texts.Prompt)),
            Say(texts, texts.NoAnswer),
            new XElement("Hangup"));

    /// <summary>Asks again, without reading the alert (a key other than 1 or 2).</summary>
    public static string Prompt(CallTexts texts, Uri gatherAction) =>
        Render(
            new XElement(
                "Gather",
                new XAttribute("numDigits", 1),
                new XAttribute("timeout", GatherSeconds),
                new XAttribute("action", gatherAction.AbsoluteUri),
                new XAttribute("method", "POST"),
                Say(texts, texts.Prompt)),
            Say(texts, texts.NoAnswer),
            new XElement("Hangup"));

    /// <summary>Says one thing and hangs up; with no text, hangs up at once (an answering machine, an unknown call).</summary>
    public static string Final(CallTexts? texts, string? text) =>
        texts is null || text is null ? Render(new XElement("Hangup")) : Render(Say(texts, text), new XElement("Hangup"));

    private static XElement Say(CallTexts texts, string text) =>
        new("Say", new XAttribute("voice", texts.Voice), new XAttribute("language", texts.Language), text);

    private static string Render(params object[] verbs) =>
        new XDeclaration("1.0", "UTF-8", null) + new XElement("Response", verbs).ToString(SaveOptions.DisableFormatting);
}
