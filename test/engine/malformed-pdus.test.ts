/**
 * 1,000 fuzzed malformed PDUs from the SMSC, one at a time, over real TLS.
 * After each one the session must be working again (a probe enquire_link is
 * answered), having answered exactly what SMPP 3.4 says: generic_nack with
 * ESME_RINVCMDLEN (0x02) for a bad command_length, then a new link; with
 * ESME_RINVCMDID (0x03) for an unknown command_id; deliver_sm_resp for a
 * deliver_sm it cannot read (else the SMSC resends it forever); nothing for a
 * response nobody waits for. Every 50 cases, and at the end, a real send must
 * succeed.
 */
import fc from 'fast-check';
import { Harness, bound, until } from '../helpers/harness';
import type { SmppClient } from '../../src/smpp';
import { InboundPdu, MAX_PDU_LENGTH } from '../../src/smpp/codec/pdu';
import type { SmscSimulator } from '../../src/simulator/simulator';

const h = new Harness();
afterAll(() => h.stop());

/** Every command_id SMPP 3.4 and the codec know (requests and responses). */
const KNOWN_IDS = new Set([
  0x80000000, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0b, 0x15, 0x21, 0x102, 0x103, 0x111, 0x112, 0x113,
].flatMap((id) => [id, (id | 0x80000000) >>> 0]));

/** What the ESME must write back, in order, before the probe's answer. */
type Answer = { commandId: number; sequence: number; status?: number };
interface Case {
  kind: string;
  octets: Buffer;
  answers: Answer[];
  /** The link must end (and bind again); the answers come before it ends. */
  ends?: boolean;
}

function frame(commandId: number, sequence: number, body: Buffer, status = 0, length = 16 + body.length): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(length >>> 0, 0);
  header.writeUInt32BE(commandId >>> 0, 4);
  header.writeUInt32BE(status >>> 0, 8);
  header.writeUInt32BE(sequence >>> 0, 12);
  return Buffer.concat([header, body]);
}

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a));
const cString = fc.string({ unit: fc.constantFrom(...'0123456789ABCabc +'), maxLength: 20 }).map((s) => Buffer.from(`${s}\0`, 'ascii'));
// Raw sequences stay clear of the client's own (small) numbers so a fuzzed response never matches a real request.
const sequence = fc.integer({ min: 0x40000000, max: 0x7fffffff });

/** A readable deliver_sm body, up to and including short_message. */
const deliverBody = fc.tuple(cString, cString, cString, bytes(0, 140)).map(([service, source, dest, text]) => Buffer.concat([
  service, Buffer.from([1, 1]), source, Buffer.from([1, 1]), dest,
  Buffer.from([0, 0, 0]), Buffer.from('\0\0'), Buffer.from([1, 0, 0, 0, text.length]), text,
]));

const cases: fc.Arbitrary<Case> = fc.oneof(
  { weight: 50, arbitrary: fc.tuple(fc.integer({ min: 0, max: 0xffffffff }).filter((id) => !KNOWN_IDS.has(id)), sequence, fc.integer({ min: 0, max: 0xffffffff }), bytes(0, 64))
    .map(([id, seq, status, body]) => ({ kind: 'unknown command_id', octets: frame(id, seq, body, status), answers: [{ commandId: 0x80000000, sequence: seq, status: 0x03 }] })) },
  { weight: 12, arbitrary: fc.tuple(fc.integer({ min: 0, max: 15 }), sequence, bytes(0, 32))
    .map(([length, seq, body]) => ({ kind: 'command_length below 16', octets: frame(0x05, seq, body, 0, length), answers: [{ commandId: 0x80000000, sequence: seq, status: 0x02 }], ends: true })) },
  { weight: 12, arbitrary: fc.tuple(fc.integer({ min: MAX_PDU_LENGTH + 1, max: 0xffffffff }), sequence, bytes(0, 32))
    .map(([length, seq, body]) => ({ kind: 'command_length beyond the maximum', octets: frame(0x05, seq, body, 0, length), answers: [{ commandId: 0x80000000, sequence: seq, status: 0x02 }], ends: true })) },
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: MAX_PDU_LENGTH + 1, max: 4 * MAX_PDU_LENGTH }), sequence)
    .map(([size, seq]) => ({ kind: 'oversize PDU (sent whole)', octets: frame(0x05, seq, Buffer.alloc(size - 16, 0x41)), answers: [{ commandId: 0x80000000, sequence: seq, status: 0x02 }], ends: true })) },
  { weight: 30, arbitrary: fc.tuple(sequence, deliverBody, fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 1, max: 0xffff }), bytes(0, 20))
    .filter(([, , , length, value]) => length > value.length)
    .map(([seq, body, tag, length, value]) => {
      const tlv = Buffer.alloc(4);
      tlv.writeUInt16BE(tag, 0);
      tlv.writeUInt16BE(length, 2);
      return { kind: 'deliver_sm with an overlong TLV', octets: frame(0x05, seq, Buffer.concat([body, tlv, value])), answers: [{ commandId: 0x80000005, sequence: seq }] };
    }) },
  { weight: 20, arbitrary: fc.tuple(sequence, deliverBody, bytes(1, 3))
    .map(([seq, body, stub]) => ({ kind: 'deliver_sm with a truncated TLV header', octets: frame(0x05, seq, Buffer.concat([body, stub])), answers: [{ commandId: 0x80000005, sequence: seq }] })) },
  { weight: 20, arbitrary: fc.tuple(sequence, deliverBody, fc.nat())
    .map(([seq, body, cut]) => ({ kind: 'deliver_sm cut short', octets: frame(0x05, seq, body.subarray(0, cut % body.length)), answers: [{ commandId: 0x80000005, sequence: seq }] })) },
  { weight: 20, arbitrary: fc.tuple(fc.constantFrom(0x80000004, 0x80000015, 0x80000009, 0x80000002, 0x80000005, 0x80000006, 0x80000000, 0x80000103), sequence, fc.integer({ min: 0, max: 0xffffffff }), bytes(0, 40))
    .map(([id, seq, status, body]) => ({ kind: 'response nobody waits for', octets: frame(id, seq, body, status), answers: [] })) },
  { weight: 16, arbitrary: fc.tuple(fc.constantFrom(0x15, 0x03, 0x04, 0x07, 0x08, 0x21, 0x103, 0x01, 0x02, 0x09), sequence, bytes(0, 40))
    .map(([id, seq, body]) => ({
      kind: 'known request with a garbage body', octets: frame(id, seq, body),
      // enquire_link is answered whatever its body; the rest are not for an ESME (ESME_RINVCMDID).
      answers: [id === 0x15 ? { commandId: 0x80000015, sequence: seq } : { commandId: 0x80000000, sequence: seq, status: 0x03 }],
    })) },
  { weight: 1, arbitrary: fc.tuple(sequence, fc.integer({ min: 64, max: MAX_PDU_LENGTH }), bytes(0, 40))
    .map(([seq, length, body]) => ({ kind: 'PDU that never arrives whole', octets: frame(0x05, seq, body, 0, length), answers: [], ends: true })) },
);

