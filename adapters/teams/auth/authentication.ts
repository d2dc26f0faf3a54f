// Bot Framework authentication for the Teams adapter. Inbound JWT validation is real unless the
// composition root explicitly passes { disabled: true } (e.g. from TEAMS_AUTH_DISABLED=true for a
// local Bot Framework Emulator run). Endpoints can be overridden as a set (tests point them at a
// fake that serves OpenID metadata and a JWKS).
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from "botbuilder";

export type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

export interface TeamsEndpoints {
  /** OpenID metadata for tokens the channel sends the bot. */
  openIdMetadataUrl: string;
  /** Expected `iss` of those tokens (https://api.botframework.com in the public cloud). */
  tokenIssuer: string;
  /** Where the bot gets outbound tokens, and for which scope. */
  loginUrl: string;
  oauthScope: string;
}

export type TeamsAuth =
  | { disabled: true }
  | {
      disabled?: false;
      appId: string;
      appPassword?: string;
      tenantId?: string;
      appType?: "SingleTenant" | "MultiTenant";
      /** Only to leave the public cloud (or for tests); all four are set together, as the SDK requires. */
      endpoints?: TeamsEndpoints;
      /** Replaces password credentials (certificates, managed identity, tests). */
      credentialsFactory?: CredentialsFactory;
    };

export function appIdOf(auth: TeamsAuth): string {
  return auth.disabled ? "" : auth.appId;
}

export function createAuthentication(auth: TeamsAuth): ConfigurationBotFrameworkAuthentication {
  // With no MicrosoftAppId the SDK skips validation entirely: only ever reached by explicit choice.
  if (auth.disabled) return withoutSdkRetries(new ConfigurationBotFrameworkAuthentication({}));
  const config = {
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appPassword ?? "",
    MicrosoftAppType: auth.appType ?? (auth.tenantId ? "SingleTenant" : "MultiTenant"),
    MicrosoftAppTenantId: auth.tenantId ?? "",
  };
  const endpoints = auth.endpoints
    ? {
        ToBotFromChannelOpenIdMetadataUrl: auth.endpoints.openIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: auth.endpoints.openIdMetadataUrl,
        ToBotFromChannelTokenIssuer: auth.endpoints.tokenIssuer,
        ToChannelFromBotLoginUrl: auth.endpoints.loginUrl,
        ToChannelFromBotOAuthScope: auth.endpoints.oauthScope,
        OAuthUrl: auth.endpoints.loginUrl,
        ValidateAuthority: true,
        CallerId: "",
      }
    : {};
  const credentials = auth.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(config);
  return withoutSdkRetries(new ConfigurationBotFrameworkAuthentication({ ...config, ...endpoints }, credentials));
}

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>;
type Pipeline = { removePolicy(options: { phase: string }): unknown };

/**
 * The connector's HTTP pipeline retries 429s itself, sleeping for Retry-After up to three times
 * inside a send. The outbox owns retries, so the retry policy is removed from every connector
 * client the SDK creates. The pipeline sits behind a private field of the (archived, pinned) SDK;
 * the Teams 429 contract test fails if that ever changes.
 */
function withoutSdkRetries(auth: ConfigurationBotFrameworkAuthentication): ConfigurationBotFrameworkAuthentication {
  const wrapFactory = (factory: ConnectorFactory): ConnectorFactory => ({
    create: async (serviceUrl: string, audience?: string) => {
      const client = await factory.create(serviceUrl, audience);
      (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline?.removePolicy({ phase: "Retry" });
      return client;
    },
  });
  return new Proxy(auth, {
    get(target, prop, receiver) {
      if (prop === "createConnectorFactory") {
        return (identity: Parameters<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>[0]) =>
          wrapFactory(target.createConnectorFactory(identity));
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
