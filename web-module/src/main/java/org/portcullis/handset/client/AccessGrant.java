package org.portcullis.handset.client;

import java.time.Instant;
import java.util.Objects;

/**
 * The server's approval of an access request.
 *
 * @param account the customer's account name
 * @param appId the app the token belongs to ({@code handset} for a handset's token)
 * @param expiresAt the token's expiry after the extension this use earned
 */
public record AccessGrant(String account, String appId, Instant expiresAt) {

  public AccessGrant {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