/** An enquire_link the simulator writes raw; its answer marks the end of a case. */
let probeSequence = 0x10000000;
const probe = () => frame(0x15, ++probeSequence, Buffer.alloc(0));

test('1,000 malformed PDUs: answered as SMPP 3.4 says, never a crash or a hang, and the session recovers', async () => {
  const sim = await h.simulator();
  const client = h.client(sim, { enquireLinkSec: 1, responseTimeoutMs: 500, reconnectMinMs: 20, reconnectMaxMs: 200 });
  await bound(client);
  const answers: InboundPdu[] = [];
  sim.on('response', (pdu) => answers.push(pdu));
  const figures = { byKind: {} as Record<string, number>, nack02: 0, nack03: 0, relinks: 0, slowestRecoveryMs: 0 };
  let run = 0;

  await fc.assert(fc.asyncProperty(cases, async (c) => {
    const started = Date.now();
    const before = answers.length;
    const bindsBefore = sim.stats.bindAttempts;
    sim.sendRaw(c.octets);
    if (c.ends) await relinked(sim, client, bindsBefore);
    const p = probe();
    sim.sendRaw(p);
    await until(() => answers.slice(before).some((a) => a.sequence === probeSequence), 3000, `the probe's answer after a ${c.kind}`);
    const got = answers.slice(before).filter((a) => a.sequence !== probeSequence).map((a) => ({ commandId: a.commandId, sequence: a.sequence, status: a.status }));
    // An unfinished PDU swallows what follows; its end (framing error or dead link) is all we can expect.
    if (c.kind !== 'PDU that never arrives whole') expect({ kind: c.kind, got }).toEqual({ kind: c.kind, got: c.answers.map((a) => expect.objectContaining(a)) });
    figures.byKind[c.kind] = (figures.byKind[c.kind] ?? 0) + 1;
    figures.nack02 += got.filter((a) => a.commandId === 0x80000000 && a.status === 0x02).length;
    figures.nack03 += got.filter((a) => a.commandId === 0x80000000 && a.status === 0x03).length;
    if (c.ends) figures.relinks++;
    figures.slowestRecoveryMs = Math.max(figures.slowestRecoveryMs, Date.now() - started);
    if (++run % 50 === 0) await expect(client.send({ to: '41790000000', text: `after case ${run}` })).resolves.toMatchObject({ parts: 1 });
  }), { numRuns: 1000, timeout: 10_000 });

  await expect(client.send({ to: '41790000000', text: 'after the fuzzing' })).resolves.toMatchObject({ parts: 1 });
  expect(sim.stats.accepted).toBe(1000 / 50 + 1);
  process.stdout.write(`malformed PDUs: ${JSON.stringify({ ...figures, reconnects: client.counters.reconnects })}\n`);
}, 240_000);

/** The link ended and a new one is bound. */
async function relinked(sim: SmscSimulator, client: SmppClient, bindsBefore: number): Promise<void> {
  await until(() => sim.stats.bindAttempts > bindsBefore && client.state.state === 'bound' && sim.boundSessions() === 1, 5000, 'a new bound link');
}
