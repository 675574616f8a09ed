using System.Collections.Frozen;
using Handoff.Scheduling.Places;

namespace Handoff.Places;

/// <summary>
/// Nearest gazetteer entry to a point: entries bucketed in 0.25° cells, searched ring by ring outwards until
/// no closer entry can exist. Candidates are compared on an equirectangular approximation (exact enough at
/// these distances); the winner's distance is great-circle. Beyond 84° of latitude the search may stop early
/// (the data has no entries there).
/// </summary>
internal sealed class NearestGrid
{
    private const double CellDegrees = 0.25;
    private const int Columns = (int)(360 / CellDegrees);
    private const int Rows = (int)(180 / CellDegrees);
    private const double KmPerDegree = 111.195;

    private readonly GazetteerEntry[] entries;
    private readonly double[] latitudes;
    private readonly double[] longitudes;
    private readonly FrozenDictionary<int, (int Start, int Count)> cells;

    public NearestGrid(IEnumerable<GazetteerEntry> source)
    {
        entries = [.. source];
        var cellOf = Array.ConvertAll(entries, e => CellOf(e.Point));
        Array.Sort(cellOf, entries);
        latitudes = Array.ConvertAll(entries, e => e.Point.Latitude);
        longitudes = Array.ConvertAll(entries, e => e.Point.Longitude);
        var ranges = new Dictionary<int, (int Start, int Count)>();
        for (var i = 0; i < entries.Length; i++)
        {
            var cell = cellOf[i];
            ranges[cell] = ranges.TryGetValue(cell, out var r) ? (r.Start, r.Count + 1) : (i, 1);
        }
        cells = ranges.ToFrozenDictionary();
    }

    /// <summary>The nearest entry within <paramref name="maxKm"/>, or null.</summary>
    public GazetteerEntry? Nearest(GeoPoint point, double maxKm, out double distanceKm)
    {
        var row = RowOf(point.Latitude);
        var column = ColumnOf(point.Longitude);
        var cosLat = Math.Cos(point.Latitude * Math.PI / 180);
        var best = -1;
        var bestSquared = double.MaxValue; // squared degrees of latitude
        // The flat metric uses the query's cos(latitude), so it can overstate a true distance by a few percent;
        // search a little beyond the limit and let the great-circle check below decide.
        var limitSquared = Square(1.25 * maxKm / KmPerDegree);
        // The metric scales longitude by the query's cos(latitude), so a ring r cells out is at least
        // (r - 1) cells × cos(latitude) away. Near the poles that bound vanishes: cap it at cos 84°.
        var columnScale = Math.Max(cosLat, 0.1);
        var maxRings = (int)Math.Ceiling(1.25 * maxKm / KmPerDegree / CellDegrees / columnScale) + 1;
        for (var ring = 0; ring <= maxRings; ring++)
        {
            if (ring > 0 && Square((ring - 1) * CellDegrees * columnScale) > Math.Min(bestSquared, limitSquared))
            {
                break;
            }
            for (var dr = -ring; dr <= ring; dr++)
            {
                var r = row + dr;
                if (r is < 0 or >= Rows)
                {
                    continue;
                }
                var step = Math.Abs(dr) == ring ? 1 : 2 * ring; // inner rows: only the ring's two edge columns
                for (var dc = -ring; dc <= ring; dc += Math.Max(step, 1))
                {
                    var c = ((column + dc) % Columns + Columns) % Columns;
                    if (!cells.TryGetValue(r * Columns + c, out var range))
                    {
                        continue;
                    }
                    for (var i = range.Start; i < range.Start + range.Count; i++)
                    {
                        var dLat = latitudes[i] - point.Latitude;
                        var dLon = WrapDegrees(longitudes[i] - point.Longitude) * cosLat;
                        var squared = dLat * dLat + dLon * dLon;
                        if (squared < bestSquared)
                        {
                            bestSquared = squared;
                            best = i;
                        }
                    }
                }
            }
        }
        distanceKm = best >= 0 ? point.DistanceKm(entries[best].Point) : double.PositiveInfinity;
        return best >= 0 && distanceKm <= maxKm ? entries[best] : null;
    }

    private static int CellOf(GeoPoint p) => RowOf(p.Latitude) * Columns + ColumnOf(p.Longitude);

    private static int RowOf(double latitude) => Math.Clamp((int)Math.Floor((latitude + 90) / CellDegrees), 0, Rows - 1);

    private static int ColumnOf(double longitude) => ((int)Math.Floor((longitude + 180) / CellDegrees) % Columns + Columns) % Columns;

    private static double WrapDegrees(double d) => d > 180 ? d - 360 : d < -180 ? d + 360 : d;

    private static double Square(double x) => x * x;
}
