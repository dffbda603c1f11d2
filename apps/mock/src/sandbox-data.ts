// The sandbox's data set: N failed source servers drawn from a seeded generator, so that the same seed
// always gives the same servers in the same order. Values look like what SMS reports (server names, private
// IPs, Windows and Linux host names, some null) and every error code comes from spec/error-codes.yaml with
// as many `error_param` values as its message has placeholders. Field names and bounds are not restated
// here: Prism validates every page the sandbox serves against the spec, so drift fails loudly.
import { seededRandom, type Random } from './random.js';

/** One failed source server, as the 200 body lists it. */
export interface FailedServer {
  source_id: string;
  source_ip: string;
  target_ip: string | null;
  name: string;
  host_name: string | null;
  error_json: string;
}

export const DEFAULT_SANDBOX_SIZE = 250;
export const DEFAULT_SEED = 'sms-errors';

export interface DataSetOptions {
  size: number;
  seed: string;
  /** The SMS error catalogue: code -> message template with `{0}`, `{1}`, ... placeholders. */
  errorCodes: Record<string, string>;
  /** Host names an agent may fail to reach (the regional endpoints). */
  regionHosts: string[];
}

const ROLES = ['web', 'app', 'api', 'db', 'mysql', 'pg', 'redis', 'mq', 'erp', 'crm', 'file', 'ad', 'jump', 'k8s-node', 'batch', 'report', 'mail', 'gitlab', 'nginx', 'sap'];
const LINUX = ['centos7', 'centos8', 'rhel8', 'rhel9', 'ubuntu20', 'ubuntu22', 'debian11', 'debian12', 'suse15', 'euler2', 'kylin10'];
const WINDOWS = ['win2012', 'win2016', 'win2019', 'win2022'];
const FILES = ['/etc/fstab', '/boot/grub2/grub.cfg', '/var/lib/sms/rsync.conf', '/etc/sysconfig/network-scripts/ifcfg-eth0', 'C:\\Windows\\System32\\drivers\\etc\\hosts', 'D:\\data\\app.ini'];
const CAUSES = ['the IAM user has no SMS FullAccess policy', 'the agency for SMS is missing', 'the enterprise project denies the action', 'the token has expired'];
const WORDS = ['eth0', 'vda1', '/data', 'lvm-root', 'C:', 'agent'];

function privateIp(random: Random): string {
  const range = random.int(0, 2);
  if (range === 0) return `192.168.${random.int(0, 255)}.${random.int(2, 254)}`;
  if (range === 1) return `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(2, 254)}`;
  return `172.${random.int(16, 31)}.${random.int(0, 255)}.${random.int(2, 254)}`;
}

function uuid(random: Random): string {
  const hex = '0123456789abcdef';
  return `${random.chars(hex, 8)}-${random.chars(hex, 4)}-4${random.chars(hex, 3)}-${random.pick(['8', '9', 'a', 'b'])}${random.chars(hex, 3)}-${random.chars(hex, 12)}`;
}

/** A value for placeholder `{n}` of a template, chosen by the words just before it. */
function paramFor(template: string, placeholder: string, random: Random, regionHosts: string[]): string {
  const index = template.indexOf(placeholder);
  if (index < 0) return random.pick(WORDS);
  const before = template.slice(0, index).trimEnd().toLowerCase();
  if (before.endsWith('file')) return random.pick(FILES);
  if (before.endsWith('domain name') && regionHosts.length > 0) return random.pick(regionHosts);
  if (before.endsWith('server') || before.endsWith('ip')) return privateIp(random);
  if (before.endsWith('cause:')) return random.pick(CAUSES);
  return random.pick(WORDS);
}

function errorJson(random: Random, codes: [string, string][], regionHosts: string[]): string {
  const [code, template] = random.pick(codes);
  // One value per placeholder index up to the highest one the message uses.
  const count = Math.max(0, ...[...template.matchAll(/\{(\d)\}/g)].map((match) => Number(match[1]) + 1));
  const params = Array.from({ length: count }, (_, n) => paramFor(template, `{${n}}`, random, regionHosts));
  // `error_param` is itself a JSON-encoded array inside the JSON string, as the service sends it.
  return JSON.stringify({ error_code: code, error_param: JSON.stringify(params) });
}

/** The data set: `size` failed servers, a pure function of the options. */
export function generateFailedServers({ size, seed, errorCodes, regionHosts }: DataSetOptions): FailedServer[] {
  const random = seededRandom(seed);
  const codes = Object.entries(errorCodes);
  const names = new Set<string>();
  const servers: FailedServer[] = [];
  for (let i = 0; i < size; i++) {
    const windows = random.chance(0.3);
    const os = random.pick(windows ? WINDOWS : LINUX);
    let name = `${random.pick(ROLES)}-${os}-${String(random.int(1, 99)).padStart(2, '0')}`;
    // SMS allows duplicate names, but distinct ones make a listing easier to read.
    if (names.has(name)) name = `${name}-${i}`;
    names.add(name);
    const hostRoll = random.next();
    const host_name =
      hostRoll < 0.2 ? null // the agent could not read it
      : hostRoll < 0.25 ? ''
      : windows ? (random.chance(0.5) ? `WIN-${random.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 11)}` : name.toUpperCase().slice(0, 15))
      : random.chance(0.7) ? name : `${name}.corp.example`;
    servers.push({
      source_id: uuid(random),
      source_ip: privateIp(random),
      target_ip: random.chance(0.6) ? null : privateIp(random),
      name,
      host_name,
      error_json: errorJson(random, codes, regionHosts),
    });
  }
  return servers;
}
