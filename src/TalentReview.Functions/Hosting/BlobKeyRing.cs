using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace TalentReview.Functions.Hosting;

/// <summary>
/// The data-protection key ring (antiforgery tokens, sign-in cookies) in one blob, shared by every
/// instance of the app and kept across restarts. A key is added with the blob's ETag as condition, so
/// two instances adding keys at once both land. Written here because the Azure package for this
/// (Azure.Extensions.AspNetCore.DataProtection.Blobs) is not served to this repository's build.
/// </summary>
public sealed class BlobKeyRing(BlobClient blob) : IXmlRepository
{
    private const string RootName = "repository";
    private const int MaxAttempts = 30;

    public IReadOnlyCollection<XElement> GetAllElements()
        => [.. ReadAsync(CancellationToken.None).GetAwaiter().GetResult().Document.Root!.Elements()];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        StoreAsync(element, CancellationToken.None).GetAwaiter().GetResult();
    }

    private async Task StoreAsync(XElement element, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (document, etag) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            document.Root!.Add(new XElement(element));
            var conditions = etag is { } known ? new BlobRequestConditions { IfMatch = known } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                await blob.UploadAsync(BinaryData.FromString(document.ToString(SaveOptions.DisableFormatting)), new BlobUploadOptions { Conditions = conditions }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another instance added a key meanwhile: read its ring and add ours to it, after a random
                // pause that grows with each loss, so instances racing together do not collide again in step.
                var pause = TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)));
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(XDocument Document, ETag? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return (XDocument.Parse(content.Value.Content.ToString()), content.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (new XDocument(new XElement(RootName)), null);
        }
    }
}
