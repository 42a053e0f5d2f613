package org.portcullis.web.api;

import jakarta.ws.rs.core.CacheControl;

/**
 * {@code Cache-Control: no-store, no-cache}: for answers that carry secrets or one-time content.
 */
public final class NoStore {

  private NoStore() {}

  /** A fresh value: {@link CacheControl} is mutable. */
  public static CacheControl cacheControl() {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoCache(true);
    return noStore;
  }
}
