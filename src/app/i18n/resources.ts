import type { Resource } from 'i18next';

/**
 * Every `locales/<language>/<namespace>.json` is bundled (no fetch: the CSP allows nothing
 * remote, and a language switch must not wait on the network). A new area of the app adds its
 * own namespace file in both languages; nothing else needs editing. `<namespace>.<part>.json`
 * merges into `<namespace>` (so each area keeps its own error texts in `problems.<area>.json`).
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', {
  eager: true,
});

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

export const resources: Resource = {};
for (const [path, module] of Object.entries(files)) {
  const match = /\.\/locales\/([^/]+)\/([^/.]+)(?:\.[^/]+)?\.json$/.exec(path);
  if (!match) continue;
  const [, language, namespace] = match;
  const byNamespace = (resources[language] ??= {});
  byNamespace[namespace] = { ...(byNamespace[namespace] as object), ...module.default };
}

export const namespaces = Object.keys(resources.en ?? {});
