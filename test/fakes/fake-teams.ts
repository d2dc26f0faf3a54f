// A fake Bot Framework side for Teams on 127.0.0.1: OpenID metadata + JWKS (an RSA key generated
// here) so the bot's real JWT validation runs, RS256 tokens minted with node:crypto, and the Bot
// Connector endpoints where the bot posts activities, decoded into Rendered.
import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import type { Rendered } from "../contract/harness.js";
import { json, listen, parseBody } from "./http-util.js";
import { teamsRefusal } from "./teams-rules.js";

export const ISSUER = "https://api.botframework.com";
// One key per test process: the SDK caches OpenID metadata per URL for 24 h, and a reused port
// must still find a key it knows.
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const KID = "fake-teams-key-1";

interface CardAction {
  type: string;
  title: string;
  data?: Record<string, unknown>;
}
interface Card {
  body?: {
    type: string;
    id?: string;
    text?: string;
    spacing?: string;
    inlines?: { type: string; text: string; weight?: string }[];
    choices?: { title: string; value: string }[];
  }[];
  actions?: CardAction[];
}
export interface PostedActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
}

export interface FakeTeams {
  readonly url: string;
  /** serviceUrl for activities: the connector lives at the fake's root. */
  readonly serviceUrl: string;
  readonly openIdUrl: string;
  readonly rendered: Rendered[];
  /** Parameters of every 1:1 chat the bot asked to create (POST /v3/conversations). */
  readonly created: { members?: { id: string }[]; tenantId?: string }[];
  mint(claims: { aud: string; serviceurl: string; iss?: string; expiresInSec?: number }): string;
  /** What GET /v3/conversations/{id}/members/{userId} answers for "29:<key>" instead of the default. */
  member(key: string, account: { name?: string; userPrincipalName?: string | null }): void;
  rateLimitNext(seconds: number): void;
  /** The next activity POST answers this 5xx with the connector's error body (and Retry-After, if given). */
  failNext(status?: number, retryAfterSeconds?: number): void;
  /** Statuses of the sends refused by rateLimitNext/failNext, in order. */
  readonly refused: number[];
  /** Activities refused as Teams would (413 too big, 400 invalid card): status and error message. */
  readonly invalid: { status: number; message: string }[];
  close(): Promise<void>;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

export function mintToken(claims: Record<string, unknown>, key = privateKey): string {
  const head = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: KID }));
  const now = Math.floor(Date.now() / 1000);
  const body = b64url(JSON.stringify({ nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims }));
  return `${head}.${body}.${b64url(sign("sha256", Buffer.from(`${head}.${body}`), key))}`;
}

/** A key the fake's JWKS does not know, for forged tokens. */
export const strangerKey = createPrivateKey(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }));

function decode(conversationId: string, activity: PostedActivity): Rendered {
  const card = activity.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content as Card | undefined;
  // A long list of buttons arrives as one compact choice list (the adapter's "mentorbroChoice"): its choices are the buttons.
  const pick = (card?.body ?? []).find((b) => b.id === "mentorbroChoice");
  const inputs = (card?.body ?? []).filter((b) => b.type.startsWith("Input.") && b !== pick).map((b) => b.id ?? "");
  // The message text is the card's RichTextBlocks of plain TextRuns, one per line (a bold one is the form title).
  const lines = (card?.body ?? [])
    .filter((b) => b.type === "RichTextBlock" && !b.inlines?.some((i) => i.weight))
    .map((b) => `${b.spacing === "Medium" ? "\n" : ""}${(b.inlines ?? []).map((i) => i.text).join("")}`);
  const text = activity.text ?? (lines.length > 0 ? lines.join("\n") : (card?.body?.find((b) => b.type === "TextBlock")?.text ?? ""));
  return {
    target: conversationId,
    text,
    buttons: [
      ...(card?.actions ?? []).filter((a) => typeof a.data?.action === "string").map((a) => ({ label: a.title, action: String(a.data?.action) })),
      ...(pick?.choices ?? []).map((c) => ({ label: c.title, action: c.value })),
    ],
    ...(inputs.length > 0 ? { formFields: inputs } : {}),
    raw: activity,
  };
}

