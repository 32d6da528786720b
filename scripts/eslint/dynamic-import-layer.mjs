// `import()` is for loading code late, not for reaching past a layer: the static rules in
// eslint.config.js (no-restricted-imports) see only `import … from`, so without this rule a dynamic
// import is a way round them (and round the cycle check, as app-store once did).
// Within a layer a relative `import()` is fine (lazy pages, CLI commands); a package is fine unless
// the layer bans it; anything else — another layer, or a specifier computed at run time — is reported.
import path from 'node:path';

/** @type {import('eslint').Rule.RuleModule} */
export const dynamicImportLayer = {
  meta: {
    type: 'problem',
    docs: { description: 'import() stays inside its layer and loads no module the layer bans' },
    schema: [
      {
        type: 'object',
        properties: {
          layers: { type: 'array', items: { type: 'string' } },
          bannedModules: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      crossesLayer:
        "import('{{source}}') leaves {{layer}}/: import it statically, so the layer rules see it.",
      banned: "import('{{source}}') loads a module {{layer}}/ may not use.",
      computed: 'import() with a computed specifier hides a dependency from lint and the bundler.',
    },
  },
  create(context) {
    const { layers = [], bannedModules = [] } = context.options[0] ?? {};
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    // The longest root wins: electron/services, not electron.
    const layer = [...layers].sort((a, b) => b.length - a.length).find((l) => file.startsWith(`${l}/`));
    if (!layer) return {};
    return {
      ImportExpression(node) {
        const source = staticSpecifier(node.source);
        if (source === null) {
          context.report({ node, messageId: 'computed' });
          return;
        }
        if (source.startsWith('.')) {
          const target = path
            .relative(root, path.resolve(path.dirname(context.filename), source))
            .split(path.sep)
            .join('/');
          if (!target.startsWith(`${layer}/`))
            context.report({ node, messageId: 'crossesLayer', data: { source, layer } });
          return;
        }
        if (bannedModules.includes(source) || bannedModules.includes(source.split('/')[0] ?? source)) {
          context.report({ node, messageId: 'banned', data: { source, layer } });
        }
      },
    };
  },
};

/** The specifier when it is written out in the source, else null. */
function staticSpecifier(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? null;
  return null;
}
