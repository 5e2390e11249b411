using RapidResponse.Alerts;

namespace RapidResponse.Dispatch;

/// <summary>The recipient's own page link for a delivery, made ready to open before the message carrying it is sent.</summary>
public interface IPageLinks
{
    Task<Uri> IssueAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken);
}
