using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// Writes what the FluentValidation validators enforce into the schemas, so the document cannot drift from them:
/// unconditional NotNull/NotEmpty → <c>required</c>, EmailAddress → <c>format: email</c>, InclusiveBetween and
/// GreaterThan(OrEqual)/LessThan(OrEqual) → ranges, MaximumLength → <c>maxLength</c>, Matches → <c>pattern</c>; rules
/// for each element of a list describe its <c>items</c>. Rules written as predicates say their format with
/// <see cref="System.ComponentModel.DataAnnotations.DataTypeAttribute"/> on the property instead. A body read at the
/// edge (<see cref="IParsedRequest{TParsed}"/>) is described by its parse (what it refuses when absent is required; an
/// instant, date or address has its format) and by its parsed type's validator (ranges, lengths).
/// </summary>
internal sealed class OpenApiValidationRules(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is not { Count: > 0 } properties)
        {
            return;
        }
        var parsed = ParsedTypes(context.Type);
        if (parsed.Length > 0)
        {
            DescribeParse(target, properties, context.Type, parsed[0]);
        }
        if (parsed.Prepend(context.Type).Select(t => services.GetService(typeof(IValidator<>).MakeGenericType(t))).OfType<IValidator>().FirstOrDefault() is not { } validator)
        {
            return;
        }
        var descriptor = validator.CreateDescriptor();
        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            if (!properties.TryGetValue(name, out var property))
            {
                continue;
            }
            if (property is not OpenApiSchema own)
            {
                // A $ref'd object: its own schema carries its rules; whether it must be given is this type's rule.
                if (descriptor.GetRulesForMember(name).Any(r => !r.HasCondition && !r.HasAsyncCondition &&
                        r.Components.Any(c => c.Validator is INotNullValidator or INotEmptyValidator && !c.HasCondition && !c.HasAsyncCondition)))
                {
                    target.Required ??= new HashSet<string>();
                    target.Required.Add(name);
                }
                continue;
            }
            if (member.GetCustomAttribute<System.ComponentModel.DataAnnotations.AllowedValuesAttribute>() is { } allowed)
            {
                // Swashbuckle reads [Required], [DataType] and lengths, not [AllowedValues]: a closed list is an enum.
                own.Enum = allowed.Values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture))!).ToList();
            }
            foreach (var rule in descriptor.GetRulesForMember(name).Concat(descriptor.GetRulesForMember(member.Name)).Distinct())
            {
                var each = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
                var on = each ? own.Items as OpenApiSchema : own;
                if (on is null)
                {
                    continue;
                }
                foreach (var component in rule.Components)
                {
                    var conditional = rule.HasCondition || rule.HasAsyncCondition || component.HasCondition || component.HasAsyncCondition;
                    Describe(target, name, on, component.Validator, each, conditional);
                }
            }
        }
    }

    /// <summary>The TParsed of each <see cref="IParsedRequest{TParsed}"/> the type implements, most derived first.</summary>
    private static Type[] ParsedTypes(Type type) => type.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsedRequest<>))
        .Select(i => i.GetGenericArguments()[0])
        .OrderByDescending(Depth)
        .ToArray();

    private static int Depth(Type type) => type.BaseType is { } parent ? 1 + Depth(parent) : 0;

    /// <summary>Runs the parse on an empty body: the fields it refuses are required; the reader notes each field's format.</summary>
    private static void DescribeParse(OpenApiSchema target, IDictionary<string, IOpenApiSchema> properties, Type type, Type parsed)
    {
        var empty = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
        var read = FieldReader.ForShapes();
        typeof(IParsedRequest<>).MakeGenericType(parsed).GetMethod(nameof(IParsedRequest<object>.Parse))!.Invoke(empty, [read]);
        foreach (var field in read.Errors.Keys.Where(properties.ContainsKey))
        {
            target.Required ??= new HashSet<string>();
            target.Required.Add(field);
        }
        foreach (var (field, format) in read.Reads.Where(r => r.Format is not null))
        {
            var list = format!.EndsWith("[]", StringComparison.Ordinal);
            if (properties.TryGetValue(field, out var property) && property is OpenApiSchema own && (list ? own.Items : own) is OpenApiSchema on)
            {
                on.Format = list ? format![..^2] : format;
            }
        }
    }

    private static void Describe(OpenApiSchema parent, string name, OpenApiSchema on, IPropertyValidator validator, bool each, bool conditional)
    {
        switch (validator)
        {
            case INotNullValidator or INotEmptyValidator when !each && !conditional:
                parent.Required ??= new HashSet<string>();
                parent.Required.Add(name);
                break;
            case IEmailValidator:
                on.Format = "email";
                break;
            case ILengthValidator { Max: > 0 } length when on.Type?.HasFlag(JsonSchemaType.String) == true:
                on.MaxLength = length.Max;
                if (length.Min > 0)
                {
                    on.MinLength = length.Min;
                }
                break;
            case IBetweenValidator between:
                on.Minimum = Number(between.From);
                on.Maximum = Number(between.To);
                break;
            case IComparisonValidator { Comparison: Comparison.GreaterThanOrEqual or Comparison.GreaterThan } more when Number(more.ValueToCompare) is { } min:
                on.Minimum = min;
                if (more.Comparison == Comparison.GreaterThan)
                {
                    on.ExclusiveMinimum = min;
                }
                break;
            case IComparisonValidator { Comparison: Comparison.LessThanOrEqual or Comparison.LessThan } less when Number(less.ValueToCompare) is { } max:
                on.Maximum = max;
                if (less.Comparison == Comparison.LessThan)
                {
                    on.ExclusiveMaximum = max;
                }
                break;
            case IRegularExpressionValidator regex when on.Pattern is null:
                on.Pattern = regex.Expression;
                break;
        }
    }

    private static string? Number(object? value) => value switch
    {
        int or long or double or decimal or float or short => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };
}
