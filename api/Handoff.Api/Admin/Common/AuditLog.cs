using System.Text.Json;
using System.Text.Json.Nodes;
using Handoff.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Admin.Common;

/// <summary>
/// Adds audit rows to the same unit of work as the change, so a change and its audit row commit together.
/// Values are the API's own JSON shapes: a create keeps "after", a delete "before", an update only what changed.
/// </summary>
public sealed class AuditLog(IClock clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    // Bookkeeping fields change on every write and say nothing about what an admin changed.
    private static readonly HashSet<string> Ignored = ["version", "createdAt", "updatedAt"];

    public Instant Now => clock.GetCurrentInstant();

    public void Created<T>(HandoffDbContext db, Actor actor, string resource, Guid id, T after, string action = "create") =>
        Add(db, actor, resource, id, action, new JsonObject { ["after"] = Node(after) });

    public void Deleted<T>(HandoffDbContext db, Actor actor, string resource, Guid id, T before) =>
        Add(db, actor, resource, id, "delete", new JsonObject { ["before"] = Node(before) });

    /// <summary>Records what changed; false (and no row) when nothing did.</summary>
    public bool Updated<T>(HandoffDbContext db, Actor actor, string resource, Guid id, T before, T after, string action = "update")
    {
        var diff = Diff(before, after);
        if (diff.Count == 0)
        {
            return false;
        }
        Add(db, actor, resource, id, action, new JsonObject { ["changed"] = diff });
        return true;
    }

    /// <summary>The top-level fields whose JSON differs, as { field: { from, to } }.</summary>
    public JsonObject Diff<T>(T before, T after)
    {
        var a = Node(before) as JsonObject ?? [];
        var b = Node(after) as JsonObject ?? [];
        var diff = new JsonObject();
        foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(k => !Ignored.Contains(k)))
        {
            var from = a[key];
            var to = b[key];
            if (!JsonNode.DeepEquals(from, to))
            {
                diff[key] = new JsonObject { ["from"] = from?.DeepClone(), ["to"] = to?.DeepClone() };
            }
        }
        return diff;
    }

    private JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, json.Value.SerializerOptions);

    private void Add(HandoffDbContext db, Actor actor, string resource, Guid id, string action, JsonObject changes) =>
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = clock.GetCurrentInstant(),
            Actor = actor.Name,
            ActorId = actor.Id,
            Resource = resource,
            ResourceId = id.ToString(),
            Action = action,
            Changes = changes.ToJsonString(),
        });
}
