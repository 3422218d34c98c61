// The system Chromium that browser tests, stories-as-tests and the storm benchmark drive.
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// The network is closed here: without these flags Chromium keeps dialling out at start.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
