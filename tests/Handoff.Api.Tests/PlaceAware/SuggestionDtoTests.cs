using Handoff.Api.Meetings;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Suggestions;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Api.Tests.PlaceAware;

/// <summary>The suggestion's RSM zone is found by address, not by string equality.</summary>
public class SuggestionDtoTests
{
    [Test]
    public void RsmZone_IsTheirsInTheTimes_WhateverTheAddressCase()
    {
        var slot = new Interval(Instant.FromUtc(2026, 12, 3, 17, 0), Instant.FromUtc(2026, 12, 3, 18, 0));
        var pacific = TimeZoneIds.Resolve("America/Los_Angeles");
        var rsm = new RsmProfile("Dana.Ruiz@Example.com", "Dana Ruiz");
        var times = new[]
        {
            PartyTime.For(new PartyRef(PartyKind.Organizer, "sdr@example.com"), TimeZoneIds.Resolve("America/New_York"), slot),
            PartyTime.For(new PartyRef(PartyKind.Rsm, "dana.ruiz@example.com"), pacific, slot),
        };

        var dto = SuggestionDto.From(new Suggestion(slot, rsm, false, times, [], 0));

        Assert.That(dto.Rsm.TimeZone, Is.EqualTo("America/Los_Angeles"));
    }
}
