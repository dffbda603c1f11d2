// `{{name}}` placeholders in the docs' hand-written files (guides, the curl sample), filled at build time
// with what is generated from spec/.

/**
 * Replaces each `{{name}}` in a template with `values[name]`. A placeholder with no value, or a
 * value with no placeholder, fails the build: a renamed section must not silently vanish from the page.
 */
export function fillTemplate(template, values, where) {
  const used = new Set();
  const filled = template.replace(/\{\{([a-z-]+)\}\}/g, (_, name) => {
    if (!(name in values)) {
      throw new Error(`${where}: no value for {{${name}}}`);
    }
    used.add(name);
    return values[name];
  });
  for (const name of Object.keys(values)) {
    if (!used.has(name)) {
      throw new Error(`${where}: expected a {{${name}}} placeholder`);
    }
  }
  return filled;
}
