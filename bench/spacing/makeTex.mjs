/**
 * Writes the LuaLaTeX document of the spacing benchmark: the corpus body paragraphs in a 128 pt
 * justified column, Source Serif 4 Regular 9.4/11 pt, microtype protrusion + expansion, English
 * (US) hyphenation. The text is smartened by galley's own smartenText, so both engines set the same
 * characters. All lengths are in PDF points (TeX's bp), as galley's: 128 bp is galley's 128 pt.
 *
 *   node bench/spacing/makeTex.mjs <out.tex> [key=value ...]
 *
 * Without settings: LaTeX's defaults (tolerance 200, pretolerance 100, no emergency stretch,
 * hyphen penalty 50, the font's own word space 0.237 em +1/2 −1/3 as luaotfload sets it) and
 * microtype's defaults (protrusion, expansion stretch = shrink = 2 %). Settings:
 *   space=galley          galley's word space: 0.25 em, min 0.2, max 0.45
 *   galleyparams=1        galley's penalties and demerits (hyphen 40, exhyphen 50, ...)
 *   tolerance=N pretolerance=N hyphenpenalty=N
 *   emergencystretch=E    in em of the body size
 *   expansion=N           microtype's stretch and shrink limits, in thousandths (default 20 = 2 %)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusParagraphs, MARGIN, MEASURE, ROOT } from './corpus.mjs';

const { normalizeText } = await import(join(ROOT, 'dist/text/normalizeText.js'));
const { smartenText } = await import(join(ROOT, 'dist/text/smartenText.js'));
const { loadTemplate } = await import(join(ROOT, 'dist/model/loadTemplate.js'));

const [outFile = '/dev/stdout', ...settings] = process.argv.slice(2);
/** key=value settings; absent keys keep LaTeX's own defaults. */
const opt = Object.fromEntries(settings.map((kv) => kv.split('=')));
const KNOWN = [
  'space',
  'tolerance',
  'pretolerance',
  'emergencystretch',
  'hyphenpenalty',
  'galleyparams',
  'expansion',
];
for (const k of Object.keys(opt)) if (!KNOWN.includes(k)) throw new Error(`unknown setting ${k}`);
const body = loadTemplate('broadsheet').styles.body;
const FONT_DIR = join(ROOT, 'fonts/source-serif-4/');
const size = body.size;
const ws = body.wordSpace;

const ESCAPES = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // galley's no-break space is stretchable word-space glue that forbids a break: TeX's tie.
  '\u00A0': '~',
};

/** The paragraph as galley sets it (normalised, smartened), escaped for TeX. */
export function toTex(text, language) {
  const smart = smartenText(normalizeText(text), language, ' ');
  return smart
    .replace(/[\\{}$&#%_~^\u00A0]/g, (c) => ESCAPES[c])
    .replace(/ +/g, ' ')
    .trim();
}

const preamble = String.raw`\documentclass{article}
\usepackage[paperwidth=${MEASURE + 2 * MARGIN}bp,paperheight=4000bp,left=${MARGIN}bp,right=${MARGIN}bp,top=${MARGIN}bp,bottom=${MARGIN}bp]{geometry}
\usepackage{fontspec}
\setmainfont{SourceSerif4_400Regular.ttf}[Path=${FONT_DIR},Ligatures={Common,TeXOff},Kerning=On,Numbers=Lining]
\usepackage[english]{babel}
\usepackage[protrusion=true,expansion=true,final${opt.expansion ? `,stretch=${opt.expansion},shrink=${opt.expansion}` : ''}]{microtype}
\pagestyle{empty}
\setlength{\parindent}{${body.indent}bp}
\setlength{\parskip}{0pt}
\raggedbottom
\begin{document}
\fontsize{${size}bp}{${body.leading}bp}\selectfont
\frenchspacing
`;

const tuning = [
  // galley's word space (0.25 em, min 0.2, max 0.45) instead of the font's (0.237 em, +1/2, −1/3).
  opt.space === 'galley' &&
    `\\fontdimen2\\font=${ws.ideal}em \\fontdimen3\\font=${(ws.max - ws.ideal).toFixed(3)}em \\fontdimen4\\font=${(ws.ideal - ws.min).toFixed(3)}em`,
  // galley's demerits (text/breakParams.ts); tolerance and emergency stretch are set separately.
  opt.galleyparams &&
    '\\hyphenpenalty=40 \\exhyphenpenalty=50 \\linepenalty=10 \\doublehyphendemerits=10000 \\finalhyphendemerits=5000 \\adjdemerits=10000',
  opt.tolerance && `\\tolerance=${opt.tolerance}`,
  opt.pretolerance && `\\pretolerance=${opt.pretolerance}`,
  opt.emergencystretch && `\\emergencystretch=${opt.emergencystretch}em`,
  opt.hyphenpenalty && `\\hyphenpenalty=${opt.hyphenpenalty}`,
]
  .filter(Boolean)
  .map((l) => `${l}\n`)
  .join('');

const paragraphs = corpusParagraphs().map((p) => `${toTex(p.text, p.language)}\\par`);
writeFileSync(
  outFile,
  `${preamble}${tuning}\\typeout{BENCH space \\the\\fontdimen2\\font\\space plus \\the\\fontdimen3\\font\\space minus \\the\\fontdimen4\\font\\space tolerance \\the\\tolerance\\space emergencystretch \\the\\emergencystretch}
${paragraphs.join('\n\n')}
\\end{document}
`,
);
