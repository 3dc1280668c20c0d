// `npm start`: serves the demo partner site (after the build) on PORT (default 8080).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.env.PORT ?? 8080);
const roots = { '/cdn/': resolve('dist/cdn'), '/': resolve('demo') };
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const prefix = Object.keys(roots).find((candidate) => path.startsWith(candidate));
  const root = roots[prefix];
  let file = normalize(join(root, path.slice(prefix.length)));
  if (!file.startsWith(root) || file.includes(`${join('demo', 'server')}`)) return void response.writeHead(404).end();
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Niet gevonden');
  }
}).listen(port, () => console.log(`Demo partner site: http://localhost:${port}/`));
