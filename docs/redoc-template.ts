/**
 * The Handlebars page `redocly build-docs --template` fills in (`redocHead`, `redocHTML`): Redoc's page plus a link
 * back to the landing page. Kept as a module, not a .hbs file, so that the compiled package carries it with no copy
 * step; render-redoc-page.ts writes it beside the document it renders.
 */
export const REDOC_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>{{title}}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta name="generator" content="payspec docs (Redocly build-docs)" />
  {{! No favicon request: the page must load nothing but itself. }}
  <link rel="icon" href="data:," />
  <style>
    body { margin: 0; padding: 0; }
    .payspec-home {
      position: fixed; left: 20px; bottom: 64px; z-index: 100;
      font: 600 13px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: #4338ca; background: #fff; border: 1px solid #c7d2fe; padding: 8px 12px; border-radius: 8px;
      text-decoration: none; box-shadow: 0 1px 3px rgba(15, 23, 42, .08);
    }
    .payspec-home:hover { background: #eef2ff; }
    @media (max-width: 900px) { .payspec-home { left: auto; right: 16px; bottom: 16px; } }
  </style>
  {{{redocHead}}}
</head>
<body>
  {{{redocHTML}}}
  <a class="payspec-home" href="index.html">← All APIs</a>
</body>
</html>
`;
