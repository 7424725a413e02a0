// An AWS SDK environment that reaches this emulator and nothing else: no real credentials, config
// files, profiles or metadata service, and Cognito's endpoint pointed at the emulator. Tests, the
// demo and the bench run the provider (in process or in Pulumi's provider host) with it.
import * as os from "node:os";
import * as path from "node:path";

/** An access key pair the emulator's seed accepts (never a real one). */
export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Variables that would let the SDK find real credentials or reach beyond loopback. */
const ISOLATION: Record<string, string | undefined> = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: undefined,
  AWS_MAX_ATTEMPTS: undefined,
  AWS_RETRY_MODE: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  // Never let the credential chain ask the instance metadata service (a non-loopback address).
  AWS_EC2_METADATA_DISABLED: "true",
  // Files that do not exist: the SDK then reads no profile at all.
  AWS_CONFIG_FILE: path.join(os.tmpdir(), "cognito-feedback-emulator-no-aws-config"),
  AWS_SHARED_CREDENTIALS_FILE: path.join(
    os.tmpdir(),
    "cognito-feedback-emulator-no-aws-credentials",
  ),
};

/** The environment variables that make the AWS SDK sign with `key`. */
export function credentialEnv(key: AccessKey): Record<string, string> {
  return { AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey };
}

/**
 * Variables (undefined = remove) for an environment with no AWS credentials, config files or
 * metadata service, pointed at `endpoint`; `extra` is applied last (e.g. {@link credentialEnv}).
 */
export function isolatedAwsVars(
  endpoint: string,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return { ...ISOLATION, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint, ...extra };
}
