// The tool's name and version, read once from package.json (for --version and User-Agent).
import { readFileSync } from 'node:fs';

function readVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'hubscope' && pkg.version) return pkg.version;
    } catch {
      // try the next location (source/ when run from TypeScript, dist/ when built)
    }
  }
  return '0.0.0';
}

export const VERSION = readVersion();
export const TOOL = `hubscope/${VERSION}`;
