using System.Globalization;
using System.Text;
using FluentValidation;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// Text that is stored or matched against the gazetteer must be text: no control characters (tabs and line breaks
/// excepted in free text), no Unicode noncharacters (U+FFFE, U+FDD0…), no lone surrogates. Such characters never
/// come from a person typing an address; refused at the door they cannot break a later check, an export or a log.
/// </summary>
public static class TextRules
{
    public static IRuleBuilderOptions<T, string?> MustBeCleanText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || FirstBad(v) is null)
            .WithMessage((_, v) => $"'{{PropertyName}}' contains a character that is not text ({FirstBad(v!)}); remove it.");

    /// <summary>"U+FFFE at position 7", or null when the text is clean.</summary>
    public static string? FirstBad(string text)
    {
        var i = 0;
        foreach (var rune in Enumerate(text))
        {
            if (rune is not { } r)
            {
                return $"a lone surrogate at position {i + 1}";
            }
            var v = r.Value;
            var control = Rune.GetUnicodeCategory(r) == UnicodeCategory.Control && v is not ('\t' or '\n' or '\r');
            var nonCharacter = v is >= 0xFDD0 and <= 0xFDEF || (v & 0xFFFE) == 0xFFFE;
            if (control || nonCharacter)
            {
                return $"U+{v:X4} at position {i + 1}";
            }
            i++;
        }
        return null;
    }

    private static IEnumerable<Rune?> Enumerate(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                yield return null;
                yield break;
            }
            yield return rune;
            i += used;
        }
    }
}
