// tests/bench/typst.mjs - typst (typst.ts's node compiler, typst 0.14) for
// `make bench`.
//
//   node typst.mjs once IN.typ OUT.pdf   one document, as a one-shot process:
//                                        run.sh times the whole process
//   node typst.mjs warm IN.typ N OUT.pdf one process: the first compile, then
//                                        N more; prints one line
//                                        "first_ms first_cpu_ms evicted_ms
//                                        evicted_cpu_ms cached_ms cached_cpu_ms"
//
// A "compile" is compile + PDF export, what md2pdf does per article.  Each
// warm compile gets a different source (a trailing comment), as a batch of
// different articles would.  "evicted": typst's memo cache is cleared before
// each compile (fonts and the engine stay loaded): the cost of a new
// article.  "cached": the cache is kept, so typst reuses the layout of the
// unchanged paragraphs: the cost of re-compiling an edited document.  Fonts:
// the Noto CJK folder only (TYPST_FONT_PATHS, colon-separated, to change).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const modDir = process.env.TYPST_NODE_MODULES || `${process.cwd()}/node_modules`;
const { NodeCompiler } = require(`${modDir}/@myriaddreamin/typst-ts-node-compiler`);

const [mode, input, a3, a4] = process.argv.slice(2);
const fontPaths = (process.env.TYPST_FONT_PATHS || '/usr/share/fonts/opentype/noto').split(':');
const source = readFileSync(input, 'utf8');
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths }] });
const epoch = Number(process.env.SOURCE_DATE_EPOCH || 0);

function compileOnce(text) {
	const result = compiler.compile({ mainFileContent: text });
	const doc = result.result;
	if (!doc) {
		const diags = result.takeDiagnostics ? result.takeDiagnostics() : null;
		throw new Error('typst compile failed: ' + JSON.stringify(diags && diags.shortDiagnostics ? diags.shortDiagnostics : diags));
	}
	return compiler.pdf(doc, { creationTimestamp: epoch });
}

// timed(fn): [wall ms, CPU ms (user + system of every thread)]
function timed(fn) {
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	const out = fn();
	const t1 = performance.now();
	const c = process.cpuUsage(c0);
	return [t1 - t0, (c.user + c.system) / 1000, out];
}
const median = (xs) => {
	const s = [...xs].sort((x, y) => x - y);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (mode === 'once') {
	writeFileSync(a3, compileOnce(source));
} else if (mode === 'warm') {
	const n = Number(a3 || 10);
	const [fw, fc, first] = timed(() => compileOnce(source));
	writeFileSync(a4, first);
	const ev = [], evc = [], ca = [], cac = [];
	for (let i = 0; i < n; i++) {
		compiler.evictCache(0);
		const [w, c] = timed(() => compileOnce(`${source}\n// copy ${i}\n`));
		ev.push(w); evc.push(c);
	}
	for (let i = 0; i < n; i++) {
		const [w, c] = timed(() => compileOnce(`${source}\n// edit ${i}\n`));
		ca.push(w); cac.push(c);
	}
	console.log([fw, fc, median(ev), median(evc), median(ca), median(cac)].map((x) => x.toFixed(1)).join(' '));
} else {
	console.error('usage: node typst.mjs once IN.typ OUT.pdf | warm IN.typ N OUT.pdf');
	process.exit(2);
}
