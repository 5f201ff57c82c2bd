// Entry point of the server processes that the telemetry tests and benchmarks start, SIGKILL and restart.
export {};
await import('../../server/main');
