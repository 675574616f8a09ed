using FluentValidation;
using System.Linq.Expressions;
using FluentValidation.Results;

namespace Handoff.Api.Admin.Common;

public static class AdminRules
{
    public const int MaxTags = 50;

    /// <summary>Tags such as "metals-recycling": letters, digits, dashes; compared ignoring case; no duplicates.</summary>
    public static void TagList<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<string>?>> tags)
    {
        validator.RuleFor(tags)
            .Must(t => t is null || t.Count <= MaxTags).WithMessage($"At most {MaxTags} tags.")
            .NoDuplicates(t => t?.Trim().ToLowerInvariant());
        validator.RuleForEach(Expression.Lambda<Func<T, IEnumerable<string>>>(tags.Body, tags.Parameters))
            .NotEmpty().WithMessage("A tag cannot be empty.")
            .MaximumLength(100)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage("'{PropertyValue}' is not a tag such as metals-recycling (letters, digits, dashes).");
    }

    /// <summary>Names each repeated element ("rules.regions[3]") and where it first appeared.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<TItem>?> NoDuplicates<T, TItem>(
        this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, Func<TItem, string?> key, string field = "") =>
        rule.Custom((list, context) =>
        {
            if (list is null)
            {
                return;
            }
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                if (key(list[i]) is not { Length: > 0 } k)
                {
                    continue;
                }
                if (seen.TryGetValue(k, out var first))
                {
                    context.AddFailure(new ValidationFailure($"{context.PropertyPath}[{i}]{field}",
                        $"'{k}' is listed twice (also at {context.PropertyPath}[{first}])."));
                }
                else
                {
                    seen[k] = i;
                }
            }
        });

    public static IRuleBuilderOptions<T, string?> MustBeEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' is required.")
            .MaximumLength(254)
            .EmailAddress().WithMessage("'{PropertyValue}' is not a valid e-mail address.");
}
