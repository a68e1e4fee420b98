using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace TalentReview.Web.Security;

public enum FormReadFailure
{
    None,
    TooLarge,
    Malformed,
    UnsupportedMediaType,
}

public sealed record FormReadResult(IFormCollection? Form, FormReadFailure Failure);

/// <summary>Reads a url-encoded page form under tight limits, whatever the host's global form options are.</summary>
public sealed class BoundedFormReader(IOptions<WebFormLimits> options)
{
    public async Task<FormReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limits = options.Value;
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return new FormReadResult(null, FormReadFailure.UnsupportedMediaType);
        }

        if (request.ContentLength > limits.MaxBodyBytes)
        {
            return new FormReadResult(null, FormReadFailure.TooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxBodyBytes;
        }

        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            ValueCountLimit = limits.MaxValueCount,
            ValueLengthLimit = limits.MaxValueLength,
            KeyLengthLimit = limits.MaxKeyLength,
            BufferBodyLengthLimit = limits.MaxBodyBytes,
        }));

        try
        {
            return new FormReadResult(await request.ReadFormAsync(cancellationToken), FormReadFailure.None);
        }
        catch (InvalidDataException)
        {
            return new FormReadResult(null, FormReadFailure.TooLarge);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new FormReadResult(null, FormReadFailure.TooLarge);
        }
        catch (BadHttpRequestException)
        {
            return new FormReadResult(null, FormReadFailure.Malformed);
        }
    }
}
