// Parses CoT messages with @tak-ps/node-cot (a maintained TAK library): stdin holds one JSON object a
// line, {"xml": "<event ...>"} or {"proto": "<base64 TakMessage>"}; stdout one JSON array with what
// the library read of each: uid, type, how, times, point, callsign, course, speed, remarks, error ellipse.
import { CoTParser } from '@tak-ps/node-cot';
import { readFileSync } from 'node:fs';

const out = [];
for (const line of readFileSync(0, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const msg = JSON.parse(line);
    const cot = msg.xml !== undefined
        ? CoTParser.from_xml(msg.xml)
        : await CoTParser.from_proto(Buffer.from(msg.proto, 'base64'));
    const e = cot.raw.event;
    const a = e._attributes;
    const p = e.point._attributes;
    const d = e.detail || {};
    const feature = await CoTParser.to_geojson(cot);
    out.push({
        uid: a.uid, type: a.type, how: a.how, time: a.time, start: a.start, stale: a.stale,
        lat: Number(p.lat), lon: Number(p.lon), hae: Number(p.hae), ce: Number(p.ce), le: Number(p.le),
        callsign: d.contact ? d.contact._attributes.callsign : null,
        course: d.track ? Number(d.track._attributes.course) : null,
        speed: d.track ? Number(d.track._attributes.speed) : null,
        remarks: d.remarks ? d.remarks._text : null,
        ellipse: d.shape && d.shape.ellipse ? {
            major: Number(d.shape.ellipse._attributes.major),
            minor: Number(d.shape.ellipse._attributes.minor),
            angle: Number(d.shape.ellipse._attributes.angle),
        } : null,
        geojson: { type: feature.geometry.type, coordinates: feature.geometry.coordinates },
    });
}
process.stdout.write(JSON.stringify(out));
