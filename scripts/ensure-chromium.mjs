// Installs Debian's Chromium when /usr/bin/chromium is missing (e2e tests drive it; no browser is ever downloaded).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  console.log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq chromium`, { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get finished but ${CHROMIUM} is still missing`);
    process.exit(1);
  }
}

// python3 compiles the PyTorch file the page downloads (python3 -m py_compile in e2e/share.spec.ts).
try {
  execSync('command -v python3', { stdio: 'ignore' });
} catch {
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  console.log("python3 is missing: installing Debian's python3 with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq python3`, { stdio: 'inherit', env });
}
