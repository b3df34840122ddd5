using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// Every error the silo answers is a problem document: an error body that a part of the framework writes in
/// another form (SignalR's and Blazor's text, the OpenAPI document's 404) is replaced by a problem with the same
/// status, with a short plain text as its detail. A JSON error body (the readiness report) is the route's own, and
/// an error without a body is left to the status code pages. Other answers pass through as they are written.
/// </summary>
public static class ErrorBodies
{
    /// <summary>At most this much of a replaced plain-text body becomes the problem's detail.</summary>
    private const int MaxDetail = 300;

    public static WebApplication UseProblemErrorBodies(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            var guard = new GuardStream(context.Response, original.Stream);
            var guarded = new StreamResponseBodyFeature(guard, original);
            context.Features.Set<IHttpResponseBodyFeature>(guarded);
            try
            {
                await next(context);
                // An upgraded connection (a WebSocket) has no response body left to complete.
                if (context.Response.StatusCode != StatusCodes.Status101SwitchingProtocols) await guarded.CompleteAsync();
            }
            finally
            {
                context.Features.Set(original);
            }

            // An error in another form: a body that was kept, or none with a content type (which the status code pages leave alone).
            var response = context.Response;
            if (!guard.Passing && response.StatusCode >= 400 && !response.HasStarted && !HttpMethods.IsHead(context.Request.Method)
                && (guard.Replaced is not null || (response.ContentType is { } type && !IsJson(type))))
            {
                var status = response.StatusCode;
                var text = guard.Replaced is { } replaced && response.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true
                    ? Encoding.UTF8.GetString(replaced.ToArray()).Trim()
                    : "";
                response.Headers.ContentLength = null;
                response.ContentType = null;
                await Problems.OfStatus(status, text.Length is > 0 and <= MaxDetail ? text : null).ExecuteAsync(context);
            }
        });
        return app;
    }

    private static bool IsJson(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim() ?? "";
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Passes the body through, unless its first bytes are those of an error that is not JSON: that body is kept
    /// (its start) instead of sent. A flush before the first byte of an error waits, so that the form is known.
    /// </summary>
    private sealed class GuardStream(HttpResponse response, Stream inner) : Stream
    {
        /// <summary>Whether the body is sent as written (decided at its first byte, or a flush of an answer that is not an error).</summary>
        public bool Passing { get; private set; }

        /// <summary>The start of an error body that is answered as a problem instead.</summary>
        public MemoryStream? Replaced { get; private set; }

        /// <summary>Whether these bytes are kept rather than sent: decided at the first byte, for the whole body.</summary>
        private bool Keeps(int count)
        {
            if (!Passing && Replaced is null && count > 0)
            {
                if (response.StatusCode < 400 || IsJson(response.ContentType)) Passing = true;
                else Replaced = new MemoryStream();
            }
            return !Passing;
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (Replaced is { Length: <= MaxDetail } kept) kept.Write(bytes[..Math.Min(bytes.Length, MaxDetail + 1 - (int)kept.Length)]);
        }

        private bool Forwards()
        {
            if (!Passing && Replaced is null && response.StatusCode < 400) Passing = true;
            return Passing;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Keeps(count)) Keep(buffer.AsSpan(offset, count));
            else inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!Keeps(buffer.Length)) return inner.WriteAsync(buffer, cancellationToken);
            Keep(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
            if (Forwards()) inner.Flush();
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            Forwards() ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
