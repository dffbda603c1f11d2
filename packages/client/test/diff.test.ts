// @sms-errors/client/diff: each class, each identity rule, duplicates, purity, and the snapshot reader
// on each shape an operator saves (list's json and ndjson, a page of the API) and on wrong files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffMigrationErrors, migrationErrorIdentity, readSnapshot, SnapshotError } from '../src/diff.js';

const errorJson = (code: string, params: string[] = []) =>
  JSON.stringify({ error_code: code, error_param: JSON.stringify(params) });
const server = (name: string, sourceId: string, code: string, params: string[] = [], sourceIp = '192.168.0.10') => ({
  name,
  source_id: sourceId,
  source_ip: sourceIp,
  host_name: name,
  target_ip: null as string | null,
  error_json: errorJson(code, params),
});

describe('diffMigrationErrors', () => {
  it('sorts servers into new, resolved, changed and unchanged', () => {
    const before = [
      server('web-1', 'id-1', 'SMS.2802'),
      server('db-1', 'id-2', 'SMS.1302', ['/']),
      server('app-1', 'id-3', 'SMS.3805'),
    ];
    const after = [
      server('db-1', 'id-2', 'SMS.1302', ['/', '/data']),
      server('app-1', 'id-3', 'SMS.3805'),
      server('cache-1', 'id-4', 'SMS.0702'),
    ];
    const diff = diffMigrationErrors(before, after);
    expect(diff.new).toEqual([after[2]]);
    expect(diff.resolved).toEqual([before[0]]);
    expect(diff.changed).toEqual([{ before: before[1], after: after[0] }]);
    expect(diff.unchanged).toEqual([after[1]]);
    expect(diff.duplicates).toEqual([]);
  });

  it('counts another code as changed, and the same code and parameters written differently as unchanged', () => {
    const before = [
      server('a', 'id-1', 'SMS.2802'),
      { ...server('b', 'id-2', 'SMS.1302'), error_json: '{"error_code":"SMS.1302","error_param":"[\\"/\\"]"}' },
    ];
    const after = [
      server('a', 'id-1', 'SMS.3805'),
      { ...server('b', 'id-2', 'SMS.1302'), error_json: '{ "error_param": "[ \\"/\\" ]", "error_code": "SMS.1302" }' },
    ];
    const diff = diffMigrationErrors(before, after);
    expect(diff.changed.map(({ before, after }) => [before.source_id, after.source_id])).toEqual([['id-1', 'id-1']]);
    expect(diff.unchanged.map((record) => record.source_id)).toEqual(['id-2']);
  });

  it('compares an unreadable error_json by its text', () => {
    const before = [
      { ...server('a', 'id-1', 'x'), error_json: 'not json' },
      { ...server('b', 'id-2', 'x'), error_json: 'not json' },
    ];
    const after = [
      { ...server('a', 'id-1', 'x'), error_json: 'not json' },
      { ...server('b', 'id-2', 'x'), error_json: 'other' },
    ];
    const diff = diffMigrationErrors(before, after);
    expect(diff.unchanged.map((record) => record.name)).toEqual(['a']);
    expect(diff.changed.map(({ after }) => after.name)).toEqual(['b']);
  });

  it('ignores fields other than identity and error (host name, target IP), and keeps them in the records', () => {
    const before = [server('a', 'id-1', 'SMS.2802')];
    const after = [{ ...server('a', 'id-1', 'SMS.2802'), host_name: 'renamed', target_ip: '10.0.0.9', extra: 1 }];
    expect(diffMigrationErrors(before, after).unchanged).toEqual(after);
  });

  it('identifies by source_id: a renamed or re-addressed server with the same ID is the same server', () => {
    const before = [server('old-name', 'id-1', 'SMS.2802', [], '10.0.0.1')];
    const after = [server('new-name', 'id-1', 'SMS.2802', [], '10.0.0.2')];
    const diff = diffMigrationErrors(before, after);
    expect(diff.unchanged).toHaveLength(1);
    expect(diff.new).toEqual([]);
    expect(migrationErrorIdentity(after[0]!)).toBe('id:id-1');
  });

  it('identifies a server without source_id by name and source_ip', () => {
    const before = [server('web', '', 'SMS.2802', [], '10.0.0.1'), server('web', '', 'SMS.2802', [], '10.0.0.2')];
    const after = [server('web', '', 'SMS.3805', [], '10.0.0.1'), server('web', '', 'SMS.2802', [], '10.0.0.3')];
    const diff = diffMigrationErrors(before, after);
    expect(diff.changed.map(({ after }) => after.source_ip)).toEqual(['10.0.0.1']);
    expect(diff.new.map((record) => record.source_ip)).toEqual(['10.0.0.3']);
    expect(diff.resolved.map((record) => record.source_ip)).toEqual(['10.0.0.2']);
    expect(migrationErrorIdentity(before[0]!)).toBe('name:["web","10.0.0.1"]');
  });

  it('keeps a name and an address apart: no name can run into the address', () => {
    const a = server('a,b', '', 'SMS.2802', [], 'c');
    const b = server('a', '', 'SMS.2802', [], 'b,c');
    expect(migrationErrorIdentity(a)).not.toBe(migrationErrorIdentity(b));
    // An ID that looks like a name key is still an ID.
    expect(migrationErrorIdentity(server('x', 'name:["a","b"]', 'SMS.2802'))).not.toBe(
      migrationErrorIdentity(server('a', '', 'SMS.2802', [], 'b')),
    );
  });

  it('reports two records with one identity in a snapshot instead of merging them', () => {
    const before = [
      server('a', 'id-1', 'SMS.2802'),
      server('a-again', 'id-1', 'SMS.3805'),
      server('b', 'id-2', 'SMS.2802'),
    ];
    const after = [
      server('a', 'id-1', 'SMS.2802'),
      server('c', '', 'SMS.2802', [], '10.0.0.5'),
      server('c', '', 'SMS.1302', [], '10.0.0.5'),
    ];
    const diff = diffMigrationErrors(before, after);
    expect(diff.duplicates).toEqual([
      { identity: 'id:id-1', before: [before[0], before[1]], after: [after[0]] },
      { identity: 'name:["c","10.0.0.5"]', before: [], after: [after[1], after[2]] },
    ]);
    // Neither duplicated identity is classed; the rest is.
    expect(diff.new).toEqual([]);
    expect(diff.unchanged).toEqual([]);
    expect(diff.resolved).toEqual([before[2]]);
  });

  it('is pure and independent of record order (property)', () => {
    const record = fc.record({
      name: fc.constantFrom('a', 'b', 'c', 'd'),
      source_id: fc.constantFrom('', 'id-1', 'id-2', 'id-3', 'id-4', 'id-5'),
      source_ip: fc.constantFrom('10.0.0.1', '10.0.0.2'),
      error_json: fc.constantFrom(errorJson('SMS.2802'), errorJson('SMS.3805'), errorJson('SMS.1302', ['/']), 'broken'),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.array(record, { maxLength: 12 }), (before, after) => {
        const frozenBefore = structuredClone(before);
        const frozenAfter = structuredClone(after);
        const diff = diffMigrationErrors(before, after);
        expect(before).toEqual(frozenBefore);
        expect(after).toEqual(frozenAfter);
        const reversed = diffMigrationErrors([...before].reverse(), [...after].reverse());
        const ids = (records: { source_id: string; name: string; source_ip: string }[]) =>
          records.map((r) => migrationErrorIdentity(r as never)).sort();
        expect(ids(reversed.new)).toEqual(ids(diff.new));
        expect(ids(reversed.resolved)).toEqual(ids(diff.resolved));
        expect(ids(reversed.unchanged)).toEqual(ids(diff.unchanged));
        expect(ids(reversed.changed.map((c) => c.after))).toEqual(ids(diff.changed.map((c) => c.after)));
        // Every record of `after` is in exactly one class or among the duplicates.
        const duplicatedAfter = diff.duplicates.reduce((sum, d) => sum + d.after.length, 0);
        expect(diff.new.length + diff.changed.length + diff.unchanged.length + duplicatedAfter).toBe(after.length);
        const duplicatedBefore = diff.duplicates.reduce((sum, d) => sum + d.before.length, 0);
        expect(diff.resolved.length + diff.changed.length + diff.unchanged.length + duplicatedBefore).toBe(
          before.length,
        );
      }),
    );
  });

  it('diffs a snapshot with itself as all unchanged', () => {
    const records = [server('a', 'id-1', 'SMS.2802'), server('b', '', 'SMS.3805')];
    expect(diffMigrationErrors(records, records)).toEqual({
      new: [],
      resolved: [],
      changed: [],
      unchanged: records,
      duplicates: [],
    });
  });
});

