using System.Net;
using System.Text;
using RapidResponse.Security;

namespace RapidResponse.LocalHost.StandIns;

/// <summary>The <c>/stand-ins</c> page: what would have been sent, newest first.</summary>
public static class StandInPage
{
    public static string Render(StandInRecorder recorder)
    {
        var html = new StringBuilder("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>RapidResponse stand-ins</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            article{border:1px solid #ccc;border-radius:.5rem;padding:.75rem;margin:.5rem 0}pre{white-space:pre-wrap}</style>
            </head><body><h1>What would have been sent</h1>
            <p>Local stand-ins for Twilio (SMS, calls) and SendGrid. Recipients are masked; this page refreshes itself.</p>
            """);
        html.Append("<h2>SMS and WhatsApp (").Append(recorder.Sms.Count).Append(")</h2>");
        foreach (var sms in recorder.Sms.Reverse())
        {
            html.Append("<article><strong>").Append(sms.IsWhatsApp ? "WhatsApp to " : "To ").Append(Encode(Mask(sms.To))).Append("</strong> at ")
                .Append(sms.ReceivedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
            if (sms.ContentSid is { } template)
            {
                html.Append("<p>Template ").Append(Encode(template)).Append("</p><pre>").Append(Encode(Pii.MaskText(sms.ContentVariables ?? ""))).Append("</pre>");
            }
            else
            {
                html.Append("<pre>").Append(Encode(Pii.MaskText(sms.Body))).Append("</pre>");
            }

            html.Append("</article>");
        }

        html.Append("<h2>Calls (").Append(recorder.Calls.Count).Append(")</h2>");
        foreach (var call in recorder.Calls.Reverse())
        {
            html.Append("<article><strong>To ").Append(Encode(Pii.MaskPhone(call.To))).Append("</strong> at ")
                .Append(call.ReceivedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))
                .Append("<p>Answering-machine detection: ").Append(Encode(call.MachineDetection ?? "off")).Append("</p></article>");
        }

        html.Append("<h2>Email (").Append(recorder.Emails.Count).Append(")</h2>");
        foreach (var email in recorder.Emails.Reverse())
        {
            html.Append("<article><strong>To ").Append(Encode(string.Join(", ", email.To.Select(Pii.MaskEmail)))).Append(": ")
                .Append(Encode(email.Subject ?? "")).Append("</strong>");
            if (email.AttachmentNames.Count > 0)
            {
                html.Append("<p>Attachments: ").Append(Encode(string.Join(", ", email.AttachmentNames))).Append("</p>");
            }

            html.Append("<pre>").Append(Encode(email.Text ?? "")).Append("</pre></article>");
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>A phone, masked; a WhatsApp address keeps its <c>whatsapp:</c> prefix.</summary>
    public static string Mask(string to) =>
        to.StartsWith("whatsapp:", StringComparison.Ordinal) ? "whatsapp:" + Pii.MaskPhone(to["whatsapp:".Length..]) : Pii.MaskPhone(to);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
