// Preloaded into the Azurite the tests and the bench start (node --require): it exits when the process that started
// it is gone, so a test host that ends without disposing its fixtures leaves no Azurite running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 1000).unref();
