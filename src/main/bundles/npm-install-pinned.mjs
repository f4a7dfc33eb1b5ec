#!/usr/bin/env node
// Installs node_modules for a Vaadin bundle build on a partial npm registry.
// Vaadin 25.2.5 writes package.json asking for @vaadin/*@25.2.6, which the registry reachable here does
// not serve; 25.2.4 is the newest 25.2.x served for every @vaadin/* web component the app uses. This script
// installs from a copy of package.json whose @vaadin/* versions FROM are replaced by TO, restores Vaadin's
// package.json, and writes node_modules/.vaadin/vaadin.json with Vaadin's hash so that the
// vaadin-maven-plugin treats node_modules as current and runs no npm install of its own.
// Usage (from the project root, after Vaadin has written package.json): node src/main/bundles/npm-install-pinned.mjs
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';

const FROM = process.env.VAADIN_NPM_FROM ?? '25.2.6';
const TO = process.env.VAADIN_NPM_TO ?? '25.2.4';
// Must equal the platform version (vaadin-core-versions.json "platform"): otherwise Vaadin takes it for a
// platform upgrade, deletes node_modules and runs npm install again.
const PLATFORM = process.env.VAADIN_PLATFORM_VERSION ?? '25.2.5';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const hash = pkg.vaadin?.hash;
if (!hash) throw new Error('package.json has no vaadin.hash: run the Vaadin build once first');

let pinned = 0;
for (const section of [pkg.dependencies, pkg.devDependencies, pkg.overrides]) {
  for (const [name, version] of Object.entries(section ?? {})) {
    if (name.startsWith('@vaadin/') && version === FROM) { section[name] = TO; pinned++; }
  }
}

copyFileSync('package.json', 'package.json.vaadin');
try {
  writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
  if (existsSync('package-lock.json')) rmSync('package-lock.json');
  execSync('npm install --no-audit --no-fund --ignore-scripts', { stdio: 'inherit' });
} finally {
  copyFileSync('package.json.vaadin', 'package.json');
  rmSync('package.json.vaadin');
}
mkdirSync('node_modules/.vaadin', { recursive: true });
writeFileSync('node_modules/.vaadin/vaadin.json',
  JSON.stringify({ hash, vaadinVersion: PLATFORM, projectFolder: resolve('.') }, null, 2));
console.log(`node_modules installed: ${pinned} @vaadin/* pinned ${FROM} -> ${TO}; Vaadin hash ${hash.slice(0, 12)}…`);
