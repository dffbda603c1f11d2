// The sandbox's data set: N failed source servers drawn from a seeded generator, so that the same seed
// always gives the same servers in the same order. Values look like what SMS reports (server names, private
// IPs, Windows and Linux host names, some null) and every error code comes from spec/error-codes.yaml, drawn
// from the whole catalogue but most often from the families that fail most in practice (network and ports,
// disks, credentials), with as many `error_param` values as its message has slots. Field names and bounds
// are not restated here: Prism validates every page the sandbox serves against the spec, so drift fails
// loudly.
import { type Random, seededRandom } from './random.js';

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

/** One code of the SMS error catalogue, as far as the data set needs it. */
export interface CatalogueEntry {
  category: string;
  /** The message, with `{0}`, `{1}`, ... where the service's `error_param` values go. */
  message: string;
  action: string;
}

export interface DataSetOptions {
  size: number;
  seed: string;
  /** The codes of the SMS error catalogue (spec/error-codes.yaml), by code. */
  errorCodes: Record<string, CatalogueEntry>;
  /** Host names an agent may fail to reach (the regional endpoints). */
  regionHosts: string[];
}

/**
 * How often a code is drawn, relative to a code of another category (1): network, credential and disk
 * failures are what operators meet most, so a listing of the sandbox looks like a real account's.
 */
export const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = { network: 6, credentials: 6, storage: 3 };
/** A code about a port (closed, blocked, in use) is drawn twice as often again. */
const MENTIONS_PORT = /\bports?\b/i;

export function codeWeight(entry: CatalogueEntry): number {
  return (CATEGORY_WEIGHTS[entry.category] ?? 1) * (MENTIONS_PORT.test(`${entry.message} ${entry.action}`) ? 2 : 1);
}

/** The number of `error_param` values a message takes: its highest placeholder number plus one. */
export function slotCount(message: string): number {
  return Math.max(0, ...[...message.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1]) + 1));
}

const ROLES = [
  'web',
  'app',
  'api',
  'db',
  'mysql',
  'pg',
  'redis',
  'mq',
  'erp',
  'crm',
  'file',
  'ad',
  'jump',
  'k8s-node',
  'batch',
  'report',
  'mail',
  'gitlab',
  'nginx',
  'sap',
];
const LINUX = [
  'centos7',
  'centos8',
  'rhel8',
  'rhel9',
  'ubuntu20',
  'ubuntu22',
  'debian11',
  'debian12',
  'suse15',
  'euler2',
  'kylin10',
];
const WINDOWS = ['win2012', 'win2016', 'win2019', 'win2022'];
/** Values that depend on the source server's operating system: [Linux, Windows]. */
const FILES = [
  ['/etc/fstab', '/boot/grub2/grub.cfg', '/var/lib/sms/rsync.conf', '/etc/sysconfig/network-scripts/ifcfg-eth0'],
  ['C:\\Windows\\System32\\drivers\\etc\\hosts', 'D:\\data\\app.ini'],
] as const;
const DISKS = [
  ['/dev/vda', '/dev/vdb', '/dev/sdb', '/dev/xvdc'],
  ['Disk 0', 'Disk 1', 'Disk 2'],
] as const;
const PARTITIONS = [
  ['/dev/vda1', '/dev/vdb1', '/dev/sdb2', '/dev/mapper/centos-root'],
  ['C:', 'D:', 'E:'],
] as const;
const MOUNT_POINTS = [
  ['/', '/boot', '/data', '/mnt/vdb1', '/var/lib/mysql', '/home'],
  ['C:\\', 'D:\\', 'D:\\data'],
] as const;
const FILE_SYSTEMS = [
  ['ext4', 'xfs', 'btrfs'],
  ['ntfs', 'refs'],
] as const;
const STATES = ['available', 'in-use', 'error', 'SHUTOFF', 'ACTIVE', 'creating'];
const SERVICES = ['rsync', 'sshd', 'lvm2', 'dracut', 'VSS'];
const KERNELS = [
  '3.10.0-1160.el7.x86_64',
  '4.18.0-425.3.1.el8.x86_64',
  '5.15.0-91-generic',
  '5.10.0-60.18.0.50.oe2203.x86_64',
];
const HTTP_STATUSES = ['403', '404', '500', '502', '503'];
const CAUSES = [
  'the IAM user has no SMS FullAccess policy',
  'the agency for SMS is missing',
  'the token has expired',
  'Quota exceeded for resources: volumes',
  'No space left on device',
  'Permission denied',
  'connection timed out',
  'Connection refused',
  'device or resource busy',
];
const WORDS = ['eth0', 'vda1', '/data', 'lvm-root', 'C:', 'agent'];

function privateIp(random: Random): string {
  const range = random.int(0, 2);
  if (range === 0) {
    return `192.168.${random.int(0, 255)}.${random.int(2, 254)}`;
  }
  if (range === 1) {
    return `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(2, 254)}`;
  }
  return `172.${random.int(16, 31)}.${random.int(0, 255)}.${random.int(2, 254)}`;
}

function uuid(random: Random): string {
  const hex = '0123456789abcdef';
  return `${random.chars(hex, 8)}-${random.chars(hex, 4)}-4${random.chars(hex, 3)}-${random.pick(['8', '9', 'a', 'b'])}${random.chars(hex, 3)}-${random.chars(hex, 12)}`;
}

