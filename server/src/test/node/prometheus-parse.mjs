// Parses a Prometheus text exposition from stdin with parse-prometheus-text-format (the registry's
// maintained parser) and prints the metric families as JSON: the test checks Vigil's /metrics with it.
import parse from 'parse-prometheus-text-format';
import { readFileSync } from 'node:fs';

process.stdout.write(JSON.stringify(parse(readFileSync(0, 'utf8'))));
