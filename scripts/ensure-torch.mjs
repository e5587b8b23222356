// Installs Debian's python3-torch with apt-get when /usr/bin/python3 cannot import torch: the
// PyTorch export tests (src/core/export/pytorch.test.ts) build and train the exported networks in it.
import { execSync, spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';
const hasTorch = () => spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

if (!hasTorch()) {
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  console.log(`${PYTHON} cannot import torch: installing Debian's python3-torch with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq python3-torch`, { stdio: 'inherit', env });
  if (!hasTorch()) {
    console.error(`apt-get finished but ${PYTHON} still cannot import torch`);
    process.exit(1);
  }
}