/** What the words just before a placeholder say it stands for, tried in order: [pattern, values]. */
type ValueSource = (random: Random, regionHosts: string[], os: 0 | 1) => string;
const VALUE_FOR: [RegExp, ValueSource][] = [
  [/domain name$/, (random, hosts) => (hosts.length > 0 ? random.pick(hosts) : 'sms.example.com')],
  [/(file|fstab entry)$/, (random, _hosts, os) => random.pick(FILES[os])],
  [/(mounted on|found at)$/, (random, _hosts, os) => random.pick(MOUNT_POINTS[os])],
  [/partition$/, (random, _hosts, os) => random.pick(PARTITIONS[os])],
  [/(disk|physical volume)$/, (random, _hosts, os) => random.pick(DISKS[os])],
  [/volume group$/, (random) => random.pick(['vg_data', 'centos', 'VolGroup00'])],
  [/logical volume$/, (random) => random.pick(['lv_root', 'lv_home', 'lv_swap'])],
  [/snapshot$/, (random) => `snap-${random.chars('0123456789abcdef', 8)}`],
  [/formatted as$/, (random, _hosts, os) => random.pick(FILE_SYSTEMS[os])],
  [/(state is|in state|status to)$/, (random) => random.pick(STATES)],
  [/service$/, (random) => random.pick(SERVICES)],
  [/kernel version$/, (random) => random.pick(KERNELS)],
  [/http status$/, (random) => random.pick(HTTP_STATUSES)],
  [/(task|template|encryption key)$/, (random) => uuid(random)],
  [
    /(permission \(|policy)$/,
    (random) => random.pick(['sms:server:migrationServer', 'ecs:servers:create', 'evs:volumes:attach']),
  ],
  [/maximum of$/, () => '10485760'],
  [/(checking|collect the)$/, (random) => random.pick(['disk', 'network', 'grub', 'selinux'])],
  [/(operation|advanced option)$/, (random) => random.pick(['reboot', 'resize', 'syncing', 'bandwidth limit'])],
  [/(\bserver|\bserver at|\bip)$/, (random) => privateIp(random)],
  [/(:|\()$/, (random) => random.pick(CAUSES)],
];

/** A value for placeholder `{n}` of a message, chosen by the words just before it. */
function paramFor(
  message: string,
  placeholder: string,
  random: Random,
  regionHosts: string[],
  windows: boolean,
): string {
  const index = message.indexOf(placeholder);
  if (index < 0) {
    return random.pick(WORDS);
  }
  const before = message.slice(0, index).trimEnd().toLowerCase();
  const source = VALUE_FOR.find(([pattern]) => pattern.test(before))?.[1];
  return source ? source(random, regionHosts, windows ? 1 : 0) : random.pick(WORDS);
}

/** Codes with their cumulative weights, for drawing one with a single random number. */
interface WeightedCodes {
  codes: [string, CatalogueEntry][];
  cumulative: number[];
  total: number;
}

function weightCodes(errorCodes: Record<string, CatalogueEntry>): WeightedCodes {
  const codes = Object.entries(errorCodes);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, entry] of codes) {
    total += codeWeight(entry);
    cumulative.push(total);
  }
  if (codes.length === 0) {
    throw new Error('the error catalogue has no codes');
  }
  return { codes, cumulative, total };
}

function drawCode(random: Random, { codes, cumulative, total }: WeightedCodes): [string, CatalogueEntry] {
  const target = random.next() * total;
  const index = cumulative.findIndex((sum) => sum > target);
  return codes[index === -1 ? codes.length - 1 : index]!;
}

function errorJson(random: Random, codes: WeightedCodes, regionHosts: string[], windows: boolean): string {
  const [code, { message }] = drawCode(random, codes);
  const params = Array.from({ length: slotCount(message) }, (_, n) =>
    paramFor(message, `{${n}}`, random, regionHosts, windows),
  );
  // `error_param` is itself a JSON-encoded array inside the JSON string, as the service sends it.
  return JSON.stringify({ error_code: code, error_param: JSON.stringify(params) });
}

/** The data set: `size` failed servers, a pure function of the options. */
export function generateFailedServers({ size, seed, errorCodes, regionHosts }: DataSetOptions): FailedServer[] {
  const random = seededRandom(seed);
  const codes = weightCodes(errorCodes);
  const names = new Set<string>();
  const servers: FailedServer[] = [];
  for (let i = 0; i < size; i++) {
    const windows = random.chance(0.3);
    const os = random.pick(windows ? WINDOWS : LINUX);
    let name = `${random.pick(ROLES)}-${os}-${String(random.int(1, 99)).padStart(2, '0')}`;
    // SMS allows duplicate names, but distinct ones make a listing easier to read.
    if (names.has(name)) {
      name = `${name}-${i}`;
    }
    names.add(name);
    const hostRoll = random.next();
    const host_name =
      hostRoll < 0.2
        ? null // the agent could not read it
        : hostRoll < 0.25
          ? ''
          : windows
            ? random.chance(0.5)
              ? `WIN-${random.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 11)}`
              : name.toUpperCase().slice(0, 15)
            : random.chance(0.7)
              ? name
              : `${name}.corp.example`;
    servers.push({
      source_id: uuid(random),
      source_ip: privateIp(random),
      target_ip: random.chance(0.6) ? null : privateIp(random),
      name,
      host_name,
      error_json: errorJson(random, codes, regionHosts, windows),
    });
  }
  return servers;
}
