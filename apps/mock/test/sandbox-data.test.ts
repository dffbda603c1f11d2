// The sandbox's data set: a pure function of its seed, realistic, and within the catalogue and the spec.
import { isIPv4 } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_WEIGHTS,
  codeWeight,
  type DataSetOptions,
  generateFailedServers,
  slotCount,
} from '../src/sandbox-data.js';
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
    for (const server of servers) {
      expect(Object.keys(server).sort()).toEqual(migrationErrorFields);
    }
    expect(generateFailedServers({ ...options, size: 0 })).toEqual([]);
  });

  it('reports codes from the catalogue, with one error_param value per slot of the message', () => {
    const seen = new Set<string>();
    for (const server of servers) {
      const error = JSON.parse(server.error_json) as { error_code: string; error_param: string };
      const entry = errorCodes[error.error_code];
      expect(entry, error.error_code).toBeDefined();
      seen.add(error.error_code);
      const params = JSON.parse(error.error_param) as unknown[];
      expect(params, error.error_code).toHaveLength(slotCount(entry!.message));
      for (const param of params) {
        expect(typeof param).toBe('string');
      }
    }
    // 250 draws from a catalogue of a few hundred codes: many distinct codes, not a handful.
    expect(seen.size).toBeGreaterThan(80);
  });

  it('draws from the whole catalogue, most often from the common families (network and ports, disks, credentials)', () => {
    const many = generateFailedServers({ ...options, size: 30_000, seed: 'weights' });
    const drawn = new Map<string, number>();
    for (const server of many) {
      const code = (JSON.parse(server.error_json) as { error_code: string }).error_code;
      drawn.set(code, (drawn.get(code) ?? 0) + 1);
    }
    expect([...drawn.keys()].sort()).toEqual(Object.keys(errorCodes).sort());
    // Per code, a common family's code comes up more often than a code of the other categories.
    const perCode = (inFamily: (category: string) => boolean) => {
      const codes = Object.entries(errorCodes).filter(([, entry]) => inFamily(entry.category));
      return codes.reduce((sum, [code]) => sum + (drawn.get(code) ?? 0), 0) / codes.length;
    };
    const rare = perCode((category) => CATEGORY_WEIGHTS[category] === undefined);
    for (const family of ['network', 'credentials', 'storage']) {
      expect(
        perCode((category) => category === family),
        family,
      ).toBeGreaterThan(2 * rare);
    }
    // Codes about a port come up more often than the other codes of their category.
    const network = Object.entries(errorCodes).filter(([, entry]) => entry.category === 'network');
    const [port, other] = [true, false].map((aboutPort) => {
      const codes = network.filter(([, entry]) => /\bports?\b/i.test(`${entry.message} ${entry.action}`) === aboutPort);
      return codes.reduce((sum, [code]) => sum + (drawn.get(code) ?? 0), 0) / codes.length;
    });
    expect(port).toBeGreaterThan(1.5 * other!);
    expect(codeWeight(errorCodes['SMS.2802']!)).toBeGreaterThan(codeWeight(errorCodes['SMS.0007']!));
  });

  it('fills each slot with a value that fits the words before it', () => {
    const many = generateFailedServers({ ...options, size: 5000, seed: 'params' });
    const paramsOf = (code: string) =>
      many
        .map((server) => JSON.parse(server.error_json) as { error_code: string; error_param: string })
        .filter((e) => e.error_code === code)
        .map((e) => JSON.parse(e.error_param) as string[]);
    const reachIp = paramsOf('SMS.2802');
    expect(reachIp.length).toBeGreaterThan(0);
    for (const [ip] of reachIp) {
      expect(isIPv4(ip!), ip).toBe(true);
    }
    const hosts = regionHosts(spec);
    for (const [host] of paramsOf('SMS.0302')) {
      expect(hosts).toContain(host);
    }
  });

  it("keeps every string within the schema's maxLength, for many seeds", () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      for (const server of generateFailedServers({ ...options, size: 2000, seed })) {
        for (const [field, { maxLength }] of Object.entries(migrationErrorProperties)) {
          const value = server[field as keyof typeof server];
          if (typeof value === 'string' && maxLength !== undefined) {
            expect(value.length).toBeLessThanOrEqual(maxLength);
          }
        }
      }
    }
  });

  it('looks like what SMS reports: private IPv4s, some null or empty host names, some targets set', () => {
    for (const server of servers) {
      expect(isIPv4(server.source_ip)).toBe(true);
      if (server.target_ip !== null) {
        expect(isIPv4(server.target_ip)).toBe(true);
      }
    }
    const nullHosts = servers.filter((s) => s.host_name === null).length;
    expect(nullHosts).toBeGreaterThan(0);
    expect(nullHosts).toBeLessThan(servers.length / 2);
    expect(servers.some((s) => s.host_name === '')).toBe(true);
    expect(servers.some((s) => s.target_ip !== null)).toBe(true);
  });
});
