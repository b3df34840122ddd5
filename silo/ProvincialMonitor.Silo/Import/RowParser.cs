using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Region;
using ProvincialMonitor.Silo.Api;

namespace ProvincialMonitor.Silo.Import;

/// <summary>A row turned into a command, or the reasons it cannot be.</summary>
public sealed record ParsedRow(
    int Line,
    string ActionName,
    ImportAction? Action,
    Command? Command,
    string? ProjectId,
    string? ReferenceProvince,
    string? ExternalRef,
    string? Province,
    string? Cluster,
    string? Campaign,
    string? Market,
    string? IdempotencyKey,
    string RequestHash,
    IReadOnlyList<FieldError> Errors,
    IReadOnlyList<FieldError>? Notices = null)
{
    public bool Valid => Errors.Count == 0;

    /// <summary>The business park the row acts on (its slug), for the business-park actions.</summary>
    public string? BusinessPark { get; init; }

    /// <summary>The aggregate the row acts on, as far as known without state; rows on one aggregate are applied one after the other.</summary>
    public string Partition => Action?.Target switch
    {
        ImportTarget.NewProject or ImportTarget.Project when ExternalRef is not null && ReferenceProvince is not null => $"ref:{ReferenceProvince}/{ExternalRef}",
        ImportTarget.Project => $"project:{ProjectId}",
        ImportTarget.NewProject => $"new:{Line}",
        ImportTarget.Province => $"province:{Province}",
        ImportTarget.Cluster or ImportTarget.NewCluster => $"cluster:{Cluster}",
        // A market's rows follow its campaign's: a market joins on the campaign before it records days and entries.
        ImportTarget.Campaign or ImportTarget.NewCampaign or ImportTarget.Market => $"campaign:{Campaign}",
        ImportTarget.BusinessPark or ImportTarget.NewBusinessPark => $"business-park:{BusinessPark}",
        _ => "flanders",
    };

    /// <summary>The grain key of the aggregate, when the row names it without state (all but projects named by externalRef and new projects).</summary>
    public string? FixedKey => Action?.Target switch
    {
        ImportTarget.Province => Province,
        ImportTarget.Cluster or ImportTarget.NewCluster => Cluster,
        ImportTarget.Campaign or ImportTarget.NewCampaign => Campaign,
        ImportTarget.Market => MarketState.KeyOf(Campaign!, Market!),
        ImportTarget.BusinessPark or ImportTarget.NewBusinessPark => BusinessPark,
        ImportTarget.Flanders => RegionDecider.Key,
        _ => null,
    };
}

/// <summary>Turns a CSV row into a command: values parsed by the command's field types, then the command's own Validate().</summary>
public static class RowParser
{
    /// <summary>Separates the items of a list field (participatingProvinces, clusters, partners) inside one cell.</summary>
    public const char ListSeparator = '|';

