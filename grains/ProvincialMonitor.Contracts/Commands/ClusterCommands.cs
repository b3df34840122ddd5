using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Contracts.Commands;

[GenerateSerializer]
public abstract record ClusterCommand : Command;

[GenerateSerializer, Immutable]
public sealed record RegisterCluster(string? Slug, string? Name, string? Sector, string? Kind, string? Province) : ClusterCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Slug("slug", Slug);
        check.Text("name", Name, max: 100);
        check.Text("sector", Sector, max: 100);
        check.OneOf("kind", Kind, ClusterKinds.All);
        switch (Kind)
        {
            case ClusterKinds.Spearhead:
                if (Slug is not null && !ClusterKinds.IsSpearheadSlug(Slug))
                    check.Add("slug", Refusals.FieldNotSpearhead, ("clusters", string.Join(", ", SpearheadClusters.All.Select(c => c.Slug))));
                if (Province is not null) check.Add("province", Refusals.FieldNotForSpearhead);
                break;
            case ClusterKinds.Provincial:
                // The seven slugs stay free for the system, which registers the spearhead clusters at first start.
                if (ClusterKinds.IsSpearheadSlug(Slug)) check.Add("slug", Refusals.FieldReservedForSpearhead);
                check.Province("province", Province);
                break;
            default:
                check.Province("province", Province, required: false);
                break;
        }
    }
}

[GenerateSerializer, Immutable]
public sealed record AddClusterMember(string? Member, string? MemberKind) : ClusterCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("member", Member);
        check.OneOf("memberKind", MemberKind, ClusterMemberKinds.All, required: false);
    }
}

[GenerateSerializer, Immutable]
public sealed record RemoveClusterMember(string? Member, string? Reason) : ClusterCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("member", Member);
        check.Text("reason", Reason, required: false, max: 1000);
    }
}

[GenerateSerializer, Immutable]
public sealed record GrantClusterFunding(string? Province, [property: Money] decimal? Amount, string? Purpose) : ClusterCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Province("province", Province);
        check.Money("amount", Amount);
        check.OneOf("purpose", Purpose, ClusterFundingPurposes.All);
    }
}

[GenerateSerializer, Immutable]
public sealed record CorrectCluster(Guid? EventId, CorrectionChange[]? Changes, string? Reason) : ClusterCommand, ICorrectionCommand
{
    protected override void ValidateFields(Checks check) => check.Correction(this);
}

[GenerateSerializer, Immutable]
public sealed record RetractClusterEvent(Guid? EventId, string? Reason) : ClusterCommand, IRetractionCommand
{
    protected override void ValidateFields(Checks check) => check.Retraction(this);
}
