// CPU per hostile request body: bodies of about 32 KB (the default BODY_LIMIT) built to make the
// endpoint work hard, put through what the endpoint does with a body after reading it (parse,
// `unflattenForm` for form posts, `refuseOversized` when the checkout has it, then
// `validateRegistration` with the event's rules, the 422 as JSON).
// Reports p50/p99/max CPU time per body kind and the size of the answer. A form body with more
// than 300 field names never gets this far (the endpoint answers 400 first); it is measured here
// as if it did. Part of `npm run bench`;
// alone: `node bench/hostile-bodies.mjs [checkout]` (another checkout, to compare with older code).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { rules } from '../test/node/endpoint/support/events.mjs';
import { registration } from '../test/node/endpoint/support/server.mjs';

const LIMIT = 32 * 1024;
const REPEATS = Number(process.env.BENCH_HOSTILE_REPEATS ?? 200);

/** Pads a list to just under 32 KB of JSON with copies of `item`. */
function fill(build, item) {
  const items = [];
  while (JSON.stringify(build([...items, item, item])).length < LIMIT) items.push(item, item);
  return JSON.stringify(build(items));
}

function hostileBodies() {
  const base = registration(rules);
  const long = 'x'.repeat(2_100);
  const json = {
    'empty companions': fill((items) => ({ ...base, companions: items }), {}),
    'invalid companions': fill((items) => ({ ...base, companions: items }), { name: '', email: 'x' }),
    'answers with bad ids': (() => {
      const answers = {};
      for (let i = 0; JSON.stringify({ ...base, answers }).length < LIMIT - 20; i++) answers[`?${i}`] = 1;
      return JSON.stringify({ ...base, answers });
    })(),
    'one answer, thousands of options': fill((items) => ({ ...base, answers: { ...base.answers, themes: items } }), 'Toewijzing'),
    'every field too long': JSON.stringify({
      ...base,
      eventId: long,
      attendee: { name: long, email: long, organisation: long, role: long, phone: long },
      companions: [{ name: long, email: long, organisation: long }, { name: long, email: long }],
      remarks: long.repeat(2),
      source: long,
      locale: long,
    }).slice(0, LIMIT),
    'unknown top-level keys': (() => {
      const body = { ...base };
      for (let i = 0; JSON.stringify(body).length < LIMIT - 20; i++) body[`k${i}`] = i;
      return JSON.stringify(body);
    })(),
    'deep nesting': JSON.stringify({ ...base, attendee: 'NEST' }).replace('"NEST"', `${'['.repeat(5_000)}${']'.repeat(5_000)}`),
  };
  let form = 'eventId=regels&consent=true&locale=nl';
  for (let i = 0; form.length < LIMIT - 40; i++) form += `&answers.q${i}=x&companions.${i % 100}.email=y`;
  return { json, form: { 'form: thousands of answers and companion fields': form } };
}

/** Runs every hostile body `REPEATS` times through the code of `root`; CPU figures in ms. */
export async function measureHostileBodies(root = resolve('.')) {
  const at = (path) => pathToFileURL(resolve(root, path)).href;
  const schema = await tsImport(at('src/schema/index.ts'), import.meta.url);
  const { refuseOversized = () => undefined } = await tsImport(at('src/schema/registration.ts'), import.meta.url);
  const event = schema.parseEvent(rules, { baseUrl: 'http://localhost/api/events/', locale: 'nl' }).data;
  const { json, form } = hostileBodies();
  const kinds = {};
  const all = [];
  const run = (name, text, toInput) => {
    const times = [];
    let answer = '';
    for (let i = 0; i < REPEATS; i++) {
      const started = process.cpuUsage();
      const input = toInput(text);
      const result = refuseOversized(input, event, 'nl') ?? schema.validateRegistration(input, event, 'nl');
      answer = JSON.stringify(result.success ? result.data : { errors: result.issues, message: result.message });
      const used = process.cpuUsage(started);
      times.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    kinds[name] = {
      bodyBytes: Buffer.byteLength(text),
      p50Ms: Number(times[Math.floor(REPEATS * 0.5)].toFixed(2)),
      p99Ms: Number(times[Math.ceil(REPEATS * 0.99) - 1].toFixed(2)),
      maxMs: Number(times.at(-1).toFixed(2)),
      answerBytes: Buffer.byteLength(answer),
    };
  };
  for (const [name, text] of Object.entries(json)) run(name, text, (body) => JSON.parse(body));
  for (const [name, text] of Object.entries(form)) run(name, text, (body) => schema.unflattenForm(new URLSearchParams(body), event));
  all.sort((a, b) => a - b);
  return { repeats: REPEATS, p99Ms: Number(all[Math.ceil(all.length * 0.99) - 1].toFixed(2)), kinds };
}

export function printHostileBodies(result) {
  console.log(`\nHostile 32 KB bodies (CPU per body, ${result.repeats} runs each; p99 over all: ${result.p99Ms} ms, goal < 20 ms)`);
  for (const [name, kind] of Object.entries(result.kinds)) {
    console.log(`  ${name.padEnd(50)} p50 ${String(kind.p50Ms).padStart(7)} ms  p99 ${String(kind.p99Ms).padStart(7)} ms  max ${String(kind.maxMs).padStart(7)} ms  answer ${kind.answerBytes} B`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printHostileBodies(await measureHostileBodies(process.argv[2] ? resolve(process.argv[2]) : undefined));
}
