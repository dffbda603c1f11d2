// The sandbox's data set: a pure function of its seed, realistic, and within the catalogue and the spec.
import { isIPv4 } from 'node:net';
import { describe, expect, it } from 'vitest';
import { generateFailedServers, type DataSetOptions } from '../src/sandbox-data.js';
import { readErrorCodes } from '../src/served-files.js';
import { regionHosts } from '../src/spec-facts.js';
import { migrationErrorFields, migrationErrorProperties, spec } from './helpers.js';

const errorCodes = readErrorCodes();
const options: DataSetOptions = { size: 250, seed: 'test', errorCodes, regionHosts: regionHosts(spec) };
const servers = generateFailedServers(options);

describe('generateFailedServers', () => {
  it('gives the same servers for the same seed, and others for another seed', () => {
    expect(generateFailedServers(options)).toEqual(servers);
    expect(generateFailedServers({ ...options, seed: 'other' })).not.toEqual(servers);
    expect(generateFailedServers({ ...options, size: 10 })).toEqual(servers.slice(0, 10));
  });

  it('has the size asked for, distinct IDs and names, and exactly the fields of the schema', () => {
    expect(servers).toHaveLength(250);
    expect(new Set(servers.map((s) => s.source_id)).size).toBe(250);
    expect(new Set(servers.map((s) => s.name)).size).toBe(250);
    for (const server of servers) expect(Object.keys(server).sort()).toEqual(migrationErrorFields);
    expect(generateFailedServers({ ...options, size: 0 })).toEqual([]);
  });

  it('reports codes from the catalogue, with one error_param value per placeholder', () => {
    const seen = new Set<string>();
    for (const server of servers) {
      const error = JSON.parse(server.error_json) as { error_code: string; error_param: string };
      const template = errorCodes[error.error_code];
      expect(template).toBeDefined();
      seen.add(error.error_code);
      const params = JSON.parse(error.error_param) as unknown[];
      expect(params).toHaveLength(new Set(template?.match(/\{\d\}/g) ?? []).size);
      for (const param of params) expect(typeof param).toBe('string');
    }
    // 250 draws from a catalogue of a few hundred codes: many distinct codes, not a handful.
    expect(seen.size).toBeGreaterThan(100);
  });

  it("keeps every string within the schema's maxLength, for many seeds", () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      for (const server of generateFailedServers({ ...options, size: 2000, seed })) {
        for (const [field, { maxLength }] of Object.entries(migrationErrorProperties)) {
          const value = server[field as keyof typeof server];
          if (typeof value === 'string' && maxLength !== undefined) expect(value.length).toBeLessThanOrEqual(maxLength);
        }
      }
    }
  });

  it('looks like what SMS reports: private IPv4s, some null or empty host names, some targets set', () => {
    for (const server of servers) {
      expect(isIPv4(server.source_ip)).toBe(true);
      if (server.target_ip !== null) expect(isIPv4(server.target_ip)).toBe(true);
    }
    const nullHosts = servers.filter((s) => s.host_name === null).length;
    expect(nullHosts).toBeGreaterThan(0);
    expect(nullHosts).toBeLessThan(servers.length / 2);
    expect(servers.some((s) => s.host_name === '')).toBe(true);
    expect(servers.some((s) => s.target_ip !== null)).toBe(true);
  });
});