    /// <summary>
    /// The row's command. A CSV field is text read with the file's decimal mark; a workbook's cell by its kind: a number cell
    /// with the point it is stored with, a text cell as a form reads it (<paramref name="decimalSeparator"/> null), a date cell
    /// only where a date or moment is expected, an error cell never.
    /// </summary>
    public static ParsedRow Parse(CsvRecord record, IReadOnlyList<string> header, DecimalMark? decimalSeparator, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(header);
        var errors = new List<FieldError>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, CellKind>(StringComparer.Ordinal);
        // A workbook's row ends at its last cell that holds something; only a CSV record must have as many fields as the header.
        if (record.Kinds is null ? record.Fields.Count != header.Count : record.Fields.Count > header.Count)
            errors.Add(FieldError.Of("", Refusals.ImportFieldCount, ("fields", record.Fields.Count), ("header", header.Count)));
        for (var i = 0; i < Math.Min(header.Count, record.Fields.Count); i++)
        {
            var value = record.Fields[i].Trim().Normalize(NormalizationForm.FormC);
            if (value.Length == 0) continue;
            values[header[i]] = value;
            if (record.Kinds is { } cellKinds && cellKinds[i] != CellKind.Text) kinds[header[i]] = cellKinds[i];
        }

        var actionName = values.GetValueOrDefault(ImportAction.ActionColumn) ?? "";
        if (!ImportAction.All.TryGetValue(actionName, out var action))
        {
            errors.Add(actionName.Length == 0 ? FieldError.Of("action", Refusals.FieldRequired)
                : FieldError.Of("action", Refusals.ImportUnknownAction, ("action", actionName), ("actions", string.Join(", ", ImportAction.All.Keys))));
            return new ParsedRow(record.Line, actionName, null, null, null, null, null, null, null, null, null, null, "", errors);
        }

        var json = new JsonObject();
        JsonObject? change = null;
        foreach (var (column, value) in values)
        {
            var cell = kinds.GetValueOrDefault(column);
            if (cell == CellKind.Error)
            {
                errors.Add(FieldError.Of(column, Refusals.ImportErrorCell, ("error", value)));
                continue;
            }
            if (cell == CellKind.Date && action.Fields.GetValueOrDefault(column) is var dated && dated != typeof(DateOnly) && dated != typeof(DateTimeOffset))
            {
                errors.Add(FieldError.Of(column, Refusals.ImportDateCell));
                continue;
            }
            var mark = cell == CellKind.Number ? DecimalMark.Point : decimalSeparator;
            if (column is ImportAction.ActionColumn or ImportAction.IdempotencyKeyColumn || action.ReferenceColumns.Contains(column)) continue;
            if (!action.Fields.TryGetValue(column, out var type))
            {
                errors.Add(FieldError.Of(column, Refusals.ImportNotAColumn, ("action", actionName)));
                continue;
            }
            if (type == typeof(ImportAction.CorrectionFieldMarker) || type == typeof(ImportAction.CorrectionValueMarker))
            {
                change ??= new JsonObject();
                change[column] = type == typeof(ImportAction.CorrectionFieldMarker) ? JsonValue.Create(value) : CellValues.CorrectionValue(value, mark);
                continue;
            }
            if (CellValues.Parse(column, value, type, action.NumberKinds.GetValueOrDefault(column), mark, out var node) is { } error) errors.Add(error);
            else json[column] = node;
        }
        // A correction row corrects one field; both columns empty is reported by the command's own check (changes).
        if (change is not null) json["changes"] = new JsonArray(change);

        string? projectId = null, referenceProvince = null, externalRef = null, province = null, cluster = null, campaign = null, market = null,
            businessPark = null;
        switch (action.Target)
        {
            case ImportTarget.NewProject:
                referenceProvince = values.GetValueOrDefault("leadProvince");
                externalRef = values.GetValueOrDefault("externalRef");
                break;
            case ImportTarget.Project:
                projectId = values.GetValueOrDefault("projectId");
                referenceProvince = values.GetValueOrDefault("leadProvince");
                externalRef = values.GetValueOrDefault("externalRef");
                if (projectId is not null)
                {
                    if (!Guid.TryParse(projectId, out _)) errors.Add(FieldError.Of("projectId", Refusals.ImportNotAProjectId));
                    if (externalRef is not null) errors.Add(FieldError.Of("", Refusals.ImportProjectNamedTwice));
                }
                else if (referenceProvince is null || externalRef is null)
                    errors.Add(FieldError.Of("", Refusals.ImportProjectUnnamed));
                else if (!Contracts.ProvinceSlugs.All.Contains(referenceProvince))
                    errors.Add(FieldError.Of("leadProvince", Refusals.FieldUnknownProvince, ("options", string.Join(", ", Contracts.ProvinceSlugs.All))));
                break;
            case ImportTarget.Province:
                province = values.GetValueOrDefault("province");
                if (province is null) errors.Add(FieldError.Of("province", Refusals.FieldRequired));
                else if (!Contracts.ProvinceSlugs.All.Contains(province)) errors.Add(FieldError.Of("province", Refusals.FieldUnknownProvince, ("options", string.Join(", ", Contracts.ProvinceSlugs.All))));
                break;
            case ImportTarget.Cluster:
                cluster = values.GetValueOrDefault("cluster");
                if (cluster is null) errors.Add(FieldError.Of("cluster", Refusals.FieldRequired));
                break;
            case ImportTarget.NewCluster:
                cluster = values.GetValueOrDefault("slug");
                break;
            case ImportTarget.NewCampaign:
                campaign = values.GetValueOrDefault("slug");
                break;
            case ImportTarget.NewBusinessPark:
                businessPark = values.GetValueOrDefault("slug");
                break;
            case ImportTarget.BusinessPark:
                businessPark = values.GetValueOrDefault("businessPark");
                if (businessPark is null) errors.Add(FieldError.Of("businessPark", Refusals.FieldRequired));
                break;
            case ImportTarget.Campaign:
            case ImportTarget.Market:
                campaign = values.GetValueOrDefault("campaign");
                if (campaign is null) errors.Add(FieldError.Of("campaign", Refusals.FieldRequired));
                if (action.Target == ImportTarget.Market)
                {
                    market = values.GetValueOrDefault("market");
                    if (market is null) errors.Add(FieldError.Of("market", Refusals.ImportMarketRequired));
                }
                break;
        }

        Command? command = null;
        var canonical = "";
        var notices = new List<FieldError>();
        if (errors.Count == 0)
        {
            try
            {
                command = (Command?)json.Deserialize(action.CommandType, RequestBody.Options);
            }
            catch (JsonException ex)
            {
                errors.Add(FieldError.Of(ex.Path?.TrimStart('$', '.') ?? "", Refusals.FieldWrongFormat));
            }
            if (command is not null)
            {
                command = command.Normalized(notices);
                errors.AddRange(command.Validate());
                if (command.EffectiveDate is { } date && date > today.AddDays(1)) errors.Add(FieldError.Of("effectiveDate", Refusals.FieldInTheFuture));
                canonical = EventStore.CanonicalJson.Canonicalize(JsonSerializer.Serialize(command, action.CommandType, RequestBody.Options));
            }
        }

        var idempotencyKey = values.GetValueOrDefault(ImportAction.IdempotencyKeyColumn);
        if (idempotencyKey is not null && (idempotencyKey.Length > 200 || idempotencyKey.Any(char.IsControl)))
            errors.Add(FieldError.Of("idempotencyKey", Refusals.ImportBadIdempotencyKey));
        var reference = action.Target switch
        {
            ImportTarget.Project => projectId ?? $"{referenceProvince}/{externalRef}",
            ImportTarget.Province => province,
            ImportTarget.Cluster or ImportTarget.NewCluster => cluster,
            ImportTarget.Campaign or ImportTarget.NewCampaign => campaign,
            ImportTarget.Market => $"{campaign}/{market}",
            ImportTarget.BusinessPark or ImportTarget.NewBusinessPark => businessPark,
            _ => "",
        };
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"IMPORT {actionName} {reference}\n{canonical}")));
        return new ParsedRow(record.Line, action.Name, action, errors.Count == 0 ? command : null, projectId, referenceProvince, externalRef, province, cluster,
            campaign, market, idempotencyKey ?? $"import-{hash}", hash, errors, notices) { BusinessPark = businessPark };
    }
}
