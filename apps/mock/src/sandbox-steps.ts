// A sandbox that changes: every step a few failures resolve, a few new ones appear and a few fail with
// another code, so that a client can practise following a migration wave (`sms-errors watch`, diffs). A
// step is a pure function of the data set before it, the seed and the step's number, so the same seed
// gives the same sequence on every run; several snapshot files are served one after another instead.
// The step in force is read from a clock the caller passes, so tests move time by hand and never wait.
import { type Random, seededRandom } from './random.js';
import { type CatalogueEntry, type FailedServer, generateFailedServers } from './sandbox-data.js';

export interface StepOptions {
  /** Seeds every step: step n draws from `${seed}#step-${n}`. */
  seed: string;
  errorCodes: Record<string, CatalogueEntry>;
  regionHosts: string[];
  /** The largest data set a client can page through: a step adds no server beyond it. */
  maxSize: number;
}

/** What one step did, for the sandbox's log line and for tests. */
export interface StepChanges {
  resolved: FailedServer[];
  appeared: FailedServer[];
  changed: { before: FailedServer; after: FailedServer }[];
}

/** "A few": one to three of each, so that a listing of any size shows a handful of changes per step. */
const FEW = [1, 3] as const;

/** The error code of a record; a file's record may hold an unreadable error_json, which then stands for itself. */
function codeOf(server: FailedServer): string {
  try {
    return String((JSON.parse(server.error_json) as { error_code?: unknown }).error_code);
  } catch {
    return server.error_json;
  }
}

/** Indices of `count` distinct elements of a list of `length`, in ascending order. */
function pickIndices(random: Random, length: number, count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, length)) {
    picked.add(random.int(0, length - 1));
  }
  return [...picked].sort((a, b) => a - b);
}

/** Step `step` (1, 2, ...) applied to `servers`: a new array; the one given is not changed. */
export function applyStep(
  servers: readonly FailedServer[],
  step: number,
  options: StepOptions,
): { servers: FailedServer[]; changes: StepChanges } {
  const random = seededRandom(`${options.seed}#step-${step}`);
  const changes: StepChanges = { resolved: [], appeared: [], changed: [] };

  // Resolve a few: they leave the listing.
  const resolving = new Set(pickIndices(random, servers.length, random.int(...FEW)));
  const remaining: FailedServer[] = [];
  for (const [index, server] of servers.entries()) {
    if (resolving.has(index)) {
      changes.resolved.push(server);
    } else {
      remaining.push(server);
    }
  }

  // Change a few: the same server, another code drawn as the data set draws codes.
  const changing = pickIndices(random, remaining.length, random.int(...FEW));
  changing.forEach((index, n) => {
    const before = remaining[index]!;
    let errorJson = before.error_json;
    for (let attempt = 0; attempt < 20 && codeOf({ ...before, error_json: errorJson }) === codeOf(before); attempt++) {
      const [drawn] = generateFailedServers({
        ...options,
        size: 1,
        seed: `${options.seed}#step-${step}#change-${n}-${attempt}`,
      });
      errorJson = drawn!.error_json;
    }
    const after = { ...before, error_json: errorJson };
    remaining[index] = after;
    changes.changed.push({ before, after });
  });

  // A few appear, each at a drawn place in the listing (the service's order is not by age).
  const room = Math.max(0, options.maxSize - remaining.length);
  const names = new Set(remaining.map((server) => server.name));
  const appearing = generateFailedServers({
    ...options,
    size: Math.min(room, random.int(...FEW)),
    seed: `${options.seed}#step-${step}#new`,
  });
  for (const server of appearing) {
    // Distinct names keep a listing readable, as in the generated set.
    const named = names.has(server.name) ? { ...server, name: `${server.name}-s${step}` } : server;
    names.add(named.name);
    remaining.splice(random.int(0, remaining.length), 0, named);
    changes.appeared.push(named);
  }
  return { servers: remaining, changes };
}

export interface SteppingDataOptions extends StepOptions {
  /**
   * The data sets, in order. One: seeded steps apply to it, one every `stepSeconds`, for as long as the
   * sandbox runs. Several (snapshot files): each is served in turn, a step apart; the last then stays.
   */
  snapshots: readonly FailedServer[][];
  stepSeconds: number;
  /** Milliseconds since some origin, such as Date.now (tests pass a clock they move by hand). */
  now: () => number;
}

export interface SteppingData {
  /** The number of the step in force: 0 until the first `stepSeconds` have passed. */
  currentStep(): number;
  /** The servers of the step in force; every page served within one step reads the same array. */
  current(): FailedServer[];
  /** The servers and changes of step `step`, computed from the latest one known (or from step 0). */
  at(step: number): { servers: FailedServer[]; changes: StepChanges | undefined };
}

export function steppingData(options: SteppingDataOptions): SteppingData {
  if (options.snapshots.length === 0) {
    throw new Error('the stepping sandbox needs at least one data set');
  }
  if (!(options.stepSeconds > 0)) {
    throw new RangeError(`the step must be a positive number of seconds, got ${options.stepSeconds}`);
  }
  const startedAt = options.now();
  // The latest step computed: steps only move forward, so each is computed once from the one before.
  let latest: { step: number; servers: FailedServer[]; changes: StepChanges | undefined } = {
    step: 0,
    servers: options.snapshots[0]!,
    changes: undefined,
  };

  const at = (step: number) => {
    if (options.snapshots.length > 1) {
      const servers = options.snapshots[Math.min(step, options.snapshots.length - 1)]!;
      return { servers, changes: undefined };
    }
    if (step < latest.step) {
      latest = { step: 0, servers: options.snapshots[0]!, changes: undefined };
    }
    while (latest.step < step) {
      const next = applyStep(latest.servers, latest.step + 1, options);
      latest = { step: latest.step + 1, ...next };
    }
    return { servers: latest.servers, changes: latest.changes };
  };
  const currentStep = () => Math.max(0, Math.floor((options.now() - startedAt) / (options.stepSeconds * 1000)));
  return { currentStep, current: () => at(currentStep()).servers, at };
}
