using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ProvincialMonitor.Silo.Api;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// Rate limits on the HTTP API, per user and per API key (a token bucket per actor): <c>RateLimits:PerSecond</c>
/// requests a second with bursts of <c>RateLimits:Burst</c>, and per key <c>RateLimits:Keys:{keyId}</c> (requests
/// a second) so that the simulator, imports and benchmarks get their own. A request over the limit gets 429
/// with <c>Retry-After</c> (whole seconds) and nothing is done. The silo's own in-process demo actor is not limited.
/// </summary>
public static class RateLimits
{
    public static void Configure(RateLimiterOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimits");
        var enabled = section.GetValue("Enabled", true);
        var perSecond = Math.Max(1, section.GetValue("PerSecond", 100));
        var burst = Math.Max(1, section.GetValue("Burst", perSecond * 2));
        var keys = section.GetSection("Keys");

        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!enabled || !context.Request.Path.StartsWithSegments("/api")) return RateLimitPartition.GetNoLimiter("");
            var actor = ActorClaims.ToActor(context.User);
            if (actor is null || actor.Id == Contracts.Actor.System.Id) return RateLimitPartition.GetNoLimiter("");
            var (rate, bucket) = (perSecond, burst);
            if (actor.Id.StartsWith("key:", StringComparison.Ordinal) && keys[actor.Id["key:".Length..]] is { } own
                && int.TryParse(own, NumberStyles.None, CultureInfo.InvariantCulture, out var keyRate) && keyRate > 0)
                (rate, bucket) = (keyRate, keyRate * 2);
            return RateLimitPartition.GetTokenBucketLimiter($"{actor.Id}/{rate}", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = bucket,
                TokensPerPeriod = Math.Max(1, rate / 10),
                ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    /// <summary>The answer over the limit: a problem with <c>Retry-After</c> for the API.</summary>
    public static ValueTask RejectAsync(OnRejectedContext context)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Problems.Of(StatusCodes.Status429TooManyRequests, Problems.TooManyRequests, "Too many requests.",
            $"This user or API key sent more requests than its limit allows; try again in {seconds} s.").ExecuteAsync(context.HttpContext));
    }
}
