// The harness's stack state: one JSON file per stack, written atomically, with every secret value
// encrypted (AES-256-GCM, key from a passphrase, as Pulumi's passphrase secrets provider does), so
// no token is ever on disk in plaintext.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { isSecret, SECRET_SIG, SIG_KEY, type PropertyMap } from "./properties";

/** One resource as the state records it (the shape of a Pulumi checkpoint's resources). */
export interface ResourceState {
  urn: string;
  type: string;
  /** False for components and the stack, which have no provider. */
  custom: boolean;
  /** Provider-assigned id; absent for components. */
  id?: string;
  /** The checked inputs, `__provider` included; secrets as wrappers. */
  inputs: PropertyMap;
  /** The provider's outputs, `__provider` included; secrets as wrappers. */
  outputs: PropertyMap;
  parent?: string;
  dependencies?: string[];
  /** The old half of a create-before-delete replacement, still to be deleted. */
  delete?: boolean;
}

/** A stack's state: the resources in the order they were registered. */
export interface StackState {
  project: string;
  stack: string;
  resources: ResourceState[];
}

/** The file's format version. */
export const STATE_VERSION = 1;

const CIPHER = "aes-256-gcm";

/** Thrown when the state file cannot be read or secrets cannot be encrypted or decrypted. */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateError";
  }
}

/** Where the passphrase comes from: the option, else `PULUMI_CONFIG_PASSPHRASE`, else `..._FILE`. */
export function resolvePassphrase(explicit?: string): string | undefined {
  if (explicit !== undefined) return explicit;
  if (process.env.PULUMI_CONFIG_PASSPHRASE !== undefined)
    return process.env.PULUMI_CONFIG_PASSPHRASE;
  const file = process.env.PULUMI_CONFIG_PASSPHRASE_FILE;
  return file !== undefined ? fs.readFileSync(file, "utf8").trimEnd() : undefined;
}

const NO_PASSPHRASE =
  "the state holds secrets, which the harness encrypts with a passphrase like Pulumi's passphrase secrets provider: set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE";

/** Encrypts and decrypts secret values with a key derived from a passphrase and a per-file salt. */
class Crypter {
  private key?: Buffer;
  constructor(
    private readonly passphrase: string | undefined,
    readonly salt: string,
  ) {}

  private keyFor(): Buffer {
    if (this.passphrase === undefined) throw new StateError(NO_PASSPHRASE);
    this.key ??= crypto.scryptSync(this.passphrase, Buffer.from(this.salt, "base64"), 32);
    return this.key;
  }

  encrypt(value: unknown): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv(CIPHER, this.keyFor(), iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
    return ["v1", iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === "string" ? p : p.toString("base64")))
      .join(":");
  }

  decrypt(ciphertext: string): unknown {
    const [version, iv, tag, data] = ciphertext.split(":");
    if (version !== "v1" || iv === undefined || tag === undefined || data === undefined) {
      throw new StateError("a secret in the state file is not in the harness's v1 format");
    }
    try {
      const decipher = crypto.createDecipheriv(CIPHER, this.keyFor(), Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      const text = Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]);
      return JSON.parse(text.toString("utf8"));
    } catch (err) {
      if (err instanceof StateError) throw err;
      throw new StateError(
        "cannot decrypt the state file's secrets: the passphrase (PULUMI_CONFIG_PASSPHRASE) is not the one it was written with",
      );
    }
  }
}

function mapSecrets(
  value: unknown,
  fn: (v: unknown) => unknown,
  isTarget: (v: unknown) => boolean,
): unknown {
  if (isTarget(value)) return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapSecrets(v, fn, isTarget));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapSecrets(v, fn, isTarget)]),
    );
  }
  return value;
}

const isCiphertext = (v: unknown): boolean =>
  typeof v === "object" &&
  v !== null &&
  (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG &&
  "ciphertext" in v;

/**
 * A stack's state file: load once, change in memory, save atomically. Entries are treated as
 * immutable once saved: to change a resource, put a new entry in its place (each entry's text is
 * cached, so saving a thousand-resource stack after a few steps costs a few encryptions, not all).
 */
export class StateFile {
  // Each entry's text in the file (secrets encrypted), by entry object: a save re-serializes only
  // the entries that are new since the last one.
  private readonly texts = new WeakMap<ResourceState, string>();

  private constructor(
    /** Path of the JSON file. */
    readonly file: string,
    private readonly crypter: Crypter,
    /** The state in memory; secrets as plain wrappers. */
    public state: StackState,
  ) {}

  /**
   * Opens the state of `project`/`stack` in `file`, or starts an empty one if the file does not
   * exist. Secrets are decrypted with the passphrase ({@link resolvePassphrase}).
   */
  static open(file: string, project: string, stack: string, passphrase?: string): StateFile {
    const secretPassphrase = resolvePassphrase(passphrase);
    if (!fs.existsSync(file)) {
      const crypter = new Crypter(secretPassphrase, crypto.randomBytes(16).toString("base64"));
      return new StateFile(file, crypter, { project, stack, resources: [] });
    }
    let raw: {
      version?: number;
      encryptionSalt?: string;
      project?: string;
      stack?: string;
      resources?: unknown;
    };
    try {
      raw = JSON.parse(fs.readFileSync(file, "utf8")) as typeof raw;
    } catch (err) {
      throw new StateError(`cannot read the state file ${file}: ${(err as Error).message}`);
    }
    if (
      raw.version !== STATE_VERSION ||
      typeof raw.encryptionSalt !== "string" ||
      !Array.isArray(raw.resources)
    ) {
      throw new StateError(`${file} is not a harness state file (version ${STATE_VERSION})`);
    }
    const crypter = new Crypter(secretPassphrase, raw.encryptionSalt);
    const resources = mapSecrets(
      raw.resources,
      (v) => ({
        [SIG_KEY]: SECRET_SIG,
        value: crypter.decrypt(String((v as { ciphertext: unknown }).ciphertext)),
      }),
      isCiphertext,
    ) as ResourceState[];
    return new StateFile(file, crypter, {
      project: raw.project ?? project,
      stack: raw.stack ?? stack,
      resources,
    });
  }

  /** The file's text as it would be written now: secrets encrypted, never in plaintext. */
  serialize(): string {
    // The same text as JSON.stringify(file, null, 2), assembled from each entry's cached text.
    const entries = this.state.resources.map((r) => {
      let text = this.texts.get(r);
      if (text === undefined) {
        const encrypted = mapSecrets(
          r,
          (v) => ({
            [SIG_KEY]: SECRET_SIG,
            ciphertext: this.crypter.encrypt((v as { value: unknown }).value),
          }),
          isSecret,
        );
        // JSON strings hold no raw newline, so indenting every line is safe.
        text = `    ${JSON.stringify(encrypted, null, 2).replace(/\n/g, "\n    ")}`;
        this.texts.set(r, text);
      }
      return text;
    });
    const head = JSON.stringify(
      {
        version: STATE_VERSION,
        project: this.state.project,
        stack: this.state.stack,
        encryptionSalt: this.crypter.salt,
      },
      null,
      2,
    ).slice(0, -2);
    const resources = entries.length === 0 ? "[]" : `[\n${entries.join(",\n")}\n  ]`;
    return `${head},\n  "resources": ${resources}\n}\n`;
  }

  /** Writes the state: to a temporary file first, then renamed, so a crash never leaves half a file. */
  save(): void {
    const text = this.serialize();
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