export async function startFakeTeams(): Promise<FakeTeams> {
  const rendered: Rendered[] = [];
  const created: FakeTeams["created"] = [];
  // One-off refusal for the next activity POST: a 429 with Retry-After, or a 5xx.
  let refuse: { status: number; retryAfter?: number } | undefined;
  const refused: number[] = [];
  const invalid: FakeTeams["invalid"] = [];
  let nextId = 1;
  const jwk = publicKey.export({ format: "jwk" });
  const members = new Map<string, { name?: string; userPrincipalName?: string | null }>();

  const server = await listen((req, res, raw) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (req.method === "GET" && path === "/openid") {
      return json(res, 200, {
        issuer: ISSUER,
        jwks_uri: `${server.url}/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
    }
    if (req.method === "GET" && path === "/keys") {
      return json(res, 200, { keys: [{ kty: "RSA", use: "sig", kid: KID, n: jwk.n, e: jwk.e, endorsements: ["msteams"] }] });
    }
    if (req.method === "POST" && path === "/v3/conversations") {
      // Creating a 1:1 chat returns the existing one: "29:<key>" chats in "a:personal-<key>".
      const params = parseBody(req, raw) as { members?: { id: string }[]; tenantId?: string };
      created.push(params);
      const member = params.members?.[0]?.id ?? "";
      return json(res, 201, { id: `a:personal-${member.replace(/^29:/, "")}` });
    }
    // TeamsInfo.getMember: the member's TeamsChannelAccount ("29:<key>" is <key>@contoso.test by default).
    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(path);
    if (req.method === "GET" && member) {
      const id = decodeURIComponent(member[1] ?? "");
      const key = id.replace(/^29:/, "");
      const given = members.get(key) ?? {};
      const upn = given.userPrincipalName === undefined ? `${key}@contoso.test` : given.userPrincipalName;
      return json(res, 200, { id, name: given.name ?? `${key} Test`, aadObjectId: `aad-${key}`, ...(upn ? { userPrincipalName: upn, email: upn } : {}) });
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (req.method === "POST" && match) {
      if (refuse !== undefined) {
        const { status, retryAfter } = refuse;
        refuse = undefined;
        refused.push(status);
        const headers: Record<string, string> = retryAfter !== undefined ? { "retry-after": String(retryAfter) } : {};
        if (status === 429) return json(res, 429, { error: { code: "Throttled", message: "Too many requests" } }, headers);
        return json(res, status, { error: { code: "ServiceError", message: `The service failed (${status})` } }, headers);
      }
      const activity = parseBody(req, raw) as unknown as PostedActivity;
      // What Teams refuses (size, card validity against its host config), refused here the same way.
      const refusal = teamsRefusal(activity);
      if (refusal) {
        invalid.push({ status: refusal.status, message: (refusal.body as { error: { message: string } }).error.message });
        return json(res, refusal.status, refusal.body);
      }
      rendered.push(decode(decodeURIComponent(match[1] ?? ""), activity));
      return json(res, 200, { id: `act-${nextId++}` });
    }
    return json(res, 404, { error: { code: "NotFound", message: path } });
  });

  return {
    url: server.url,
    serviceUrl: `${server.url}/`,
    openIdUrl: `${server.url}/openid`,
    rendered,
    created,
    mint: ({ expiresInSec, ...claims }) =>
      mintToken({ iss: ISSUER, ...claims, ...(expiresInSec ? { exp: Math.floor(Date.now() / 1000) + expiresInSec } : {}) }),
    refused,
    invalid,
    member: (key, account) => void members.set(key, account),
    rateLimitNext(seconds) {
      refuse = { status: 429, retryAfter: seconds };
    },
    failNext(status = 500, retryAfterSeconds) {
      refuse = { status, retryAfter: retryAfterSeconds };
    },
    close: () => server.close(),
  };
}
