// The typed functions (taxes, calendar, complaints, Open311): every conformance vector of
// their core functions through them, exact integers (bigint) both ways, and hostile inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as kc from 'kotacerdas';
import { checkVector, vectorFiles } from './helpers.mjs';

/** Core function -> typed function of the package (bindings-wasm/src/typed.rs). */
const TYPED = {
  'calendar.add_working_days': kc.addWorkingDays,
  'calendar.working_days_between': kc.workingDaysBetween,
  'calendar.is_working_day': kc.isWorkingDay,
  'calendar.next_working_day': kc.nextWorkingDay,
  'complaint.search': kc.searchComplaintCategories,
  'complaint.route': kc.routeComplaint,
  'complaint.validate': kc.validateComplaint,
  'complaint.transition': kc.complaintTransition,
  'complaint.apply': kc.applyComplaintEvents,
  'complaint.sla': kc.complaintSla,
  'complaint.duplicates': kc.findDuplicateComplaints,
  'tax.calculate': kc.calculateTax,
  'tax.pbb_p2': kc.calculatePbbP2,
  'tax.bphtb': kc.calculateBphtb,
  'tax.pbjt': kc.calculatePbjt,
  'tax.reklame': kc.calculateReklame,
  'tax.air_tanah': kc.calculateAirTanah,
  'tax.mblb': kc.calculateMblb,
  'tax.walet': kc.calculateWalet,
  'tax.opsen_pkb': kc.calculateOpsenPkb,
  'tax.opsen_bbnkb': kc.calculateOpsenBbnkb,
  'tax.late_interest': kc.calculateLateInterest,
  'tax.skpdkb': kc.calculateSkpdkb,
  'tax.skpdkbt': kc.calculateSkpdkbt,
  'tax.dispute_fine': kc.calculateDisputeFine,
  'tax.instalment': kc.calculateInstalment,
  'tax.rules': kc.taxRules,
  'tax.due': kc.taxDue,
};

test('every tax, calendar and complaint function has a typed function', () => {
  const expected = kc.functions().filter((name) => /^(tax|calendar|complaint)\./.test(name));
  assert.deepEqual(Object.keys(TYPED).sort(), [...expected].sort());
  for (const [name, fn] of Object.entries(TYPED)) assert.equal(typeof fn, 'function', name);
});

/**
 * JSON.parse with integers beyond Number.MAX_SAFE_INTEGER as bigints (Node 20 has no
 * JSON.parse source access): such literals are quoted with a marker first, outside strings.
 */
function parseExact(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (/[-0-9]/.test(c)) {
      let j = i;
      while (j < text.length && /[-+0-9.eE]/.test(text[j])) j++;
      const token = text.slice(i, j);
      const exactInteger = /^-?[0-9]+$/.test(token) && !Number.isSafeInteger(Number(token));
      out += exactInteger ? `"\\u0000bigint:${token}"` : token;
      i = j - 1;
    } else {
      out += c;
    }
  }
  return JSON.parse(out, (_, value) =>
    typeof value === 'string' && value.startsWith('\u0000bigint:') ? BigInt(value.slice(8)) : value,
  );
}

test('parseExact keeps big integers exact', () => {
  assert.deepEqual(parseExact('{"a": 9223372036854775807, "b": "x: 9223372036854775807", "c": [1, 2.5]}'), {
    a: 9223372036854775807n,
    b: 'x: 9223372036854775807',
    c: [1, 2.5],
  });
});

const root = process.env.KOTACERDAS_VECTORS;
const files = vectorFiles(root);

let typedCases = 0;
for (const file of files) {
  const suite = parseExact(readFileSync(file, 'utf8'));
  const fn = TYPED[suite.function];
  if (!fn) continue;
  for (const vector of suite.cases) {
    typedCases++;
    test(`typed ${path.relative(root, file)} ${vector.id}`, () => checkVector(fn, vector, kc.KotaCerdasError));
  }
}
test('the typed functions ran vectors', () => assert.ok(typedCases > 100, String(typedCases)));

test('rupiah amounts are exact: bigint in, bigint out beyond 2^53', () => {
  const input = { date: '2025-06-01', sub_type: 'jasa_parkir', price: 9223372036854775807n };
  const result = kc.calculatePbjt({ region: '35.27', input });
  assert.equal(result.amount, 922337203685477581n);
  assert.equal(result.exact_amount, '922337203685477580.7');
  const small = kc.calculatePbjt({ region: '35.27', input: { ...input, price: 100000n } });
  assert.equal(small.amount, 10000);
  assert.deepEqual(small, kc.calculatePbjt({ region: '35.27', input: { ...input, price: 100000 } }));
});

test('typed results carry the breakdown and match call()', () => {
  const input = { region: '35.27', input: { date: '2025-05-01', sub_type: 'makanan_minuman', price: 100000, discount: '20%', service_charge: '5%' } };
  const typed = kc.calculatePbjt(input);
  assert.equal(typed.amount, 8400);
  assert.ok(typed.breakdown.length > 0 && typed.breakdown.every((step) => typeof step.result === 'string'));
  assert.deepEqual(typed, kc.call('tax.pbjt', input));
  assert.equal(kc.addWorkingDays({ date: '2026-12-24', n: 1 }).date, kc.call('calendar.add_working_days', { date: '2026-12-24', n: 1 }).date);
});

