namespace Handoff.Api.Infrastructure;

/// <summary>
/// Swagger UI's own colours fail WCAG 2.1 AA contrast (white on its light method badges, green on white, the version
/// stamps), as axe-core reports. These overrides keep its look with darker shades that reach 4.5:1. Two more gaps are
/// in its markup, so a small script mends them as Swagger UI renders: the request-body textarea has no label, and
/// scrollable code samples cannot be reached with the keyboard, and the servers and value drop-downs have no label.
/// </summary>
internal static class SwaggerUiContrast
{
    public const string Style = """
        <style>
          .swagger-ui .opblock.opblock-get .opblock-summary-method { background: #0b5cad; }
          .swagger-ui .opblock.opblock-post .opblock-summary-method { background: #0b6e44; }
          .swagger-ui .opblock.opblock-put .opblock-summary-method { background: #8a4a00; }
          .swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b3261e; }
          .swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0b6b63; }
          .swagger-ui .info .title small { background: #4b5563; }
          .swagger-ui .info .title small.version-stamp { background: #2f6b00; }
          .swagger-ui .info .title small pre { color: #fff; }
          .swagger-ui .info a, .swagger-ui .info .url, .swagger-ui a.nostyle { color: #1a5fb4; }
          .swagger-ui .btn.authorize { color: #0b6e44; border-color: #0b6e44; }
          .swagger-ui .btn.authorize svg { fill: #0b6e44; }
          .swagger-ui .opblock-tag small, .swagger-ui .opblock .opblock-summary-description { color: #3b4151; }
          .swagger-ui .response-col_status, .swagger-ui .parameter__in, .swagger-ui .prop-format { color: #3b4151; }
          .swagger-ui .parameter__name.required span, .swagger-ui .parameter__name.required::after { color: #b3261e; }
          .swagger-ui .btn.try-out__btn, .swagger-ui .btn.cancel { color: #3b4151; }
          /* its Execute button pulses through its original light blue (a keyframe animation), which axe catches mid-pulse */
          .swagger-ui .btn.execute { animation: none; background: #0b5cad; border-color: #0b5cad; color: #fff; }
          .swagger-ui .download-contents { background: #4b5563; color: #fff; }
          /* the code samples' highlighter sets colours inline; one light colour on its dark background reads at 15:1 */
          .swagger-ui .highlight-code .microlight, .swagger-ui .highlight-code .microlight span { color: #f5f5f5 !important; }
        </style>
        <script>
          new MutationObserver(() => {
            document.querySelectorAll("textarea.body-param__text:not([aria-label])").forEach((t) => t.setAttribute("aria-label", "Request body"));
            document.querySelectorAll("textarea:not([aria-label]):not([id])").forEach((t) => t.setAttribute("aria-label", "Value"));
            document.querySelectorAll("select#servers:not([aria-label])").forEach((s) => s.setAttribute("aria-label", "Server"));
            document.querySelectorAll("select:not([aria-label]):not([id])").forEach((s) => s.setAttribute("aria-label", "Value"));
            document.querySelectorAll(".highlight-code .microlight:not([tabindex]), .highlight-code pre:not([tabindex])").forEach((c) => {
              c.tabIndex = 0;
              c.setAttribute("role", "region");
              c.setAttribute("aria-label", "Code sample");
            });
          }).observe(document.documentElement, { childList: true, subtree: true });
        </script>
        """;
}
