// The look of the docs page and the console, in one place. Redoc 3 has no theme option object any more: it
// is themed through CSS custom properties (its design tokens) on :root, with a second set on :root.dark that
// it switches to when the reader's system prefers a dark scheme. So the page gets a stylesheet of token
// overrides, and the console is built from the same values, so that it reads as part of the docs.
//
// The overrides are contrast fixes (WCAG AA, 4.5:1 for text; checked by axe-core in
// test/accessibility.test.ts): Redoc's default link blue, its GET badge green, the orange and blue of code
// tokens and its placeholder grey are too light on its white and near-white backgrounds.

/** Redoc's own tokens where they already pass, and ours where they did not: concrete colours per scheme. */
export const docsColours = {
  light: {
    background: '#ffffff', // Redoc's --bg-color (white)
    raised: '#fbfbfc', // --color-warm-grey-1: panels, code
    border: '#dcdde5', // --color-warm-grey-3
    text: '#1a1c21', // --text-color-primary (warm grey 11)
    secondary: '#3b3c45', // --text-color-secondary (warm grey 8)
    description: '#555761', // --text-color-description (warm grey 7)
    link: '#2558b8', // Redoc's blue 8: its blue 6 (#1f7cff) is 3.8:1 on white
    focus: '#2558b8',
    get: '#167625', // Redoc's grass 4: its GET green (#25b869) is 2.6:1 on white
    codeAccent: '#a8570f', // darker than Redoc's carrot 7 (#db7e21), 3.2:1 on white
    codeKeyword: '#da0078', // Redoc's light magenta 7, which passes
    nestedName: '#615cea', // Redoc's own, which passes on white
    error: '#b3261e',
    warning: '#8a5300',
  },
  dark: {
    background: '#22242b', // Redoc's dark --bg-color (warm grey 2 of the dark palette)
    raised: '#1a1c21',
    border: '#3b3c45',
    text: '#fbfbfc',
    secondary: '#c4c6d1',
    description: '#9b9ca8',
    link: '#6eabfa', // Redoc's dark link blue, 7:1 on its background
    focus: '#6eabfa',
    get: '#66c95b',
    codeAccent: '#db7e21',
    codeKeyword: '#ff7ab8', // lighter than Redoc's dark magenta (#fe409c), 4.3:1 on its code panels
    nestedName: '#a9a5f7', // a nested field's name: Redoc's violet, lightened
    error: '#ff8a80',
    warning: '#f5c26b',
  },
};

/** Redoc's type: the same stacks and sizes as its --font-family-base, --font-family-monospaced and sizes. */
export const docsType = {
  family:
    "system-ui, -apple-system, BlinkMacSystemFont, 'Segoe UI', 'Roboto', 'Oxygen', 'Ubuntu', 'Cantarell', 'Fira Sans', 'Droid Sans', 'Helvetica Neue', Arial, sans-serif",
  monospace:
    "ui-monospace, Menlo, Monaco, 'Cascadia Mono', 'Segoe UI Mono', 'Roboto Mono', 'Oxygen Mono', 'Ubuntu Mono', 'Fira Mono', 'Droid Sans Mono', 'Courier New', monospace",
  size: '14px',
  lineHeight: '22px',
};

/**
 * The stylesheet injected into the Redoc page. `:root:not(.dark)` outranks Redoc's `:root`, and
 * `:root.dark:not(.light)` its `:root.dark`, whatever order the style elements end up in; the overrides sit
 * on the same element as Redoc's tokens, so the tokens derived from them (links, code) follow.
 */
export function redocThemeCss() {
  const { light, dark } = docsColours;
  return [
    `:root:not(.dark) {`,
    `  --color-blue-6: ${light.link};`,
    `  --color-blue-7: ${light.link};`,
    `  --color-carrot-7: ${light.codeAccent};`,
    `  --code-block-tokens-boolean-color: ${light.get};`,
    `  --input-content-placeholder-color: ${light.description};`,
    `  --text-color-disabled: ${light.description};`,
    `}`,
    `:root.dark:not(.light) {`,
    `  --input-content-placeholder-color: ${dark.description};`,
    `  --text-color-disabled: ${dark.description};`,
    `  --code-block-tokens-keyword-color: ${dark.codeKeyword};`,
    // Redoc's dark brand colour for a response field's name is a violet at 2.9:1 on its background.
    `  --schemas-property-name-text-color: ${dark.text};`,
    `}`,
    // A nested field's name is a fixed violet (rgb(97, 92, 234)) in both schemes: lighter in the dark one.
    `:root.dark:not(.light) .schema-name { color: ${dark.nestedName}; }`,
    `:root:not(.dark) .tag-get { --tag-color: ${light.get}; }`,
    `:root.dark:not(.light) .tag-get { --tag-color: ${dark.get}; }`,
    // A code block in a guide wraps rather than scrolls: a scrolling region would need the keyboard focus.
    // (Redoc's own rule comes later in the page, so this one needs the weight of two more pseudo-classes.)
    `:root:root [data-component-name="Markdown/Markdown"] pre { white-space: pre-wrap; overflow-wrap: anywhere; }`,
  ].join('\n');
}

/** The console's custom properties: the docs' colours, light by default and dark when the system prefers. */
export function consoleThemeCss() {
  const declarations = (colours) =>
    Object.entries(colours)
      .map(([name, value]) => `--docs-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: ${value};`)
      .join(' ');
  return [
    `:root { ${declarations(docsColours.light)} --docs-font: ${docsType.family}; --docs-mono: ${docsType.monospace}; --docs-font-size: ${docsType.size}; --docs-line-height: ${docsType.lineHeight}; }`,
    `@media (prefers-color-scheme: dark) { :root { ${declarations(docsColours.dark)} } }`,
  ].join('\n');
}
