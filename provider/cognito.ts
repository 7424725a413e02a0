// The only module that talks to Cognito: builds SDK clients and sends feedback calls.
import {
  AdminUpdateAuthEventFeedbackCommand,
  CognitoIdentityProviderClient,
  UpdateAuthEventFeedbackCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { FinalizeRequestMiddleware, MiddlewareStack } from "@smithy/types";
import { describeCognitoFailure, type CognitoOperation } from "./errors";
import { unsafeEndpointReason } from "./endpoint";
import type { AuthEventFeedbackInputs } from "./types";

// One client per region and endpoint configuration: clients are costly to build, and the endpoint
// variables are read when a client is built, so a changed variable must give a new client.
const clients = new Map<string, CognitoIdentityProviderClient>();

function clientFor(region: string): CognitoIdentityProviderClient {
  const env = process.env;
  const key = [
    region,
    env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
    env.AWS_ENDPOINT_URL,
    env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS,
    env.AWS_MAX_ATTEMPTS,
    env.AWS_PROFILE,
    env.AWS_CONFIG_FILE,
  ].join("\u0000");
  let client = clients.get(key);
  if (client === undefined) {
    // Region only: credentials come from the SDK's default chain, the endpoint from the AWS_ENDPOINT_URL*
    // conventions, retries from the SDK's standard strategy.
    client = new CognitoIdentityProviderClient({ region });
    clients.set(key, client);
  }
  return client;
}

/**
 * Checks the final URL of every attempt, whatever configured it (environment, AWS config file), and
 * records it for error messages.
 */
function guardEndpoint<I extends object, O extends object>(seen: {
  url?: string;
}): FinalizeRequestMiddleware<I, O> {
  return (next) => async (args) => {
    const request = args.request as { protocol?: string; hostname?: string; port?: number };
    const protocol = request.protocol ?? "https:";
    const hostname = request.hostname ?? "";
    seen.url = `${protocol.replace(/:$/, "")}://${hostname}${request.port ? `:${request.port}` : ""}`;
    const reason = unsafeEndpointReason(protocol, hostname);
    if (reason !== undefined) {
      const err = new Error(reason);
      err.name = "InsecureEndpointError";
      throw err;
    }
    return next(args);
  };
}

/**
 * Records `inputs.feedbackValue` for the event in Cognito: UpdateAuthEventFeedback (unsigned) when a
 * feedback token is given, AdminUpdateAuthEventFeedback (SigV4, default credential chain) otherwise.
 * Throws a {@link CognitoCallError} that never contains the token.
 */
export async function sendFeedback(inputs: AuthEventFeedbackInputs): Promise<void> {
  const { userPoolId, username, eventId, feedbackValue, feedbackToken, region } = inputs;
  const seen: { url?: string } = {};
  const guard = <I extends object, O extends object>(stack: MiddlewareStack<I, O>) =>
    stack.add(guardEndpoint<I, O>(seen), {
      step: "finalizeRequest",
      priority: "low",
      name: "cognitoFeedbackEndpointGuard",
    });
  const operation: CognitoOperation =
    feedbackToken !== undefined ? "UpdateAuthEventFeedback" : "AdminUpdateAuthEventFeedback";
  try {
    const client = clientFor(region);
    if (feedbackToken !== undefined) {
      const command = new UpdateAuthEventFeedbackCommand({
        UserPoolId: userPoolId,
        Username: username,
        EventId: eventId,
        FeedbackToken: feedbackToken,
        FeedbackValue: feedbackValue,
      });
      guard(command.middlewareStack);
      await client.send(command);
    } else {
      const command = new AdminUpdateAuthEventFeedbackCommand({
        UserPoolId: userPoolId,
        Username: username,
        EventId: eventId,
        FeedbackValue: feedbackValue,
      });
      guard(command.middlewareStack);
      await client.send(command);
    }
  } catch (err) {
    throw describeCognitoFailure(err, {
      operation,
      userPoolId,
      region,
      eventId,
      endpoint: seen.url,
      secrets: feedbackToken !== undefined ? [feedbackToken] : [],
    });
  }
}
