// The error-code catalogue in Chinese as its own self-contained page, dist/zh/index.html (scripts/
// build-zh-catalogue.mjs writes it): every category with its Chinese title and description, every code with
// its Chinese message, HTTP status, action and related codes, each code at its own anchor (`#sms-2802`) and
// linked to the same code on the English page, which links back to each code here. Plain HTML and CSS, no
// script: the page is long, but a browser's own find (Ctrl-F) and the anchors are all it needs.

import { codeId, codeLink, codesByCategory } from './error-code-catalogue.mjs';
import { escapeHtml } from './html.mjs';

export { ZH_PAGE } from './error-code-catalogue.mjs';

/** The link from the Chinese page to a code on the English page (one folder up, Redoc's route). */
export function englishCodeLink(catalogue, code) {
  return `../index.html${codeLink(catalogue, code)}`;
}

/** Catalogue text as HTML: escaped, with `{0}`, `{1}`, ... (filled from `error_param`) shown as code. */
function prose(text) {
  return escapeHtml(text).replace(/\{(\d+)\}/g, '<code>{$1}</code>');
}

function codeSection(catalogue, code, entry) {
  const id = codeId(code);
  const see = entry.see
    ? `<dt>另见</dt><dd>${entry.see.map((related) => `<a href="#${codeId(related)}">${escapeHtml(related)}</a>`).join('、')}</dd>`
    : '';
  return `<section id="${id}" class="code">
<h3><a href="#${id}">${escapeHtml(code)}</a> <a class="en" href="${escapeHtml(englishCodeLink(catalogue, code))}" lang="en" hreflang="en">English</a></h3>
<p>${prose(entry.zh.message)}</p>
<dl><dt>HTTP 状态码</dt><dd>${entry.status}</dd><dt>处理建议</dt><dd>${prose(entry.zh.action)}</dd>${see}</dl>
</section>`;
}

const STYLE = `body{font:16px/1.7 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:60rem;margin:0 auto;padding:1rem 1.5rem;color:#1a1a1a}
code{font-family:ui-monospace,monospace;background:#f2f2f2;padding:0 .2em;border-radius:3px}
a{color:#0044d4}h2{margin-top:2.5rem;border-bottom:1px solid #ddd}
.code{border-top:1px solid #eee;padding-top:.5rem}.code h3{margin:.5rem 0}.en{font-size:.8em;font-weight:normal;margin-left:.5em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
nav ul{columns:2}:target{background:#fff8d6}`;

/** The whole page. */
export function zhCataloguePage(catalogue) {
  const groups = codesByCategory(catalogue);
  const count = Object.keys(catalogue.codes).length;
  const toc = groups
    .map(
      ({ key, zh, codes }) => `<li><a href="#${escapeHtml(key)}">${escapeHtml(zh.title)}</a>（${codes.length}）</li>`,
    )
    .join('\n');
  const sections = groups
    .map(
      ({ key, zh, codes }) => `<section id="${escapeHtml(key)}" class="category">
<h2>${escapeHtml(zh.title)}</h2>
<p>${prose(zh.description)}共 ${codes.length} 个错误码。</p>
${codes.map(([code, entry]) => codeSection(catalogue, code, entry)).join('\n')}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<link rel="alternate" hreflang="en" href="../index.html">
<title>SMS 错误码（主机迁移服务 v3：查询迁移失败的源端服务器）</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p><a href="../index.html" lang="en" hreflang="en">English</a></p>
<h1>SMS 错误码</h1>
<p>迁移失败的源端服务器在 <code>error_json</code> 中给出错误：<code>error_code</code> 是下列错误码之一，<code>error_param</code> 中的取值依次填入消息里的 <code>{0}</code>、<code>{1}</code> 等位置。本页按类别列出华为云当前错误码表和 SMS 常见问题中的全部 ${count} 个错误码，每个错误码都有自己的链接（点击错误码即可得到）。错误码、状态码以及参数的个数和顺序来自华为云；消息和处理建议由本项目自行撰写。</p>
<p>客户端用 <code>decodeErrorJson(server.error_json, { lang: 'zh' })</code>（来自 <code>@sms-errors/client/decode/zh</code>）得到这些中文说明；命令行用 <code>sms-errors summary --lang zh</code> 或 <code>sms-errors explain SMS.2802 --lang zh</code>。</p>
<nav aria-label="类别"><ul>
${toc}
</ul></nav>
</header>
<main>
${sections}
</main>
</body>
</html>
`;
}
