using Microsoft.AspNetCore.Diagnostics;

namespace CgtAtlas.Web.Services;

/// <summary>
/// Turns request errors thrown while reading a body (too large, malformed multipart) into their own status codes
/// (413, 400) with a ProblemDetails body, instead of a 500.
/// </summary>
internal sealed class RequestErrorHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => (413, "Upload too large"),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
            InvalidDataException data when data.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) => (413, "Upload too large"),
            InvalidDataException => (400, "Malformed request body"),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        }).ConfigureAwait(false);
    }
}
