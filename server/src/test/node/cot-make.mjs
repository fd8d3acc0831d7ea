// Makes CoT with @tak-ps/node-cot (a maintained TAK library), as a TAK client would send it: stdin holds
// one GeoJSON Feature a line (id = uid; properties type, how, callsign, remarks, time, start, stale;
// a Point); stdout one JSON array of {xml, proto} per feature: the XML event and the TAK protocol v1
// TakMessage (base64, without framing).
import { CoTParser } from '@tak-ps/node-cot';
import { readFileSync } from 'node:fs';

const out = [];
for (const line of readFileSync(0, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const cot = await CoTParser.from_geojson(JSON.parse(line));
    out.push({
        xml: CoTParser.to_xml(cot),
        proto: Buffer.from(await CoTParser.to_proto(cot)).toString('base64'),
    });
}
process.stdout.write(JSON.stringify(out));