test('Open311 services and definitions', () => {
  const services = kc.open311Services();
  assert.ok(services.length > 10);
  const first = services[0];
  assert.equal(first.type, 'realtime');
  const definition = kc.open311ServiceDefinition(first.service_code);
  assert.equal(definition.service_code, first.service_code);
  assert.ok(definition.attributes.length > 0);
  assert.equal(kc.open311ServiceDefinition('NO_SUCH_CODE'), null);
  for (const value of [undefined, null, 5, {}, Symbol('s'), 10n]) {
    assert.throws(() => kc.open311ServiceDefinition(value), (e) => e instanceof kc.KotaCerdasError && e.code === 'CALL_INVALID_INPUT');
  }
});

const NIK = '3527014501900001';
function stillWorks() {
  assert.equal(kc.parseNik(NIK, { referenceDate: '2026-11-29' }).birthDate, '1990-01-05');
  assert.equal(kc.calculatePbjt({ region: '35.27', input: { date: '2025-05-01', sub_type: 'makanan_minuman', price: 100000 } }).amount, 10000);
}

test('hostile inputs give KotaCerdasError with a code, never a trap', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  let deep = {};
  for (let i = 0; i < 10_000; i++) deep = { input: deep };
  const loneSurrogate = '\uD800';
  const hostile = [
    undefined, null, 0, NaN, Infinity, -0, true, 'x', [], {}, () => 1, Symbol('s'), 10n, new Date(0), cyclic, deep,
    { region: '35.27', input: { date: '2025-05-01', sub_type: 'makanan_minuman', price: 2 ** 60 } },
    { region: '35.27', input: { date: '2025-05-01', sub_type: 'makanan_minuman', price: 2n ** 70n } },
    { region: '35.27', input: { date: '2025-05-01', sub_type: 'makanan_minuman', price: NaN } },
    { region: '35.27', input: { date: loneSurrogate, sub_type: loneSurrogate, price: 1 } },
    { region: 'x'.repeat(2_000_000), input: {} },
    { region: '35.27', input: { date: '2025-05-01', sub_type: 'makanan_minuman', price: () => 1 } },
    { region: '35.27', input: { date: '2025-05-01', sub_type: 'makanan_minuman', price: Symbol('p') } },
    { text: loneSurrogate.repeat(1000), limit: 3 },
    { date: '2026-13-45', n: 1 },
    { date: '2026-01-01', n: 2n ** 63n },
    { date: '2026-01-01', n: 2n ** 62n },
  ];
  for (const [name, fn] of Object.entries(TYPED)) {
    for (const value of hostile) {
      let outcome;
      try {
        fn(value);
        outcome = 'returned';
      } catch (error) {
        assert.ok(error instanceof kc.KotaCerdasError, `${name}: not a KotaCerdasError: ${error}`);
        assert.match(error.code, /^[A-Z0-9_]+$/, name);
        outcome = error.code;
      }
      assert.ok(outcome);
    }
    stillWorks();
  }
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const proxies = [
    new Proxy({}, { ownKeys() { throw new Error('ownKeys trap'); } }),
    new Proxy({ a: 1 }, { get() { throw new Error('get trap'); } }),
    new Proxy([1, 2], { get(target, key) { if (key === '0' || key === 'length') throw new Error('index trap'); return Reflect.get(target, key); } }),
    revoked,
    { region: revoked },
  ];
  for (const value of [cyclic, deep, { a: 2 ** 60 }, { a: 2n ** 70n }, { a: Symbol('a') }, ...proxies]) {
    assert.throws(() => kc.calculateTax(value), (e) => e.code === 'CALL_INVALID_INPUT');
  }
  stillWorks();
});

test('memory stays bounded over 100,000 typed calls (results, errors, hostile inputs)', async () => {
  const { internalsOf } = await import('./helpers.mjs');
  const memory = internalsOf('node.cjs').__memory();
  const pbjt = { region: '35.27', input: { date: '2025-05-01', sub_type: 'makanan_minuman', price: 100000n } };
  const rounds = [
    () => kc.calculatePbjt(pbjt),
    () => kc.calculatePbjt({ ...pbjt, input: { ...pbjt.input, price: -1 } }),
    () => kc.addWorkingDays({ date: '2026-12-24', n: 3 }),
    () => kc.calculateTax({ kind: 'pbjt', region: '35.27', input: { price: 2 ** 60 } }),
    () => kc.searchComplaintCategories({ text: '\uD800 jalan', limit: 2 }),
    () => kc.isWorkingDay(Symbol('x')),
  ];
  const run = (i) => {
    try {
      rounds[i % rounds.length]();
    } catch (error) {
      if (!(error instanceof kc.KotaCerdasError)) throw error;
    }
  };
  for (let i = 0; i < 5_000; i++) run(i);
  const before = memory.buffer.byteLength;
  for (let i = 0; i < 100_000; i++) run(i);
  const after = memory.buffer.byteLength;
  assert.ok(after - before <= 1 << 20, `memory grew from ${before} to ${after} bytes`);
  stillWorks();
});
