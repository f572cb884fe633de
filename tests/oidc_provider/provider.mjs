// A real OpenID Provider (the certified `oidc-provider` package) for the browser
// sign-in tests, on 127.0.0.1 only. Configured by one JSON argument:
//   {"port": 5555, "client_id": "...", "client_secret": "...",
//    "redirect_uris": ["http://127.0.0.1:8081/..."], "post_logout_redirect_uris": [...],
//    "accounts": {"<login>": {"email": "...", "groups": ["..."]}}}
// Any password signs an account in (the package's development login page); the RS256
// signing key is made afresh at each start. Prints "ready <issuer>" when listening.
import { generateKeyPairSync, randomUUID } from "node:crypto";

import Provider from "oidc-provider";

const config = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${config.port}`;

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: config.redirect_uris,
      post_logout_redirect_uris: config.post_logout_redirect_uris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      id_token_signed_response_alg: "RS256",
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomUUID()] },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "groups", "employee_number"],
  },
  scopes: ["openid", "email", "profile"],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head>
<body><h1>Sign out of the test provider?</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></body></html>`;
      },
    },
  },
  // A first-party client: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  async findAccount(ctx, sub) {
    const account = config.accounts[sub] || {};
    return {
      accountId: sub,
      async claims() {
        return { sub, email_verified: true, ...account };
      },
    };
  },
});

provider.listen(config.port, "127.0.0.1", () => {
  console.log(`ready ${issuer}`);
});