describe('readSnapshot', () => {
  const records = [server('a', 'id-1', 'SMS.2802'), server('b', '', 'SMS.3805')];

  it('reads list --all --output json (records with decoded) and keeps every field', () => {
    const listed = {
      count: 2,
      migration_errors: records.map((record) => ({ ...record, decoded: { code: 'SMS.2802' } })),
    };
    const snapshot = readSnapshot(`${JSON.stringify(listed, null, 2)}\n`);
    expect(snapshot).toEqual({ records: listed.migration_errors, count: 2, format: 'page' });
  });

  it('reads a saved page of the API and reports its count', () => {
    const snapshot = readSnapshot(JSON.stringify({ count: 120, migration_errors: records }));
    expect(snapshot.count).toBe(120);
    expect(snapshot.records).toEqual(records);
  });

  it('reads ndjson (blank lines and a byte-order mark allowed), a single line, and an empty file', () => {
    expect(readSnapshot(`\ufeff${records.map((r) => JSON.stringify(r)).join('\n')}\n\n`)).toEqual({
      records,
      count: undefined,
      format: 'ndjson',
    });
    expect(readSnapshot(`${JSON.stringify(records[0])}\r\n`).records).toEqual([records[0]]);
    expect(readSnapshot('')).toEqual({ records: [], count: undefined, format: 'ndjson' });
  });

  it('reads a bare array of records', () => {
    expect(readSnapshot(JSON.stringify(records))).toEqual({ records, count: undefined, format: 'array' });
  });

  it.each([
    ['text that is not JSON', 'hello\nworld', /line 1 is not JSON/],
    ['an ndjson line that is not JSON', `${JSON.stringify(records[0])}\n{oops`, /line 2 is not JSON/],
    [
      'a record without source_id',
      JSON.stringify({ count: 1, migration_errors: [{ name: 'a', source_ip: '', error_json: '' }] }),
      /migration_errors\[0\] has no source_id string/,
    ],
    [
      'a record whose error_json is not a string',
      `${JSON.stringify({ ...records[0], error_json: { error_code: 'SMS.2802' } })}\n`,
      /line 1 has no error_json string/,
    ],
    ['a number', '42', /line 1 is not a record/],
    ['an array holding null', '[null]', /record 0 is not a record/],
    ['an error body', '{"error_code":"SMS.9004","error_msg":"x"}', /line 1 has no name string/],
  ])('refuses %s with a SnapshotError naming the place', (_, text, message) => {
    expect(() => readSnapshot(text)).toThrow(SnapshotError);
    expect(() => readSnapshot(text)).toThrow(message);
  });
});
