// Installs Debian's redis-server with apt-get when it is missing: the queue tests
// (src/cli/queue/queue.test.ts) start a throw-away redis-server on a free loopback port.
import { execSync, spawnSync } from 'node:child_process';

const hasRedis = () => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

if (!hasRedis()) {
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  console.log("redis-server is missing: installing Debian's redis-server with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -qq redis-server`, { stdio: 'inherit', env });
  if (!hasRedis()) {
    console.error('apt-get finished but redis-server is still missing');
    process.exit(1);
  }
}
