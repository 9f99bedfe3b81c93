// npm test needs Debian's Chromium. Install it when we can (root, apt-get), otherwise say what to do.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium not found: installing Debian package "chromium" with apt-get…');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      {
        stdio: 'inherit',
      },
    );
  } else {
    console.error(
      `Chromium was not found at ${path}. Install it with:\n  sudo apt-get install chromium\n` +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
    process.exit(1);
  }
}
